import type { AdrRecord, Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { memoPerArray, recordsByFileNumber, recordsByFolder } from './support/set-index.ts';
import { fileNumberDigits, nextFreeNumber } from '../src/model/naming.ts';

export const meta = {
  id: 'adr-number-duplicate',
  description: 'No two ADRs of a folder share a number',
  defaultSeverity: 'error',
  // --fix renumbers the later record (src/run/renumber-duplicates.ts): a rename, carried by no text edit.
  fixable: true,
  scope: 'set',
  docs: {
    url: ruleDocsUrl('adr-number-duplicate'),
    why: 'An ADR number is how other records, commits and people refer to a decision ("see ADR 12"). Two records with one number, usually from two branches merged the same week, make every such reference ambiguous.',
    wrong: '# 2. Publish order events to Kafka\n\n## Status\n\nAccepted\n',
    right: '# 3. Publish order events to Kafka\n\n## Status\n\nAccepted\n',
    wrongFilename: 'docs/adr/0002-publish-order-events-to-kafka.md',
    rightFilename: 'docs/adr/0003-publish-order-events-to-kafka.md',
    files: { 'docs/adr/0002-use-postgresql.md': '# 2. Use PostgreSQL\n\n## Status\n\nAccepted\n' },
  },
} satisfies Rule['meta'];

export const check: Rule['check'] = ({ record, set, project, report }) => {
  if (record.fileNumber === null) return;
  // Numbers are unique per folder: subfolders number their records on their own.
  const sameNumber = recordsByFileNumber(set).get(`${record.folder}\0${record.fileNumber}`) ?? [];
  const others = sameNumber.filter((entry) => entry.path !== record.path).map((entry) => entry.name);
  if (others.length === 0) return;
  const siblings = recordsByFolder(set).get(record.folder) ?? [];
  const digits = fileNumberDigits(record.name) ?? String(record.fileNumber);
  const free = (memoPerArray(freeNumbers, siblings, () => freeNumbersOf(siblings, project.list(record.folder))).get(record.fileNumber) ?? []).map((number) => String(number).padStart(digits.length, '0'));
  const advice = free.length === 1 ? `give one of them the next free number, ${free[0]}` : `give ${free.length} of them the free numbers ${free.slice(0, -1).join(', ')} and ${free.at(-1)}`;
  report({
    range: [0, 0],
    message: `ADR number ${digits} is also used by ${others.sort().map((other) => `"${other}"`).join(', ')}; ${advice}`,
  });
};

const freeNumbers = new WeakMap<readonly AdrRecord[], Map<number, number[]>>();

/**
 * For each number of the folder used more than once, the new numbers its extra records take: each
 * collision its own, after the highest number in use by the records and the folder's files
 * (`names`), in the order of the numbers (so that following the advice for one pair does not make
 * another collide), as --fix renumbers them (src/run/renumber-duplicates.ts).
 */
function freeNumbersOf(siblings: readonly AdrRecord[], names: readonly string[]): Map<number, number[]> {
  const counts = new Map<number, number>();
  let next = nextFreeNumber([...siblings.map((entry) => entry.name), ...names]);
  for (const entry of siblings) if (entry.fileNumber !== null) counts.set(entry.fileNumber, (counts.get(entry.fileNumber) ?? 0) + 1);
  const free = new Map<number, number[]>();
  for (const number of [...counts.keys()].sort((a, b) => a - b)) {
    const extra = counts.get(number)! - 1;
    if (extra > 0) free.set(number, Array.from({ length: extra }, () => next++));
  }
  return free;
}
