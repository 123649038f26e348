// `adrlint init`: read an existing ADR set and write the `.adrlintrc.yml` that captures its habits,
// each setting with a comment saying what was seen. The inference is pure (records, conventions and
// the default run's problems in, settings out); src/cli.ts runs adrlint, checks that the captured
// config reports nothing the defaults did not, and writes the file.
import { basename, relative } from 'node:path';
import { distance } from 'fastest-levenshtein';
import { DEFAULT_STATUSES, readStatus, statusVocabulary } from '../model/status.ts';
import { plural } from '../model/plural.ts';
import { TEMPLATES } from '../../rules/adr-sections.ts';
import { followsNaming, inferNaming, namingForm } from '../model/naming.ts';
import type { LintResult } from '../engine/run-rules.ts';
import type { AdrFormat, AdrRecord, SetConventions } from '../model/types.ts';

/** One captured setting: where it goes, its value, and what was seen. */
export interface CapturedSetting {
  /** `adrs`, `statuses`, a rule id, or `patterns` (a note only). */
  key: string;
  /** Null: what was seen is written as a comment, with no setting (the default already fits). */
  value: unknown;
  comment: string;
}

export interface InitInput {
  /** The folder the config is written in: paths are relative to it. */
  cwd: string;
  records: readonly AdrRecord[];
  conventions: ReadonlyMap<string, SetConventions>;
  /** The problems of a run with the default config. */
  results: readonly LintResult[];
  /** How many ADRs mention catalogue patterns without declaring any (for the comment). */
  mentioning: number;
}

/** Every convention `init` captures, in the order the file lists them. */
export function inferSettings(input: InitInput): CapturedSetting[] {
  return [adrsSetting(input), statusesSetting(input), ...patternSettings(input), sectionsSetting(input), filenameSetting(input)].filter(
    (setting): setting is CapturedSetting => setting !== null,
  );
}

function adrsSetting({ cwd, records }: InitInput): CapturedSetting | null {
  const folders = [...new Set(records.map((record) => record.folder))].sort();
  if (folders.length === 0) return null;
  const counts = folders.map((folder) => `${relative(cwd, folder) || '.'}: ${plural(records.filter((record) => record.folder === folder).length, 'ADR')}`);
  return { key: 'adrs', value: folders.map((folder) => relative(cwd, folder) || '.'), comment: `where the ADRs are (${counts.join('; ')})` };
}

/** "Superseded by [3](3.md)" → "superseded"; "Implemented in [PR 5](…)" → "implemented"; "**On hold**." → "on hold". */
export function statusWord(written: string): string {
  const cleaned = written.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return (/^[\p{L}][\p{L}' -]*?(?=\s+(?:by|par|por|durch|von|in)\b|[^\p{L}' -]|$)/u.exec(cleaned)?.[0] ?? cleaned).trim();
}

/**
 * The statuses the set writes that its vocabulary (its template's, else the defaults and their
 * synonyms) does not know. A status written once and a typo's distance from a known one is left to
 * adr-status: it is most likely a mistake, not a habit; so is a synonym outside the template's list
 * (adr-status names the set's word for it).
 */
function statusesSetting({ records, conventions }: InitInput): CapturedSetting | null {
  const template = [...conventions.values()].find((entry) => entry.template?.statuses)?.template ?? null;
  const vocabulary = statusVocabulary({ statuses: DEFAULT_STATUSES, statusesGiven: false }, template);
  const counts = new Map<string, number>();
  for (const record of records) {
    if (!record.status || readStatus(record.status.value, vocabulary).kind !== 'unknown') continue;
    const word = statusWord(record.status.value);
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const extra = [...counts.entries()]
    .filter(([word, count]) => count > 1 || vocabulary.statuses.every((status) => distance(word, status.toLowerCase()) > 2))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (extra.length === 0) return statusesInUse(records, vocabulary.source === 'template' ? `the statuses ${vocabulary.template} lists` : 'the standard statuses');
  const source = vocabulary.source === 'template' ? `the statuses ${vocabulary.template} lists` : 'the standard statuses (and their synonyms)';
  return {
    key: 'statuses',
    value: [...vocabulary.statuses, ...extra.map(([word]) => word)],
    comment: `${source}, and the set’s own: ${extra.map(([word, count]) => `${word} (${plural(count, 'ADR')})`).join(', ')}`,
  };
}

/** The statuses the set writes, as a note, when its vocabulary already takes them all. */
function statusesInUse(records: readonly AdrRecord[], source: string): CapturedSetting | null {
  const counts = new Map<string, number>();
  for (const record of records) if (record.status) counts.set(statusWord(record.status.value), (counts.get(statusWord(record.status.value)) ?? 0) + 1);
  if (counts.size === 0) return null;
  const used = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word, count]) => `${word} (${count})`);
  return { key: 'statuses', value: null, comment: `statuses in use: ${used.join(', ')}; ${source} know them, none needs adding` };
}

/** A set that never declares `patterns` has not adopted the catalogue: say so explicitly. */
/**
 * Whether the set uses `patterns`, as a note: pattern-undeclared and pattern-link stay quiet on a
 * set that does not, and start by themselves when one ADR declares patterns. Turning them off here
 * would keep them off after the team adopts the catalogue.
 */
function patternSettings({ records, conventions, mentioning }: InitInput): CapturedSetting[] {
  if (records.length === 0) return [];
  if ([...conventions.values()].some((entry) => entry.patternsAdopted))
    return [{ key: 'patterns', value: null, comment: 'ADRs declare "patterns": pattern-undeclared and pattern-link are on' }];
  const mention = mentioning === 1 ? 'mentions' : 'mention';
  const seen = mentioning ? `; ${plural(mentioning, 'ADR')} ${mention} catalogue patterns (adrlint report lists them)` : '';
  return [{ key: 'patterns', value: null, comment: `no ADR declares "patterns"${seen}: pattern-undeclared and pattern-link stay quiet until one does` }];
}

