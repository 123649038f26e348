import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { AdrRecord, ParsedAdr, Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { fileNumberDigits } from '../src/model/naming.ts';
import { titleNumber } from '../src/parse/record-title.ts';

export const meta = {
  id: 'adr-number-mismatch',
  description: 'The number in the title is the number in the file name, not a placeholder',
  defaultSeverity: 'warn',
  fixable: true,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('adr-number-mismatch'),
    why: 'Readers see the title\'s number ("# 12. Use Kafka"), tools and links use the file name\'s. When a record is renumbered (a merge, a copied template) and only one of them changes, "ADR 12" means two different records; a title that kept the template\'s placeholder ("# NNNN. Use Kafka", "# n. Use Kafka") gives none. Which of two numbers is right is the author\'s call (a suggestion); a placeholder is fixed to the file name\'s number.',
    wrong: '# 12. Publish order events to Kafka\n\nDate: 2024-05-02\n',
    right: '# 11. Publish order events to Kafka\n\nDate: 2024-05-02\n',
    wrongFilename: 'docs/adr/0011-publish-order-events-to-kafka.md',
    rightFilename: 'docs/adr/0011-publish-order-events-to-kafka.md',
  },
} satisfies Rule['meta'];

interface WrittenNumber {
  text: string;
  range: [number, number];
  where: 'title' | 'frontmatter title';
  placeholder: boolean;
}

export const check: Rule['check'] = ({ adr, record, report }) => {
  const fileNumber = record.fileNumber;
  if (fileNumber === null) return;
  const fileDigits = fileNumberDigits(record.name) ?? String(fileNumber);
  for (const number of writtenNumbers(adr, record)) {
    if (number.placeholder) {
      // The file name says which number the template's placeholder stands for.
      const text = /^[nx]{2,}$/i.test(number.text) ? String(fileNumber).padStart(number.text.length, '0') : String(fileNumber);
      report({
        range: number.range,
        message: `The ${number.where} has the placeholder "${number.text}" for its number; write ${text}, the file name's number`,
        fix: { range: number.range, text },
      });
      continue;
    }
    if (Number(number.text) === fileNumber) continue;
    // Offer the file's number in the title's own width ("0012" stays four digits, "12." unpadded).
    const replacement = number.text.startsWith('0') ? String(fileNumber).padStart(number.text.length, '0') : String(fileNumber);
    report({
      range: number.range,
      message: `The ${number.where} says ${number.text} but the file name says ${fileDigits}; make them agree`,
      suggestions: [replacement],
    });
  }
};

/** The numbers (or placeholders) the H1 and the frontmatter title start with, where they are written. */
function writtenNumbers(adr: ParsedAdr, record: AdrRecord): WrittenNumber[] {
  const found: WrittenNumber[] = [];
  // The frontmatter title first: it comes first in the file.
  const title = record.frontmatterTitle;
  if (title) {
    const number = titleNumber(title.value.trim());
    const at = number ? adr.text.indexOf(number.text, title.range[0]) : -1;
    if (number && at >= 0 && at < title.range[1]) found.push({ text: number.text, range: [at, at + number.text.length], where: 'frontmatter title', placeholder: number.placeholder });
  }
  const h1 = adr.tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const start = h1?.position?.start.offset;
  const end = h1?.position?.end.offset;
  if (h1 && start !== undefined && end !== undefined) {
    const number = titleNumber(toString(h1).trim());
    const at = number ? adr.text.indexOf(number.text, start) : -1;
    if (number && at >= 0 && at < end) found.push({ text: number.text, range: [at, at + number.text.length], where: 'title', placeholder: number.placeholder });
  }
  return found;
}
