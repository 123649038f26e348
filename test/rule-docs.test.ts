// Every rule has its page, the page is what its meta says, and its examples do what they claim.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.ts';
import { renderRuleDoc } from '../src/format/rule-page.ts';
import { lintWithRule } from './helpers/rule-tester.ts';

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('docs/rules/%s.md', (id, rule) => {
  const page = new URL(`../docs/rules/${id}.md`, import.meta.url);

  it('exists and is up to date (npm run docs)', () => {
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, 'utf8')).toBe(renderRuleDoc(rule));
  });

  it('is where diagnostics point', () => {
    expect(rule.meta.docs.url).toBe(`https://github.com/adrlint/adrlint/blob/main/docs/rules/${id}.md`);
  });

  // As a user with no config would see them (a rule that is off by default: turned on by name).
  const byDefault = rule.meta.defaultSeverity !== 'off';

  it('has a wrong example the rule reports', () => {
    const { wrong, wrongFilename, files } = rule.meta.docs;
    expect(lintWithRule(id, wrong, { byDefault, ...(wrongFilename ? { filename: wrongFilename } : {}), ...(files ? { files } : {}) }).messages.length).toBeGreaterThan(0);
  });

  it('has a right example the rule accepts', () => {
    const { right, rightFilename, files } = rule.meta.docs;
    expect(lintWithRule(id, right, { byDefault, ...(rightFilename ? { filename: rightFilename } : {}), ...(files ? { files } : {}) }).messages).toEqual([]);
  });
});
