import type { AdrRecord, Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { formatDay, leadingIsoDate } from '../src/model/dates.ts';
import { memoPerArray, recordsByFolder } from './support/set-index.ts';

export interface Options {
  /** Days a date may run against the order of the numbers before it is reported. */
  margin?: number;
}

export const meta = {
  id: 'adr-date',
  description: 'An ADR’s date is a real day, not in the future, and in the order of the numbers',
  defaultSeverity: 'warn',
  fixable: false,
  scope: 'set',
  docs: {
    url: ruleDocsUrl('adr-date'),
    why: 'Readers date a decision by its record: what was known then, what it replaced. A `Date:` line that cannot be a day (2023-13-10), a date still to come (today anywhere on Earth counts as today), or a date years before the record numbered below it (the date of ADR 1, copied with the template and never changed) tells them something false. A date that runs against the numbers is compared with the longest run of records whose dates follow their numbers, so the odd one out is reported, not its neighbours. In MADR records the date is "when the decision was last updated", so there a later date than the next record’s is no problem. (frontmatter-fields checks a frontmatter `date` that is not a day.)',
    wrong: '# 3. Publish order events to Kafka\n\nDate: 2019-01-14\n\n## Status\n\nAccepted\n',
    right: '# 3. Publish order events to Kafka\n\nDate: 2022-04-19\n\n## Status\n\nAccepted\n',
    wrongFilename: 'docs/adr/0003-publish-order-events-to-kafka.md',
    rightFilename: 'docs/adr/0003-publish-order-events-to-kafka.md',
    files: {
      'docs/adr/0001-record-architecture-decisions.md': '# 1. Record architecture decisions\n\nDate: 2019-01-14\n\n## Status\n\nAccepted\n',
      'docs/adr/0002-use-postgresql.md': '# 2. Use PostgreSQL\n\nDate: 2022-03-02\n\n## Status\n\nAccepted\n',
      'docs/adr/0004-use-grpc.md': '# 4. Use gRPC\n\nDate: 2022-06-07\n\n## Status\n\nAccepted\n',
    },
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      margin: {
        type: 'integer',
        minimum: 0,
        default: 90,
        description: 'How many days a date may run against the order of the numbers (a record written before a lower-numbered one was accepted) before it is reported.',
      },
    },
  },
} satisfies Rule<Options>['meta'];

const DEFAULT_MARGIN = 90;

export const check: Rule<Options>['check'] = ({ adr, record, set, settings, options, report }) => {
  if (!record.date) return;
  const written = leadingIsoDate(record.date.value);
  if (!written) return;
  const inFrontmatter = record.date.range[0] < frontmatterEnd(adr.text);
  // A frontmatter date is the frontmatter's data: frontmatter-fields says when it is not a day.
  const range: [number, number] = inFrontmatter ? record.date.range : [record.date.range[0], record.date.range[0] + written.text.length];
  if (written.day === null) {
    if (!inFrontmatter && written.problem) report({ range, message: `Invalid date: ${written.problem}` });
    return;
  }
  const today = leadingIsoDate(settings.today)?.day ?? null;
  if (today !== null && written.day > today) {
    report({ range, message: `Dated ${written.text}, a day still to come; write the date this decision was made` });
    return;
  }
  const margin = options?.margin ?? DEFAULT_MARGIN;
  const siblings = recordsByFolder(set).get(record.folder) ?? [record];
  const neighbours = memoPerArray(outOfOrder, siblings, () => recordsOutOfOrder(siblings)).get(record.path);
  if (!neighbours) return;
  const { lower, upper } = neighbours;
  if (lower && written.day < lower.day - margin) {
    report({
      range,
      message: `Dated ${written.text}, ${lower.day - written.day} days before "${lower.record.name}" (${formatDay(lower.day)}), which it follows in number; write the date this decision was made`,
    });
  } else if (upper && written.day > upper.day + margin && !lastUpdated(record)) {
    report({
      range,
      message: `Dated ${written.text}, ${written.day - upper.day} days after "${upper.record.name}" (${formatDay(upper.day)}), which follows it in number; write the date this decision was made`,
    });
  }
};

/** In MADR, `date` is when the decision was last updated: a record may be dated after the next one. */
function lastUpdated(record: AdrRecord): boolean {
  return record.format === 'madr' || record.format === 'madr2';
}

// Where a leading `---` frontmatter block ends (0 without one): a date before it is the frontmatter's.
function frontmatterEnd(text: string): number {
  const block = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  return block ? block[0].length : 0;
}

interface Dated {
  record: AdrRecord;
  day: number;
}

const outOfOrder = new WeakMap<readonly AdrRecord[], Map<string, { lower: Dated | null; upper: Dated | null }>>();

/**
 * The records of a folder whose dates break the order of their numbers, each with the nearest
 * records below and above it in number that keep the order. Those are the longest run of records
 * whose dates grow with their numbers (n log n): the odd one out is what falls outside it, not the
 * neighbour it happens to sit next to. (Records of one day outside the run are within any margin.)
 */
function recordsOutOfOrder(siblings: readonly AdrRecord[]): Map<string, { lower: Dated | null; upper: Dated | null }> {
  const dated: Dated[] = [];
  for (const entry of siblings) {
    if (entry.fileNumber === null || !entry.date) continue;
    const day = leadingIsoDate(entry.date.value)?.day;
    if (day !== null && day !== undefined) dated.push({ record: entry, day });
  }
  dated.sort((a, b) => a.record.fileNumber! - b.record.fileNumber! || (a.record.name < b.record.name ? -1 : a.record.name > b.record.name ? 1 : 0));
  const inRun = longestIncreasingRun(dated.map((entry) => entry.day));
  const result = new Map<string, { lower: Dated | null; upper: Dated | null }>();
  let lower: Dated | null = null;
  const pending: Dated[] = [];
  for (const [index, entry] of dated.entries()) {
    if (!inRun[index]) {
      pending.push(entry);
      continue;
    }
    for (const odd of pending) result.set(odd.record.path, { lower, upper: entry });
    pending.length = 0;
    lower = entry;
  }
  for (const odd of pending) result.set(odd.record.path, { lower, upper: null });
  return result;
}

/**
 * Which values belong to one longest strictly increasing subsequence (patience sorting, n log n).
 * Strictly: records that kept one copied date count once, however many they are. Among runs of
 * equal length, the one that keeps the later dates: an old date copied into a new record is the
 * likelier mistake. (Read from the end with the values negated, the run the algorithm keeps is the
 * one with the latest dates.)
 */
function longestIncreasingRun(values: readonly number[]): boolean[] {
  const reversed = values.map((value) => -value).reverse();
  // tails[k]: the index of the smallest last value of a run of length k + 1 found so far.
  const tails: number[] = [];
  const previous: number[] = new Array(reversed.length).fill(-1);
  reversed.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (reversed[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const inRun: boolean[] = new Array(values.length).fill(false);
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index]!) inRun[values.length - 1 - index] = true;
  return inRun;
}
