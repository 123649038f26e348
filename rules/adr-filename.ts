import type { AdrRecord, Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { memoPerArray, recordsByFolder } from './support/set-index.ts';
import { followsNaming, namingFor, namingForm, schemeName, type NamingOption, type NamingScheme } from '../src/model/naming.ts';

export interface Options {
  /** number: NNNN-kebab-title.md; date: YYYYMMDD-kebab-title.md (log4brains); auto: the convention the folder's names follow. */
  convention?: NamingOption;
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
    why: 'ADR tools (adr-tools, log4brains, MADR’s scripts) and people find, sort and number records by their file names. A name that breaks the folder’s own convention (`ADR-007-x.md` among `0007-x.md` names, `0012_use_kafka.md` among kebab-case ones) or has spaces or no number is missed by them, sorts out of place, and makes a link to it hard to type. The convention is the folder’s: a set whose every record is named `ADR-001-title.md` follows it.',
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
          '`auto`: the convention the folder\'s names follow, read from most of them: numbers or `YYYYMMDD` dates (numbers on a tie), a prefix such as `ADR-`, `-` or `_` between the parts, how wide numbers are padded (`NNNN-kebab-title.md` where the names show none); `number`: `NNNN-kebab-title.md` (3 or 4 digits); `date`: `YYYYMMDD-kebab-title.md` (log4brains).',
      },
      pattern: { type: 'string', format: 'regex', minLength: 1, description: 'A regular expression the whole file name must match; overrides `convention`.' },
    },
  },
} satisfies Rule['meta'];

// The folder's scheme under each `convention` option, once per folder.
const conventions: Record<NamingOption, WeakMap<readonly AdrRecord[], NamingScheme>> = { auto: new WeakMap(), number: new WeakMap(), date: new WeakMap() };

export const check: Rule<Options>['check'] = ({ record, set, options, report }) => {
  const name = record.name;
  if (options?.pattern) {
    if (!new RegExp(options.pattern, 'u').test(name)) report({ range: [0, 0], message: `File name "${name}" does not match the configured pattern /${options.pattern}/` });
    return;
  }
  const siblings = recordsByFolder(set).get(record.folder) ?? [record];
  const option = options?.convention ?? 'auto';
  const scheme = memoPerArray(conventions[option], siblings, () => namingFor(siblings.map((entry) => entry.name), option));
  if (followsNaming(name, scheme)) return;
  const better = scheme.kind === 'number' ? numberedName(record, scheme) : datedName(record, scheme);
  report({
    range: [0, 0],
    message: `File name "${name}" does not follow ${namingForm(scheme)}${better && better !== name ? `; rename it to "${better}"` : ''}`,
  });
};

function parts(name: string): { base: string; extension: string } {
  const match = /\.(md|markdown)$/i.exec(name);
  return match ? { base: name.slice(0, match.index), extension: `.${match[1]!.toLowerCase()}` } : { base: name, extension: '.md' };
}

const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The title words of a name (case kept), else of the record's title (lower case). */
function titleWords(rest: string, record: AdrRecord): string[] {
  const fromName = words(rest);
  return fromName.length > 0 ? fromName : words((record.title ?? '').toLowerCase());
}

/** The name in the folder's numbered form, when a number and a title can be derived. */
function numberedName(record: AdrRecord, scheme: NamingScheme): string | null {
  const { base, extension } = parts(record.name);
  const withoutPrefix = base.replace(/^adr[-_ ]*(?=\d)/i, '');
  const dated = DATE_PREFIX.exec(withoutPrefix);
  const digits = dated ? null : /^\d+/.exec(withoutPrefix)?.[0];
  const number = digits !== undefined && digits !== null ? Number(digits) : (record.number?.value ?? null);
  const title = titleWords(withoutPrefix.slice(dated ? dated[0].length : (digits?.length ?? 0)), record);
  if (number === null || title.length === 0) return null;
  return schemeName(scheme, number, title, extension);
}

/** The name in the dated form, from a date in the name or the record's date. */
function datedName(record: AdrRecord, scheme: NamingScheme): string | null {
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
  const title = titleWords(rest, record);
  return date && title.length > 0 ? schemeName(scheme, date, title, extension) : null;
}

// A YYYYMMDD date at the start of a name (the rest may be wrong).
const DATE_PREFIX = /^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/;
