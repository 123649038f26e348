import type { AdrRecord, Rule } from '../src/types.ts';
import { ruleDocsUrl } from '../src/docs.ts';
import { memoPerArray, recordsByFolder } from '../src/set-index.ts';

export interface Options {
  /** number: NNNN-kebab-title.md; date: YYYYMMDD-kebab-title.md (log4brains); auto: what most of the folder uses. */
  convention?: 'number' | 'date' | 'auto';
  /** A regular expression the whole file name must match; overrides `convention`. */
  pattern?: string;
}

export const meta = {
  id: 'adr-filename',
  description: 'ADR file names follow the folder’s naming convention',
  defaultSeverity: 'warn',
  fixable: false,
  scope: 'set',
  docs: {
    url: ruleDocsUrl('adr-filename'),
    why: 'ADR tools (adr-tools, log4brains, MADR’s scripts) find, sort and number records by their file names. A name with spaces, underscores or no number is missed by them, sorts out of place, and makes a link to it hard to type.',
    wrong: '# Use PostgreSQL for orders\n\n## Status\n\nAccepted\n',
    right: '# Use PostgreSQL for orders\n\n## Status\n\nAccepted\n',
    wrongFilename: 'docs/adr/7_Use PostgreSQL.md',
    rightFilename: 'docs/adr/0007-use-postgresql.md',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      convention: {
        enum: ['number', 'date', 'auto'],
        type: 'string',
        default: 'auto',
        description:
          '`number`: `NNNN-kebab-title.md` (3 or 4 digits); `date`: `YYYYMMDD-kebab-title.md` (log4brains); `auto`: the convention most ADRs of the same folder use (numbers on a tie).',
      },
      pattern: { type: 'string', format: 'regex', minLength: 1, description: 'A regular expression the whole file name must match; overrides `convention`.' },
    },
  },
} satisfies Rule['meta'];

const TITLE = String.raw`[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*\.(?:md|markdown)$`;
const NUMBER_NAME = new RegExp(String.raw`^\d{3,4}-${TITLE}`, 'u');
const DATE = String.raw`((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])`;
const DATE_NAME = new RegExp(String.raw`^${DATE}-${TITLE}`, 'u');
// What a name starts with, to tell which convention a folder uses (the rest may be wrong).
const DATE_PREFIX = new RegExp(String.raw`^${DATE}(?!\d)`);
const NUMBER_PREFIX = /^\d{1,6}(?!\d)/;

const FORMS = { number: 'NNNN-kebab-title.md', date: 'YYYYMMDD-kebab-title.md' } as const;
type Convention = keyof typeof FORMS;

export const check: Rule<Options>['check'] = ({ record, set, options, report }) => {
  const name = record.name;
  if (options?.pattern) {
    if (!new RegExp(options.pattern, 'u').test(name)) report({ range: [0, 0], message: `File name "${name}" does not match the configured pattern /${options.pattern}/` });
    return;
  }
  const siblings = recordsByFolder(set).get(record.folder) ?? [record];
  const convention: Convention =
    !options?.convention || options.convention === 'auto' ? memoPerArray(conventions, siblings, () => folderConvention(siblings)) : options.convention;
  if ((convention === 'number' ? NUMBER_NAME : DATE_NAME).test(name)) return;
  const better = convention === 'number' ? numberedName(record, siblings) : datedName(record);
  report({
    range: [0, 0],
    message: `File name "${name}" does not follow ${FORMS[convention]}${better && better !== name ? `; rename it to "${better}"` : ''}`,
  });
};

const conventions = new WeakMap<readonly AdrRecord[], Convention>();

/** The convention most ADRs of the folder use; numbers on a tie (and in an empty folder). */
function folderConvention(siblings: readonly AdrRecord[]): Convention {
  let dated = 0;
  let numbered = 0;
  for (const entry of siblings) {
    if (DATE_PREFIX.test(entry.name)) dated++;
    else if (NUMBER_PREFIX.test(entry.name)) numbered++;
  }
  return dated > numbered ? 'date' : 'number';
}

const kebab = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');

function parts(name: string): { base: string; extension: string } {
  const match = /\.(md|markdown)$/i.exec(name);
  return match ? { base: name.slice(0, match.index), extension: `.${match[1]!.toLowerCase()}` } : { base: name, extension: '.md' };
}

/** The title part of a name as kebab case, else the record's title (lower case), else null. */
function titlePart(rest: string, record: AdrRecord): string | null {
  const fromName = kebab(rest);
  if (fromName) return fromName;
  const fromTitle = kebab(record.title ?? '').toLowerCase();
  return fromTitle || null;
}

/** The name in NNNN-kebab-title.md form, with the folder's number width, when it can be derived. */
function numberedName(record: AdrRecord, siblings: readonly AdrRecord[]): string | null {
  const { base, extension } = parts(record.name);
  const withoutPrefix = base.replace(/^adr[-_ ]*(?=\d)/i, '');
  const dated = DATE_PREFIX.exec(withoutPrefix);
  const digits = dated ? null : /^\d+/.exec(withoutPrefix)?.[0];
  const number = digits !== undefined && digits !== null ? Number(digits) : (record.number?.value ?? null);
  const rest = withoutPrefix.slice(dated ? dated[0].length : (digits?.length ?? 0));
  const title = titlePart(rest, record);
  if (number === null || title === null) return null;
  const widths = siblings.map((entry) => /^(\d{3,4})-/.exec(entry.name)?.[1]?.length).filter((width) => width !== undefined);
  const width = widths.filter((w) => w === 3).length > widths.length / 2 ? 3 : 4;
  const padded = String(number).padStart(width, '0');
  if (padded.length > 4) return null;
  return `${padded}-${title}${extension}`;
}

/** The name in YYYYMMDD-kebab-title.md form, from a date in the name or the record's date. */
function datedName(record: AdrRecord): string | null {
  const { base, extension } = parts(record.name);
  const written = /^((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/.exec(base);
  let date: string | null = null;
  let rest = base;
  if (written && DATE_PREFIX.test(`${written[1]}${written[2]}${written[3]}`)) {
    date = `${written[1]}${written[2]}${written[3]}`;
    rest = base.slice(written[0].length);
  } else {
    const recorded = /^(\d{4})-(\d{2})-(\d{2})$/.exec(record.date?.value.trim() ?? '');
    if (recorded && DATE_PREFIX.test(`${recorded[1]}${recorded[2]}${recorded[3]}`)) date = `${recorded[1]}${recorded[2]}${recorded[3]}`;
    // A number in place of the date is replaced by it.
    rest = base.replace(/^(?:adr[-_ ]*)?\d{1,6}(?!\d)/i, '');
  }
  const title = titlePart(rest, record);
  return date && title ? `${date}-${title}${extension}` : null;
}
