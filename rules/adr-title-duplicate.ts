import { basename } from 'node:path';
import type { AdrRecord, Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { comparableTitle } from '../src/parse/record-title.ts';
import { memoPerArray, recordsByFolder } from './support/set-index.ts';

export const meta = {
  id: 'adr-title-duplicate',
  description: 'No two ADRs of a folder have the same title',
  defaultSeverity: 'warn',
  fixable: false,
  scope: 'set',
  docs: {
    url: ruleDocsUrl('adr-title-duplicate'),
    why: 'A record copied from another to start a new decision and never retitled shows up twice in every index under one title, and "see the Kafka decision" no longer says which. The later record (by number, else by name) is reported, with the earlier one named.',
    wrong: '# 7. Use Kafka for order events\n\n## Status\n\nProposed\n',
    right: '# 7. Use Kafka for payment events\n\n## Status\n\nProposed\n',
    wrongFilename: 'docs/adr/0007-use-kafka-for-payment-events.md',
    rightFilename: 'docs/adr/0007-use-kafka-for-payment-events.md',
    files: { 'docs/adr/0003-use-kafka-for-order-events.md': '# 3. Use Kafka for order events\n\n## Status\n\nAccepted\n' },
  },
} satisfies Rule['meta'];

export const check: Rule['check'] = ({ record, set, report }) => {
  const siblings = recordsByFolder(set).get(record.folder) ?? [record];
  const first = memoPerArray(firstByTitle, siblings, () => firstRecords(siblings)).get(titleKey(record) ?? '');
  if (!first || first === record || first.path === record.path) return;
  // A successor may keep the title of the record it supersedes or amends: that is no copy.
  if (refersTo(record, first) || refersTo(first, record)) return;
  const range = record.h1Range ?? record.frontmatterTitle?.range ?? [0, 0];
  report({ range, message: `"${first.name}" has the same title, "${record.title}"; give this record a title of its own` });
};

/** Whether `from` names `to` in a supersede or amend relation, by number or by file. */
function refersTo(from: AdrRecord, to: AdrRecord): boolean {
  const stem = to.name.replace(/\.(?:md|markdown)$/i, '');
  return from.relations.some(
    (relation) =>
      (relation.number !== null && relation.number === to.fileNumber) ||
      (relation.target !== null && basename(relation.target.split('#')[0]!).replace(/\.(?:md|markdown|html?)$/i, '') === stem),
  );
}

const firstByTitle = new WeakMap<readonly AdrRecord[], Map<string, AdrRecord>>();

/** The title as compared (case, emphasis and spacing aside); null for a record without one. */
function titleKey(record: AdrRecord): string | null {
  const key = record.title === null ? '' : comparableTitle(record.title);
  return key === '' ? null : key;
}

/** Earlier: the lower file number (a numbered record before an unnumbered one), then the name. */
function isEarlier(a: AdrRecord, b: AdrRecord): boolean {
  const numberA = a.fileNumber ?? Number.POSITIVE_INFINITY;
  const numberB = b.fileNumber ?? Number.POSITIVE_INFINITY;
  return numberA !== numberB ? numberA < numberB : a.name < b.name;
}

/** For each title of the folder, its earliest record: one pass, however large the folder. */
function firstRecords(siblings: readonly AdrRecord[]): Map<string, AdrRecord> {
  const first = new Map<string, AdrRecord>();
  for (const entry of siblings) {
    const key = titleKey(entry);
    if (key === null) continue;
    const known = first.get(key);
    if (!known || isEarlier(entry, known)) first.set(key, entry);
  }
  return first;
}
