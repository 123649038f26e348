// `adrlint new`: the next ADR of a folder, numbered, named and laid out as the folder's others are.
// The pure parts (number, width, convention, name, text) take the folder's file names and today's
// date as inputs, so they need neither a clock nor a disk; `createAdr` lists the folder and writes.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { templateStatuses, templateStatusesOpen } from '../parse/conventions.ts';
import { isNumberedFolder, isNumberedName, isTemplateName } from '../model/naming.ts';
import { dirname, join, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { Catalogue } from '../model/catalogue.ts';
import { DEFAULT_ADR_FOLDERS, type ResolvedConfig } from '../model/config.ts';
import { UsageError } from '../io/files.ts';
import { isNegated } from '../io/targets.ts';
import { parseAdr } from '../parse/parse-adr.ts';
import { buildRecord } from '../parse/record.ts';
import { DATE_SCHEME, DEFAULT_SCHEME, isDateName, nextFreeNumber, namingFor, schemeName, type NamingOption, type NamingScheme } from '../model/naming.ts';
import { readStatus, statusVocabulary, wordFor, type StatusVocabulary } from '../model/status.ts';
import type { AdrFormat } from '../model/types.ts';
import { createNewFile, NotRegularFileError, readRegularFile } from '../io/safe-write.ts';

export type TemplateName = 'madr' | 'nygard';
export const TEMPLATE_NAMES: readonly TemplateName[] = ['madr', 'nygard'];

const MARKDOWN = /\.(?:md|markdown)$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A long title makes a file name nobody types; file systems refuse names over 255 bytes.
const MAX_SLUG_LENGTH = 60;
// The folder's newest records decide the default template: a new record follows current practice,
// and reading a bounded number keeps `new` instant in a folder of thousands.
const TEMPLATE_SAMPLE = 50;

/**
 * Names of the folder's ADRs: markdown files that are not README, index or template pages, nor,
 * in a folder of numbered records, an unnumbered page (`install.md`), as a lint run finds them.
 */
export function adrNames(entries: readonly string[], nonAdrFiles: readonly string[]): string[] {
  const isNonAdr = picomatch([...nonAdrFiles], { dot: true });
  const candidates = entries.filter((name) => MARKDOWN.test(name) && !name.startsWith('.') && !isNonAdr(name) && !isTemplateName(name)).sort();
  return isNumberedFolder(candidates) ? candidates.filter((name) => isNumberedName(name)) : candidates;
}

/** The title in kebab case for a file name: lower case, letters and digits, whole words up to 60 characters. */
export function titleSlug(title: string): string {
  const words = title.normalize('NFC').toLowerCase().replace(/['’]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const longer = slug ? `${slug}-${word}` : word;
    if (slug && longer.length > MAX_SLUG_LENGTH) break;
    slug = longer;
  }
  return slug;
}

/** The name in a naming scheme (src/model/naming.ts): `0042-use-kafka.md`, `ADR-042-use-kafka.md`, `adr_042_use_kafka.md`, by date `20261124-use-kafka.md`. */
export function adrFileName(slug: string, scheme: NamingScheme, number: number, date: string): string {
  return schemeName(scheme, scheme.kind === 'date' ? date.replace(/-/g, '') : number, slug.split('-'));
}

/** The default template: the one most of the folder's ADRs are written in (MADR on a tie or without any). */
export function folderTemplate(formats: readonly AdrFormat[]): TemplateName {
  const nygard = formats.filter((format) => format === 'nygard').length;
  const madr = formats.filter((format) => format === 'madr' || format === 'madr2').length;
  return nygard > madr ? 'nygard' : 'madr';
}

/** A date as YYYY-MM-DD in the local time zone: "today" is the user's day. */
export function formatLocalDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface AdrFields {
  title: string;
  /** Null in a folder of date-named ADRs. */
  number: number | null;
  /** YYYY-MM-DD. */
  date: string;
  status: string;
  /** Catalogue slugs the title mentions. */
  patterns: readonly string[];
}

/** A YAML scalar for a status: plain when that reads back as the same string, else double-quoted. */
function yamlString(value: string): string {
  return /^[\p{L}][\p{L}\p{N} _-]*$/u.test(value) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}

const flowList = (slugs: readonly string[]) => `[${slugs.join(', ')}]`;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The text of a new ADR. madr: MADR 4 frontmatter and the three sections adr-sections asks for;
 * nygard: adr-tools' layout, with a frontmatter for `patterns` only when the title mentions one
 * (pattern-undeclared reads mentions in headings too). The prompts are HTML comments: they hold
 * no prose, so no rule reads a pattern mention or a link in them.
 */
export function renderAdr(template: TemplateName, fields: AdrFields): string {
  if (template === 'nygard') {
    const heading = fields.number === null ? fields.title : `${fields.number}. ${fields.title}`;
    return [
      ...(fields.patterns.length > 0 ? ['---', `patterns: ${flowList(fields.patterns)}`, '---', ''] : []),
      `# ${heading}`,
      '',
      `Date: ${fields.date}`,
      '',
      '## Status',
      '',
      capitalise(fields.status),
      '',
      '## Context',
      '',
      '<!-- The forces at play (technical, political, social, project-local) and why a decision is needed now. -->',
      '',
      '## Decision',
      '',
      '<!-- "We will …", in full sentences and the active voice. -->',
      '',
      '## Consequences',
      '',
      '<!-- What becomes easier and what becomes harder because of this decision. -->',
      '',
    ].join('\n');
  }
  return [
    '---',
    `status: ${yamlString(fields.status)}`,
    `date: ${fields.date}`,
    `patterns: ${flowList(fields.patterns)}`,
    '---',
    '',
    `# ${fields.title}`,
    '',
    '## Context and Problem Statement',
    '',
    '<!-- The context and the problem in two or three sentences, or as the question to answer. -->',
    '',
    '## Considered Options',
    '',
    '<!-- One bullet per option, by its title. -->',
    '',
    '## Decision Outcome',
    '',
    '<!-- Chosen option: "…", because … (the justification). -->',
    '',
    '### Consequences',
    '',
    '<!-- Good, because …; Bad, because … -->',
    '',
  ].join('\n');
}

/**
 * A user template with `{{title}}`, `{{number}}` (empty in a date-named folder), `{{date}}`,
 * `{{status}}` and `{{patterns}}` (a YAML flow list) filled in; other text is kept as written.
 */
export function fillTemplate(text: string, fields: AdrFields): string {
  const values: Record<string, string> = {
    title: fields.title,
    number: fields.number === null ? '' : String(fields.number),
    date: fields.date,
    status: fields.status,
    patterns: flowList(fields.patterns),
  };
  return text.replace(/\{\{\s*(title|number|date|status|patterns)\s*\}\}/g, (_, key: string) => values[key]!);
}

/** Where `adrlint new` writes: the config's first `adrs` entry (a glob's folder), else the first usual folder that exists, else docs/adr. */
export function adrFolder(cwd: string, config: ResolvedConfig): string {
  const configured = config.adrs?.find((entry) => !isNegated(entry));
  if (configured) {
    const scan = picomatch.scan(configured.replace(/\\/g, '/'));
    if (scan.isGlob) return resolve(config.baseDir, scan.base || '.');
    const path = resolve(config.baseDir, configured);
    return MARKDOWN.test(path) && existsSync(path) && statSync(path).isFile() ? dirname(path) : path;
  }
  const existing = DEFAULT_ADR_FOLDERS.find((folder) => existsSync(resolve(cwd, folder)));
  return resolve(cwd, existing ?? DEFAULT_ADR_FOLDERS[0]!);
}

export interface NewAdrOptions {
  title: string;
  /** The ADR folder, absolute; made when it does not exist. */
  folder: string;
  /** Today as YYYY-MM-DD, from the caller's clock. */
  date: string;
  /** Default: the set's word for `proposed`; must be a status adr-status takes (a synonym only with the default statuses). */
  status?: string;
  /** A built-in template, or a template file (absolute path). Default: the folder's usual format. */
  template?: TemplateName | { path: string };
  config: ResolvedConfig;
  catalogue: Catalogue;
  /** Work out the file, write nothing. */
  dryRun?: boolean;
}

export interface NewAdr {
  path: string;
  text: string;
  number: number | null;
  template: TemplateName | 'file';
  patterns: string[];
  /** Things the user should know about the new file (a name adrlint will not lint). */
  warnings: string[];
}

function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    throw new UsageError(`cannot list the ADR folder ${folder} (${code === 'ENOTDIR' ? 'not a folder' : (code ?? (error as Error).message)})`);
  }
}

