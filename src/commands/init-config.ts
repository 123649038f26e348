// What `adrlint init [paths]` (src/commands/init.ts) does: lint the set with the defaults, capture its habits
// (src/commands/init-settings.ts), keep only the settings that report nothing the defaults did not, and write
// `.adrlintrc.yml` (or print it).
import { dirname, relative, resolve } from 'node:path';
import { resolveConfig } from '../run/config.ts';
import { findConfigFile } from '../io/config-file.ts';
import { UsageError } from '../io/files.ts';
import { lintProject, type RunOutcome } from '../run/lint-project.ts';
import { inferSettings, problemKey, rawConfig, renderConfig, type CapturedSetting } from './init-settings.ts';
import { plural } from '../model/plural.ts';
import { writeFileSafely } from '../io/safe-write.ts';
import type { Concurrency } from '../run/worker-pool.ts';

export const INIT_FILE = '.adrlintrc.yml';
const SCHEMA_URL = 'https://raw.githubusercontent.com/adrlint/adrlint/main/data/schema/config.schema.json';

export interface InitOptions {
  cwd: string;
  paths: readonly string[];
  force: boolean;
  dryRun: boolean;
  concurrency: Concurrency;
}

export interface InitOutcome {
  /** Where the config goes (written unless a dry run). */
  path: string;
  text: string;
  settings: CapturedSetting[];
  adrCount: number;
  defaultFindings: number;
  findings: number;
}

const findingCount = (outcome: RunOutcome) => outcome.results.reduce((sum, result) => sum + result.messages.length, 0);

/** Capture the set's conventions; the settings kept are those under which no new problem appears. */
export async function initConfig(options: InitOptions): Promise<InitOutcome> {
  const path = resolve(options.cwd, INIT_FILE);
  const existing = findConfigFile(options.cwd);
  if (existing && dirname(existing) === resolve(options.cwd) && !options.force && !options.dryRun)
    throw new UsageError(`${relative(options.cwd, existing)} already configures adrlint here; run "adrlint init --force" to replace it, or --dry-run to see what init would write`);
  const defaults = resolveConfig({}, null, resolve(options.cwd));
  const run = (config: typeof defaults) => lintProject({ cwd: options.cwd, paths: options.paths, config, concurrency: options.concurrency });
  const base = await run(defaults);
  const records = base.records;
  const known = new Set(base.results.flatMap((result) => result.messages.map((message) => problemKey(result.filePath, message))));
  const mentioning = records.filter((record) => (record.mentioned ?? []).some((slug) => !record.patterns.includes(slug))).length;
  let settings = inferSettings({ cwd: options.cwd, records, conventions: base.conventions, results: base.results, mentioning });
  let captured = base;
  // A setting under which a problem appears that the defaults did not report is dropped: the
  // written config must only ever make the set quieter.
  for (let round = 0; round < settings.length + 1; round++) {
    captured = await run(resolveConfig(rawConfig(settings), path, resolve(options.cwd)));
    const added = captured.results.flatMap((result) => result.messages.filter((message) => !known.has(problemKey(result.filePath, message))));
    if (added.length === 0) break;
    const rules = new Set(added.map((message) => message.ruleId));
    // A problem of no rule (a file that no longer lints at all) cannot be traced to one setting.
    if (rules.has(null)) settings = settings.filter((setting) => setting.key === 'adrs');
    else settings = settings.filter((setting) => !rules.has(setting.key) && !(setting.key === 'statuses' && rules.has('adr-status')));
  }
  const header = `adrlint configuration written by "adrlint init" from ${plural(records.length, 'ADR')}; each setting says what it saw.\nyaml-language-server: $schema=${SCHEMA_URL}`;
  const text = renderConfig(settings, header);
  // Replacing a config (--force) keeps its owner, mode and links; a link to it is followed.
  if (!options.dryRun) writeFileSafely(path, text);
  return { path, text, settings, adrCount: records.length, defaultFindings: findingCount(base), findings: findingCount(captured) };
}

/** What init inferred, for the terminal. */
export function describeInit(outcome: InitOutcome, cwd: string, dryRun: boolean): string {
  const lines = [`adrlint init: read ${plural(outcome.adrCount, 'ADR')}`];
  for (const setting of outcome.settings) lines.push(`  ${setting.key}: ${setting.comment}`);
  if (outcome.settings.length === 0) lines.push('  the defaults fit this set: nothing to capture');
  lines.push(`${plural(outcome.findings, 'finding')} with this config (${outcome.defaultFindings} with the defaults)`);
  lines.push(dryRun ? `${relative(cwd, outcome.path)} not written (dry run)` : `wrote ${relative(cwd, outcome.path)}`);
  return `${lines.join('\n')}\n`;
}
