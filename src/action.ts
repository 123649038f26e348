// The GitHub Action's shell (bundled to dist/index.js): read the inputs, hand the runner's
// context to the job, map its outcome to outputs and the step's result. No lint logic here.
import * as core from '@actions/core';
import { withCommandsStopped } from './format/workflow-commands.ts';
import { API_TIMEOUT_VARIABLES, DEFAULT_API_TIMEOUTS, type ApiTimeouts } from './github/api-clock.ts';
import { WriteError, writeFileSafely } from './io/safe-write.ts';
import { createOctokit, type Octokit } from './github/client.ts';
import { pullRequestOfEvent, runActionJob, type ActionInputs, type ActionIo, type FailOn, type RunnerContext } from './github/action-job.ts';

class InputError extends Error {}

function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new InputError(`input "${name}" must be true or false, not "${core.getInput(name)}"`);
}

function readInputs(): ActionInputs {
  const failOn = (core.getInput('fail-on').trim() || 'error') as FailOn;
  if (!['error', 'warning', 'never'].includes(failOn)) throw new InputError(`input "fail-on" must be error, warning or never, not "${failOn}"`);
  const maxWarningsText = core.getInput('max-warnings').trim();
  const maxWarnings = maxWarningsText === '' ? -1 : Number(maxWarningsText);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new InputError(`input "max-warnings" must be a whole number, not "${maxWarningsText}"`);
  return {
    // Globs may be given one per line or separated by commas.
    paths: core
      .getInput('paths')
      .split(/[\n,]/)
      .map((path) => path.trim())
      .filter(Boolean),
    config: core.getInput('config').trim() || null,
    failOn,
    maxWarnings,
    onlyChanged: booleanInput('only-changed', false),
    sarifFile: core.getInput('sarif-file').trim() || null,
    htmlReport: core.getInput('html-report').trim() || null,
    summary: booleanInput('summary', true),
    annotations: booleanInput('annotations', true),
    review: booleanInput('review', false),
    comment: booleanInput('comment', false),
    token: core.getInput('github-token').trim(),
    apiTimeouts: apiTimeouts(),
  };
}

// Six hours, a job's longest run on GitHub's runners; also keeps setTimeout's delay in range.
const MAX_API_SECONDS = 6 * 60 * 60;

/** The API's time limits: seconds in ADRLINT_API_TIMEOUT and ADRLINT_API_BUDGET, else the defaults. */
function apiTimeouts(): ApiTimeouts {
  const timeouts = { ...DEFAULT_API_TIMEOUTS };
  for (const key of ['requestMs', 'budgetMs'] as const) {
    const name = API_TIMEOUT_VARIABLES[key];
    const text = process.env[name]?.trim() ?? '';
    if (text === '') continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0 || value > MAX_API_SECONDS)
      throw new InputError(`environment variable ${name} must be a number of seconds above 0 and at most ${MAX_API_SECONDS}, not "${text}"`);
    timeouts[key] = value * 1000;
  }
  return timeouts;
}

function runnerContext(): RunnerContext {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  const pullRequest = pullRequestOfEvent(process.env.GITHUB_EVENT_PATH);
  return {
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    repository: owner && repo ? { owner, repo } : null,
    serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com',
    sha: pullRequest?.headSha ?? process.env.GITHUB_SHA ?? null,
    pullRequest,
  };
}

function runnerIo(token: string): ActionIo {
  let octokit: Promise<Octokit> | null = null;
  return {
    annotate: ({ level, message, ...properties }) => (level === 'error' ? core.error : core.warning)(message, properties),
    notice: (message) => core.notice(message),
    warning: (message) => core.warning(message),
    // A file name or message could start a line with "::"; stop the runner reading commands
    // until a token no ADR can know.
    logUntrusted: (text) => process.stdout.write(withCommandsStopped(text)),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
    writeFile: (path, text) => writeFileSafely(path, text),
    octokit: () => {
      if (!token) return Promise.reject(Object.assign(new Error('no github-token input'), { status: 401 }));
      octokit ??= createOctokit(token);
      return octokit;
    },
  };
}

async function main(): Promise<void> {
  try {
    const inputs = readInputs();
    const outcome = await runActionJob(inputs, runnerContext(), runnerIo(inputs.token));
    core.setOutput('errors', outcome.errors);
    core.setOutput('warnings', outcome.warnings);
    core.setOutput('files', outcome.files);
    core.setOutput('fixable', outcome.fixable);
    core.setOutput('sarif-file', outcome.sarifFile);
    if (outcome.htmlReport) core.setOutput('html-report', outcome.htmlReport);
    if (outcome.failure) core.setFailed(outcome.failure);
  } catch (error) {
    // One line for the user; the stack only in debug logs.
    if (error instanceof InputError || error instanceof WriteError) core.setFailed(`adrlint: ${error.message}`);
    else {
      core.setFailed(`adrlint: internal error: ${(error as Error).message?.split('\n')[0] ?? String(error)}`);
      core.debug((error as Error).stack ?? '');
    }
  }
}

await main();