const MISSING_SECTION = /^Missing the "(.+?)" section/;

/**
 * Without a template file: the sections of the dominant format that most of its records have. A
 * section at least half of them lack is the set's habit, not a mistake in each.
 */
function sectionsSetting({ records, conventions, results }: InitInput): CapturedSetting | null {
  const own = [...conventions.values()].find((entry) => entry.template)?.template;
  if (own) {
    const required = own.sections.filter((section) => !section.optional && !section.droppedBySet).map((section) => `"${section.title}"`);
    return { key: 'adr-sections', value: null, comment: `sections: those of ${basename(own.path)} (${required.join(', ') || 'none required'}), which adr-sections reads itself` };
  }
  const format = dominantFormat(records);
  if (!format) return null;
  const ofFormat = new Set(records.filter((record) => formatFamily(record.format) === format).map((record) => record.path));
  const missing = new Map<string, number>();
  for (const result of results) {
    if (!ofFormat.has(result.filePath)) continue;
    for (const message of result.messages) {
      const section = message.ruleId === 'adr-sections' ? MISSING_SECTION.exec(message.message)?.[1] : undefined;
      if (section) missing.set(section, (missing.get(section) ?? 0) + 1);
    }
  }
  const template = TEMPLATES[format];
  const dropped = template.filter((section) => (missing.get(section) ?? 0) * 2 >= ofFormat.size);
  if (dropped.length === template.length) return null;
  if (dropped.length === 0)
    return { key: 'adr-sections', value: null, comment: `sections: most ${format} records (${ofFormat.size} of ${records.length} are) write each section of the ${format} template` };
  return {
    key: 'adr-sections',
    value: ['warn', { template: template.filter((section) => !dropped.includes(section)) }],
    comment: `${format} records (${ofFormat.size} of ${records.length}); most leave out ${dropped.map((section) => `"${section}"`).join(', ')}`,
  };
}

function formatFamily(format: AdrFormat): 'madr' | 'nygard' | null {
  return format === 'nygard' ? 'nygard' : format === 'madr' || format === 'madr2' ? 'madr' : null;
}

function dominantFormat(records: readonly AdrRecord[]): 'madr' | 'nygard' | null {
  let madr = 0;
  let nygard = 0;
  for (const record of records) {
    const family = formatFamily(record.format);
    if (family === 'madr') madr++;
    if (family === 'nygard') nygard++;
  }
  if (madr + nygard === 0) return null;
  return nygard > madr ? 'nygard' : 'madr';
}

/**
 * The folder's naming, as a note: adr-filename infers it itself (src/model/naming.ts), so writing it as a
 * pattern would only freeze what the rule already reads.
 */
function filenameSetting({ records }: InitInput): CapturedSetting | null {
  if (records.length === 0) return null;
  const names = records.map((record) => record.name);
  const scheme = inferNaming(names);
  const following = names.filter((name) => followsNaming(name, scheme)).length;
  return { key: 'adr-filename', value: null, comment: `file names: ${following} of ${plural(names.length, 'name')} follow ${namingForm(scheme)}, which adr-filename reads itself` };
}

/** The settings as a commented `.adrlintrc.yml`. Strings are written as JSON strings (valid YAML). */
export function renderConfig(settings: readonly CapturedSetting[], header: string): string {
  const lines = header.split('\n').map((line) => `# ${line}`.trimEnd());
  const top = settings.filter((setting) => (setting.key === 'adrs' || setting.key === 'statuses') && setting.value !== null);
  const rules = settings.filter((setting) => setting.key !== 'adrs' && setting.key !== 'statuses' && setting.value !== null);
  for (const note of settings.filter((setting) => setting.value === null)) lines.push(`# ${note.comment}`);
  for (const setting of top) {
    lines.push(`# ${setting.comment}`, `${setting.key}:`);
    for (const item of setting.value as string[]) lines.push(`  - ${JSON.stringify(item)}`);
  }
  if (rules.length > 0) {
    lines.push('rules:');
    for (const setting of rules) lines.push(`  # ${setting.comment}`, `  ${setting.key}: ${flowYaml(setting.value)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A rule setting in flow style: a severity bare, every other string quoted. */
function flowYaml(value: unknown): string {
  if (value === 'off' || value === 'warn' || value === 'error') return value;
  if (Array.isArray(value)) return `[${value.map(flowYaml).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([key, entry]) => `${key}: ${flowYaml(entry)}`)
      .join(', ')} }`;
  return JSON.stringify(value);
}

/** The captured settings as the raw config object they stand for. */
export function rawConfig(settings: readonly CapturedSetting[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const rules: Record<string, unknown> = {};
  for (const setting of settings) {
    if (setting.value === null) continue;
    if (setting.key === 'adrs' || setting.key === 'statuses') raw[setting.key] = setting.value;
    else rules[setting.key] = setting.value;
  }
  if (Object.keys(rules).length > 0) raw.rules = rules;
  return raw;
}

/**
 * A problem's identity across two runs of the same files: its file, rule and place. Not its
 * message, which may name the configured vocabulary ("use one of ...").
 */
export function problemKey(filePath: string, message: { ruleId: string | null; line: number; column: number }): string {
  return `${filePath}\0${message.ruleId ?? ''}\0${message.line}:${message.column}`;
}
