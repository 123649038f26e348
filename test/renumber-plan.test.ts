// src/engine/renumber-plan.ts on parsed files: the links to the record, rewritten through the
// helpers the rules' fixes use (replacementName, replaceLinkFileName) and the records' own links.
import { describe, expect, it } from 'vitest';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { parseAdr } from '../src/parse/parse-adr.ts';
import { buildRecord } from '../src/parse/record.ts';
import { editedText, planRenumber, type PlanFile } from '../src/engine/renumber-plan.ts';
import { replacementName } from '../rules/support/renamed-targets.ts';

const catalogue = catalogueWithUser(null, null);

function file(path: string, text: string): PlanFile {
  const adr = parseAdr(path, text, catalogue);
  return { path, adr, record: buildRecord(adr, catalogue) };
}

describe('planRenumber', () => {
  it('rewrites each link in the extension it wrote: .md, the published .html page, none, a name with a dot of its own', () => {
    const target = file('/repo/adr/0005-use-v1.2.md', '# 5. Use v1.2\n\n## Status\n\nAccepted\n');
    const index = file(
      '/repo/adr/README.md',
      '# Decisions\n\n- [5. Use v1.2](0005-use-v1.2.md)\n- [page](./0005-use-v1.2.html#status)\n- [bare](0005-use-v1.2)\n- [ref][five]\n\n[five]: <0005-use-v1.2.md>\n',
    );
    const plan = planRenumber(target, 9, [target, index], '/repo');
    expect(plan.to).toBe('/repo/adr/0009-use-v1.2.md');
    expect(editedText(index.adr, plan.edits.get(index.path)!)).toBe(
      '# Decisions\n\n- [9. Use v1.2](0009-use-v1.2.md)\n- [page](./0009-use-v1.2.html#status)\n- [bare](0009-use-v1.2)\n- [ref][five]\n\n[five]: <0009-use-v1.2.md>\n',
    );
    expect(editedText(target.adr, plan.edits.get(target.path)!)).toBe('# 9. Use v1.2\n\n## Status\n\nAccepted\n');
  });
});

describe('replacementName', () => {
  it('keeps the extension the link wrote, and none for a markdown file linked without it', () => {
    expect(replacementName('0036-x.md', '0037-x.md')).toBe('0037-x.md');
    expect(replacementName('0036-x.html', '0037-x.md')).toBe('0037-x.html');
    expect(replacementName('0036-x', '0037-x.md')).toBe('0037-x');
    expect(replacementName('0036-use-v1.2', '0037-use-v1.2.md')).toBe('0037-use-v1.2');
    expect(replacementName('0036-diagram.png', '0037-diagram.png')).toBe('0037-diagram.png');
  });
});
