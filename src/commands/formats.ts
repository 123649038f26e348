// `--format` and `--output-file`: which reports a run writes, and where.
import { resolve } from 'node:path';
import { UsageError } from '../io/files.ts';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

/** One report of a run: a format, and the file it goes to (null: stdout). */
export interface ReportOutput {
  format: Format;
  path: string | null;
}

/**
 * The reports `--format` asks for: each `name` or `name=path`, repeatable. Every format with a path
 * is written there; the one without (stylish when every format names a path, so the log still shows
 * the problems) goes to `--output-file`, else stdout.
 */
export function parseFormats(specs: readonly string[], outputFile: string | undefined, cwd: string): ReportOutput[] {
  const outputs: ReportOutput[] = specs.map((spec) => {
    const equals = spec.indexOf('=');
    const name = equals === -1 ? spec : spec.slice(0, equals);
    if (!FORMATS.includes(name as Format)) throw new UsageError(`unknown format "${name}"; use one of ${FORMATS.join(', ')}`);
    if (equals === spec.length - 1) throw new UsageError(`--format ${spec} names no file; write --format ${name}=<file>, or ${name} alone for stdout`);
    return { format: name as Format, path: equals === -1 ? null : spec.slice(equals + 1) };
  });
  const unnamed = outputs.filter((output) => output.path === null);
  if (unnamed.length > 1)
    throw new UsageError(`only one --format can go to ${outputFile ? '--output-file' : 'stdout'} (given: ${unnamed.map((o) => o.format).join(', ')}); send the others to files with --format <name>=<file>`);
  const main: ReportOutput = { format: unnamed[0]?.format ?? 'stylish', path: outputFile ?? null };
  // The stdout report first: the subcommands that print one thing print that one.
  const reports = [main, ...outputs.filter((output) => output.path !== null)];
  const written = new Map<string, Format>();
  for (const { format, path } of reports) {
    if (path === null) continue;
    const target = resolve(cwd, path);
    const other = written.get(target);
    if (other !== undefined) throw new UsageError(`${format} and ${other} reports would both be written to ${path}`);
    written.set(target, format);
  }
  return reports;
}
