// `adrlint report [paths]`: the set's statuses, pattern usage and supersede chains, as markdown, JSON,
// Mermaid or one HTML page. Lint problems do not change the exit code.
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../io/files.ts';
import { VERSION } from '../io/version.ts';
import { lintProject, type RunOutcome } from '../run/lint-project.ts';
import { EXIT_OK, type CliIo, type Command, type CommandInput } from './command.ts';
import type { FlagValues } from './flags.ts';
import { cacheOption, emit, noteSkipped, parseConcurrency, progressLine } from './output.ts';

const REPORT_FORMATS = ['markdown', 'json', 'mermaid', 'html'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportCommand: Command = {
  name: 'report',
  usage: `  adrlint report [paths...] [--format markdown|json|mermaid|html] [-o <file>] [--base-url <url>]
                                        the ADR set at a glance: statuses, patterns, supersede chains
                                        (html: one self-contained page with the problems too)
`,
  operands: 'paths',
  flags: ['format', 'output-file', 'base-url', 'config', 'cache', 'cache-location', 'concurrency'],
  ignores: ['color', 'no-color'],
  namesOwners: true,
  ownFormats: true,
  run: runReport,
};

async function runReport({ io, values, operands: paths }: CommandInput): Promise<number> {
  const formats = values.format ?? [];
  if (formats.length > 1) throw new UsageError(`"adrlint report" writes one format; given ${formats.join(', ')}`);
  const format = (formats[0] ?? 'markdown') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`unknown report format "${formats[0]}"; use one of ${REPORT_FORMATS.join(', ')}`);
  if (values['base-url'] !== undefined && format !== 'html') throw new UsageError('--base-url links the files of the HTML report; use it with --format html');
  const baseUrl = values['base-url'] === undefined ? null : checkBaseUrl(values['base-url']);
  const report = await import('../format/report.ts');
  const progress = progressLine(io);
  const outcome = await lintProject({
    cwd: io.cwd,
    paths,
    configFile: values.config,
    ...cacheOption(values),
    concurrency: parseConcurrency(values.concurrency),
    onProgress: progress.update,
  }).finally(progress.clear);
  for (const warning of outcome.warnings) io.stderr.write(`adrlint: warning: ${warning}\n`);
  noteSkipped(outcome, io);
  const set = report.buildSetReport(outcome.records, outcome.catalogue, {
    root: io.cwd,
    conventions: outcome.conventions,
    ...(outcome.config.statusesGiven ? { statuses: outcome.config.statuses } : {}),
  });
  const text =
    format === 'json'
      ? report.formatReportJson(set)
      : format === 'mermaid'
        ? report.formatReportMermaid(set)
        : format === 'html'
          ? report.formatReportHtml(report.buildReportPage(set, outcome.catalogue.categories, pageOptions(io, outcome)), { fileHref: fileHref(io, values, baseUrl) })
          : report.formatReportMarkdown(set);
  emit(text, values['output-file'], io);
  return EXIT_OK;
}

function checkBaseUrl(url: string): string {
  if (!/^https?:\/\/[^/\s]/i.test(url)) throw new UsageError(`--base-url takes an http or https URL; not "${url}"`);
  return url.replace(/\/+$/, '');
}

/** SOURCE_DATE_EPOCH (seconds) makes the page's date reproducible, as it does for builds. */
function generatedDate(env: CliIo['env']): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be a number of seconds; not "${epoch}"`);
  return new Date(Number(epoch) * 1000);
}

function pageOptions(io: CliIo, outcome: RunOutcome) {
  return {
    root: io.cwd,
    name: io.env.GITHUB_REPOSITORY || basename(io.cwd),
    generated: generatedDate(io.env),
    version: VERSION,
    records: outcome.records,
    results: outcome.results,
  };
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/**
 * How the page links a file: --base-url, else the commit being built on GitHub Actions
 * (GITHUB_SERVER_URL/GITHUB_REPOSITORY/blob/GITHUB_SHA, paths from GITHUB_WORKSPACE), else a
 * path relative to the report's folder (the working folder when it goes to stdout).
 */
function fileHref(io: CliIo, values: FlagValues, baseUrl: string | null): (path: string) => string | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha, GITHUB_WORKSPACE: workspace } = io.env;
  const github = server && repository && sha ? `${server.replace(/\/+$/, '')}/${repository}/blob/${sha}` : null;
  const base = baseUrl ?? github;
  if (base !== null) {
    const root = baseUrl === null && workspace ? resolve(workspace) : io.cwd;
    return (path) => {
      const inRepo = relative(root, resolve(io.cwd, path));
      return inRepo === '..' || inRepo.startsWith(`..${sep}`) || isAbsolute(inRepo) ? null : `${base}/${encodePath(inRepo.split(sep).join('/'))}`;
    };
  }
  const output = values['output-file'];
  const folder = output ? dirname(resolve(io.cwd, output)) : io.cwd;
  return (path) => encodePath(relative(folder, resolve(io.cwd, path)).split(sep).join('/'));
}
