// Run the committed Action bundle (node dist/index.js) as the GitHub runner does: inputs as
// INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, GITHUB_EVENT_PATH, GITHUB_WORKSPACE.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, PACKAGE_ROOT } from './cli.ts';

export const ACTION = join(PACKAGE_ROOT, 'dist', 'index.js');
if (!existsSync(ACTION)) throw new Error('dist/index.js is missing: run "npm run build" first');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout split into lines (without the final empty one). */
  lines: string[];
  /** The step's outputs, read back from GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** What the step appended to GITHUB_STEP_SUMMARY. */
  summary: string;
}

export interface ActionRunOptions {
  /** Inputs by their action.yml names ("fail-on"), as the runner passes them. */
  inputs?: Record<string, string>;
  /** A pull_request event payload, written to GITHUB_EVENT_PATH. */
  event?: unknown;
  eventName?: string;
  apiUrl?: string;
  repository?: string;
  sha?: string;
  env?: Record<string, string>;
}

/** The runner's environment for a step, on top of a process environment without any runner variable. */
export async function runAction(workspace: string, options: ActionRunOptions = {}): Promise<ActionRun> {
  const files = fixture({ 'output.txt': '', 'summary.md': '', 'event.json': JSON.stringify(options.event ?? {}) });
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Tests may themselves run inside GitHub Actions: drop the outer runner's variables.
    if (/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(key) || ['FORCE_COLOR', 'NO_COLOR', 'NODE_OPTIONS'].includes(key)) continue;
    env[key] = value;
  }
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(files, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(files, 'summary.md'),
    GITHUB_EVENT_PATH: join(files, 'event.json'),
    GITHUB_EVENT_NAME: options.eventName ?? (options.event ? 'pull_request' : 'push'),
    GITHUB_REPOSITORY: options.repository ?? 'octo/adrs',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: options.sha ?? 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed',
    // Nothing may reach the real API: without a test server, point at a closed port.
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    RUNNER_TEMP: files,
    ...options.env,
  });
  // The runner passes every declared input, with its default when the workflow gives none.
  const defaults: Record<string, string> = {
    paths: '',
    config: '',
    'fail-on': 'error',
    'max-warnings': '',
    'only-changed': 'false',
    'sarif-file': '',
    'html-report': '',
    summary: 'true',
    annotations: 'true',
    review: 'false',
    comment: 'false',
    'github-token': 'test-token',
  };
  for (const [name, value] of Object.entries({ ...defaults, ...options.inputs })) env[`INPUT_${name.toUpperCase()}`] = value;

  const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [ACTION], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
  return {
    ...run,
    lines: run.stdout.split('\n').slice(0, -1),
    outputs: parseOutputFile(readFileSync(join(files, 'output.txt'), 'utf8')),
    summary: readFileSync(join(files, 'summary.md'), 'utf8'),
  };
}

/** GITHUB_OUTPUT's `name<<DELIMITER\nvalue\nDELIMITER` records. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!);
      outputs[name!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const at = lines[i]!.indexOf('=');
      outputs[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1);
    }
  }
  return outputs;
}

/** Workflow commands on stdout (lines starting with "::"), outside any stop-commands block. */
export function workflowCommands(lines: readonly string[]): string[] {
  const commands: string[] = [];
  let stopToken: string | null = null;
  for (const line of lines) {
    if (stopToken !== null) {
      if (line === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stopToken = stop[1]!;
    else if (line.startsWith('::')) commands.push(line);
  }
  return commands;
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value));
}
