import type { Rule } from '../src/types.ts';
import { ruleDocsUrl } from '../src/docs.ts';
import { recordsByFileNumber, recordsByFolder } from '../src/set-index.ts';

export const meta = {
  id: 'adr-number-duplicate',
  description: 'No two ADRs of a folder share a number',
  defaultSeverity: 'error',
  fixable: false,
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

export const check: Rule['check'] = ({ record, set, report }) => {
  if (record.fileNumber === null) return;
  // Numbers are unique per folder: subfolders number their records on their own.
  const sameNumber = recordsByFileNumber(set).get(`${record.folder}\0${record.fileNumber}`) ?? [];
  const others = sameNumber.filter((entry) => entry.path !== record.path).map((entry) => entry.name);
  if (others.length === 0) return;
  const siblings = recordsByFolder(set).get(record.folder) ?? [];
  const digits = /^\d+/.exec(record.name)?.[0] ?? String(record.fileNumber);
  const highest = siblings.reduce((max, entry) => Math.max(max, entry.fileNumber ?? 0), record.fileNumber);
  const next = String(highest + 1).padStart(digits.length, '0');
  report({
    range: [0, 0],
    message: `ADR number ${digits} is also used by ${others.sort().map((other) => `"${other}"`).join(', ')}; give one of them the next free number, ${next}`,
  });
};