function defaultTemplate(folder: string, names: readonly string[], config: ResolvedConfig, catalogue: Catalogue): TemplateName {
  const formats: AdrFormat[] = [];
  for (const name of names.slice(-TEMPLATE_SAMPLE)) {
    try {
      const path = join(folder, name);
      if (statSync(path).size > config.maxFileSize) continue;
      formats.push(buildRecord(parseAdr(path, readRegularFile(path), catalogue), catalogue).format);
    } catch {
      // A file that cannot be read says nothing about the folder's format.
    }
  }
  return folderTemplate(formats);
}

function readTemplateFile(path: string): string {
  try {
    return readRegularFile(path);
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new UsageError(`cannot read the template ${path}: it ${error.reason}`);
    throw new UsageError(`cannot read the template ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** The slugs of the catalogue patterns the title mentions, in order, once each. */
export function titlePatterns(title: string, catalogue: Catalogue): string[] {
  return [...new Set(catalogue.findMentions(title).map((mention) => mention.slug))];
}

/** The statuses the folder's ADRs may write: the config's, else its template file's list, else the defaults. */
function folderStatusVocabulary(folder: string, entries: readonly string[], config: ResolvedConfig): StatusVocabulary {
  const templateName = entries.filter((name) => MARKDOWN.test(name) && isTemplateName(name)).sort()[0];
  if (config.statusesGiven || !templateName) return statusVocabulary(config, null);
  const path = join(folder, templateName);
  try {
    const text = readRegularFile(path);
    return statusVocabulary(config, { path, statuses: templateStatuses(text), statusesOpen: templateStatusesOpen(text) });
  } catch {
    // An unreadable template lists nothing.
    return statusVocabulary(config, null);
  }
}

/**
 * The status to write: the one given, when adr-status would take it without a word, else the
 * vocabulary's word for "proposed". Refuses one adr-status would report, saying what to write.
 */
function newStatus(given: string | undefined, vocabulary: StatusVocabulary, config: ResolvedConfig): string {
  const status = (given ?? wordFor('proposed', vocabulary.statuses) ?? 'proposed').trim();
  const exact = (config.rules['adr-status']?.options as { exactVocabulary?: boolean } | undefined)?.exactVocabulary === true;
  const reading = readStatus(status, vocabulary, exact);
  if (reading.kind === 'known') return status;
  const where = vocabulary.source === 'template' ? `one of the statuses ${vocabulary.template} lists` : vocabulary.source === 'config' ? 'a configured status' : 'a known status';
  if (reading.kind === 'synonym') throw new UsageError(`--status "${status}" means "${reading.word}"; use --status "${reading.word}"`);
  throw new UsageError(`--status "${status}" is not ${where}; use one of ${vocabulary.statuses.join(', ')}`);
}

// Enough for any number of people running `adrlint new` in the same folder at the same moment.
const MAX_ATTEMPTS = 100;

/**
 * Write the next ADR of `options.folder` (exclusively: an existing file is never overwritten; a
 * number taken meanwhile moves on to the next one). Throws UsageError for a title without letters
 * or digits, an unknown status, an unreadable template or a name the config's pattern refuses.
 */
export function createAdr(options: NewAdrOptions): NewAdr {
  const { config, catalogue, folder } = options;
  const title = options.title.replace(/\s+/g, ' ').trim();
  const slug = titleSlug(title);
  if (!slug) throw new UsageError(`the title needs at least one letter or digit for the file name (got "${options.title}")`);
  if (!ISO_DATE.test(options.date)) throw new UsageError(`the date must be YYYY-MM-DD, not "${options.date}"`);
  const entries = listFolder(folder);
  const status = newStatus(options.status, folderStatusVocabulary(folder, entries, config), config);

  const names = adrNames(entries, config.nonAdrFiles);
  const filenameOptions = (config.rules['adr-filename']?.options ?? {}) as { convention?: NamingOption; pattern?: string };
  const pattern = filenameOptions.pattern ? new RegExp(filenameOptions.pattern, 'u') : null;
  // The folder's naming, as adr-filename holds its records to it; then adrlint's plain forms, for a configured pattern.
  const schemes = [namingFor(names, filenameOptions.convention), DEFAULT_SCHEME, { ...DEFAULT_SCHEME, width: [3, 3] as [number, number] }, DATE_SCHEME];
  const template = options.template ?? defaultTemplate(folder, names, config, catalogue);
  const userTemplate = typeof template === 'object' ? readTemplateFile(template.path) : null;
  const patterns = titlePatterns(title, catalogue);

  let number = nextFreeNumber(names);
  const warnings: string[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // The folder's convention, unless the configured pattern wants another one.
    const candidates = [...new Set(schemes.map((scheme) => adrFileName(slug, scheme, number, options.date)))];
    const name = pattern ? candidates.find((candidate) => pattern.test(candidate)) : candidates[0];
    if (!name) throw new UsageError(`no file name for "${title}" matches the adr-filename pattern /${filenameOptions.pattern}/ (tried ${candidates.join(', ')})`);
    const dated = isDateName(name);
    const fields: AdrFields = { title, number: dated ? null : number, date: options.date, status, patterns };
    const text = userTemplate !== null ? fillTemplate(userTemplate, fields) : renderAdr(template as TemplateName, fields);
    const path = join(folder, name);
    if (isTemplateName(name)) warnings.push(`${name} is named like a template, so adrlint will not lint it; change the title`);
    else if (picomatch([...config.nonAdrFiles], { dot: true })(name))
      warnings.push(`${name} matches "nonAdrFiles" (${config.nonAdrFiles.join(', ')}), so adrlint will not lint it; rename it or change the title`);
    const result: NewAdr = { path, text, number: fields.number, template: userTemplate !== null ? 'file' : (template as TemplateName), patterns, warnings };
    if (options.dryRun) {
      if (existsSync(path)) throw new UsageError(`${name} already exists in ${folder}`);
      return result;
    }
    // Never over anything: taken since the folder was listed (another `adrlint new`), or a same-day dated name.
    if (createNewFile(path, text)) return result;
    if (dated) throw new UsageError(`${name} already exists in ${folder}; choose another title`);
    warnings.length = 0;
    number++;
  }
  throw new UsageError(`could not find a free ADR number in ${folder} after ${MAX_ATTEMPTS} attempts`);
}
