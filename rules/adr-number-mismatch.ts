import type { Rule } from '../src/types.ts';
import { ruleDocsUrl } from '../src/docs.ts';

export const meta = {
  id: 'adr-number-mismatch',
  description: 'The number in the title is the number in the file name',
  defaultSeverity: 'warn',
  fixable: false,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('adr-number-mismatch'),
    why: 'Readers see the title\'s number ("# 12. Use Kafka"), tools and links use the file name\'s. When a record is renumbered (a merge, a copied template) and only one of them changes, "ADR 12" means two different records.',
    wrong: '# 12. Publish order events to Kafka\n\nDate: 2024-05-02\n',
    right: '# 11. Publish order events to Kafka\n\nDate: 2024-05-02\n',
    wrongFilename: 'docs/adr/0011-publish-order-events-to-kafka.md',
    rightFilename: 'docs/adr/0011-publish-order-events-to-kafka.md',
  },
} satisfies Rule['meta'];

// A leading ADR number in a title, as src/record.ts reads it: "12. Title", "ADR-0012: Title".
const TITLE_NUMBER = /^(?:ADR[- ]?)?(\d{1,6})(?:\.|:|\s+-)?\s+/i;

export const check: Rule['check'] = ({ adr, record, report }) => {
  const fileNumber = record.fileNumber;
  if (fileNumber === null) return;
  const fileDigits = /^\d+/.exec(record.name)?.[0] ?? String(fileNumber);
  const numbers: Array<{ value: number; text: string; range: [number, number]; where: string }> = [];
  const fromFrontmatter = record.number !== null && record.frontmatterTitle !== null && within(record.number.range, record.frontmatterTitle.range);
  if (record.number) numbers.push({ ...record.number, where: fromFrontmatter ? 'frontmatter title' : 'title' });
  // With an H1, the record's number is the H1's: the frontmatter title may carry its own.
  const title = record.frontmatterTitle;
  if (title && !fromFrontmatter) {
    const written = adr.text.slice(title.range[0], title.range[1]);
    const match = TITLE_NUMBER.exec(title.value.trim());
    const at = match ? written.indexOf(match[1]!) : -1;
    if (match && at >= 0) {
      const start = title.range[0] + at;
      numbers.push({ value: Number(match[1]), text: match[1]!, range: [start, start + match[1]!.length], where: 'frontmatter title' });
    }
  }
  for (const number of numbers) {
    if (number.value === fileNumber) continue;
    // Offer the file's number in the title's own width ("0012" stays four digits, "12." unpadded).
    const replacement = number.text.startsWith('0') ? String(fileNumber).padStart(number.text.length, '0') : String(fileNumber);
    report({
      range: number.range,
      message: `The ${number.where} says ${number.text} but the file name says ${fileDigits}; make them agree`,
      suggestions: [replacement],
    });
  }
};

function within(inner: [number, number], outer: [number, number]): boolean {
  return inner[0] >= outer[0] && inner[1] <= outer[1];
}
