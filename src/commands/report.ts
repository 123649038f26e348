// `adrlint report [paths]`: the set's statuses, pattern usage and supersede chains. Lint problems do not change the exit code.
import { UsageError } from '../io/files.ts';
import { lintProject } from '../run/lint-project.ts';
import { EXIT_OK, type Command, type CommandInput } from './command.ts';
import { cacheOption, emit, noteSkipped, parseConcurrency, progressLine } from './output.ts';

const REPORT_FORMATS = ['markdown', 'json', 'mermaid'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportCommand: Command = {
  name: 'report',
  usage: `  adrlint report [paths...] [--format markdown|json|mermaid] [-o <file>]
                                        the ADR set at a glance: statuses, patterns, supersede chains
`,
  operands: 'paths',
  flags: ['format', 'output-file', 'config', 'cache', 'cache-location', 'concurrency'],
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
  const text = format === 'json' ? report.formatReportJson(set) : format === 'mermaid' ? report.formatReportMermaid(set) : report.formatReportMarkdown(set);
  emit(text, values['output-file'], io);
  return EXIT_OK;
}
