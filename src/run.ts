// One lint run over a project: config → catalogue → discover → read → parse → check.
// The library entry point the CLI and the Action share; it never touches `process`.
import { realpathSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { loadCatalogue, type Catalogue } from './catalogue.ts';
import { loadConfig, overrideRules, type ResolvedConfig } from './config.ts';
import { adrFilesOfFolders, discoverFiles, readAdrFile, UsageError } from './files.ts';
import { checkAdr, fatalResult, fileProblem, summarise, type LintResult } from './lint.ts';
import { fixText } from './fixer.ts';
import { writeFixedFile } from './write.ts';
import { parseAdr } from './parse.ts';
import { buildRecord, markdownAnchors } from './record.ts';
import { diskProject, findRepositoryRoot } from './project.ts';
import type { AdrRecord, ParsedAdr } from './types.ts';

export interface RunOptions {
  cwd: string;
  /** Files, folders and globs; empty means the config's `adrs` or the usual ADR folder. */
  paths?: readonly string[];
  configFile?: string;
  /** `rule-id:severity` overrides, as given to `--rule`. */
  ruleOverrides?: readonly string[];
  /** Fix what can be fixed: write the files, or only compute the fixed text (dry run). */
  fix?: { write: boolean; rules?: ReadonlySet<string> };
}

export interface RunOutcome {
  results: LintResult[];
  config: ResolvedConfig;
  catalogue: Catalogue;
  records: AdrRecord[];
}

/** Config and catalogue for a working folder. Throws ConfigError or CatalogueError. */
export function loadProject(options: Pick<RunOptions, 'cwd' | 'configFile' | 'ruleOverrides'>): { config: ResolvedConfig; catalogue: Catalogue } {
  let config = loadConfig(options.cwd, options.configFile);
  if (options.ruleOverrides?.length) config = overrideRules(config, [...options.ruleOverrides]);
  return { config, catalogue: loadCatalogue(config.catalogue) };
}

export async function lintProject(options: RunOptions): Promise<RunOutcome> {
  const { config, catalogue } = loadProject(options);
  const discovery = await discoverFiles(options.paths ?? [], options.cwd, config);
  if (discovery.files.length === 0) {
    const absent = discovery.missing.filter((entry) => !entry.glob).map((entry) => entry.input);
    const unmatched = discovery.missing.filter((entry) => entry.glob).map((entry) => entry.input);
    const what = [
      ...(absent.length ? [`no such file or folder: ${absent.join(', ')}`] : []),
      ...(unmatched.length ? [`no files match ${unmatched.join(', ')}`] : []),
    ];
    throw new UsageError(what.length ? what.join('; ') : 'no ADR markdown files matched');
  }

  const parsed: Array<{ path: string; source: string; adr: ParsedAdr } | { path: string; error: string }> = [];
  for (const path of discovery.files) {
    const read = readAdrFile(path, config.maxFileSize);
    if (!read.ok) {
      parsed.push({ path, error: read.reason });
      continue;
    }
    try {
      parsed.push({ path, source: read.source, adr: parseAdr(path, read.source, catalogue) });
    } catch (error) {
      // A parser failure is a bug of ours or a library's; it must not stop the other files.
      parsed.push({ path, error: `could not be parsed: ${(error as Error).message.split('\n')[0]}` });
    }
  }

  const recordOf = new Map<ParsedAdr, AdrRecord>();
  for (const entry of parsed) if ('adr' in entry) recordOf.set(entry.adr, buildRecord(entry.adr, catalogue));
  const targetRecords = [...recordOf.values()];
  // The set: every ADR of the linted files' folders, linted or not (read for its record only).
  const linted = new Set(discovery.files);
  const others = adrFilesOfFolders(new Set(discovery.files.map((file) => dirname(file))), options.cwd, config).filter((file) => !linted.has(file));
  const records = [...targetRecords];
  for (const path of others) {
    const read = readAdrFile(path, config.maxFileSize);
    if (!read.ok) continue;
    try {
      records.push(buildRecord(parseAdr(path, read.source, catalogue), catalogue));
    } catch {
      // A file that cannot be parsed is reported when it is linted; here it is simply not in the set.
    }
  }
  const project = diskProject(findRepositoryRoot(options.cwd), markdownAnchors, new Map(records.map((record) => [record.path, record.anchors])));
  const context = { catalogue, config, project };
  // Real path → the text written there: a symbolic link and its target are one file, written once.
  const written = new Map<string, string>();
  const results: LintResult[] = discovery.missing.map((entry) =>
    fatalResult(entry.path, entry.glob ? `no files match "${entry.input}"` : `${entry.input} does not exist (no such file or folder)`),
  );
  for (const entry of parsed) {
    if ('error' in entry) {
      results.push(fatalResult(entry.path, `${relative(options.cwd, entry.path) || entry.path} ${entry.error}`));
      continue;
    }
    try {
      if (!options.fix) {
        results.push(summarise(entry.path, checkAdr(entry.adr, records, context, recordOf.get(entry.adr)), entry.adr.text));
        continue;
      }
      const fixed = fixText(entry.path, entry.source, context, records, options.fix, entry.adr);
      const result = fixed.result;
      if (fixed.output !== entry.source) {
        // As in ESLint: the file as read and as fixed, both as on disk (BOM included).
        result.source = entry.source;
        result.output = fixed.output;
        result.fixedCount = fixed.fixedCount;
        const real = options.fix.write ? realPath(entry.path) : null;
        if (options.fix.write && (real === null || written.get(real) !== fixed.output)) {
          const outcome = writeFixedFile(entry.path, entry.source, fixed.output);
          if (outcome.ok) {
            if (real !== null) written.set(real, fixed.output);
          } else {
            // Not written: nothing was fixed, so report the problems of the file as read (not of the
            // fixed text, which is nowhere on disk), after the reason.
            const problem = fileProblem(`${relative(options.cwd, entry.path) || entry.path} ${outcome.reason}`);
            results.push(summarise(entry.path, [problem, ...checkAdr(entry.adr, records, context)], entry.adr.text));
            continue;
          }
        }
      }
      results.push(result);
    } catch (error) {
      results.push(fatalResult(entry.path, `internal error while linting: ${(error as Error).message.split('\n')[0]}`));
    }
  }
  return { results, config, catalogue, records };
}

function realPath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}
