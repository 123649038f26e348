// One flaw, one problem: a rule that owns a kind of finding (meta `owns`) takes it from the other
// rules while it is on, by the engine's rule, not by one rule asking whether another is on. adr-link
// tags the link of a relation line with its topic; adr-supersede owns that topic.
import { describe, expect, it } from 'vitest';
import { lintWithRule } from './helpers/rule-tester.ts';
import { rules } from '../rules/index.ts';
import { readFileSync } from 'node:fs';
import { lintText } from '../src/engine/run-rules.ts';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { resolveConfig } from '../src/run/config.ts';
import type { Rule } from '../src/model/types.ts';

const BROKEN_SUPERSEDE = '# 1. Use PostgreSQL\n\n## Status\n\nSuperseded by [2. Use MySQL](0002-use-mysql.md)\n\nSee [the notes](notes.md).\n';

function problems(supersede: 'error' | 'off') {
  const { messages } = lintWithRule('adr-link', BROKEN_SUPERSEDE, { config: { rules: { 'adr-supersede': supersede } } });
  return messages.map((m) => [m.ruleId, m.line, m.message]);
}

describe('ownership of a kind of finding', () => {
  it("adr-link reports a broken relation link while adr-supersede is off", () => {
    expect(problems('off')).toEqual([
      ['adr-link', 5, 'Link target "0002-use-mysql.md" does not exist'],
      ['adr-link', 7, 'Link target "notes.md" does not exist'],
    ]);
  });

  it('adr-supersede reports it alone while it is on; adr-link keeps its other links', () => {
    expect(problems('error')).toEqual([
      ['adr-supersede', 5, 'Superseded by "0002-use-mysql.md", which does not exist'],
      ['adr-link', 7, 'Link target "notes.md" does not exist'],
    ]);
  });

  it('no rule reads which rules are on', () => {
    for (const rule of rules) expect(rule.check.toString()).not.toMatch(/enabledRules/);
    const linkCode = readFileSync(new URL('../rules/adr-link.ts', import.meta.url), 'utf8').replace(/docs: \{[\s\S]*?\n  \},/, '');
    expect(linkCode).not.toMatch(/adr-supersede/);
  });

  it('is the engine\'s rule, for any rules it is given: a tagged problem goes while its owner is on', () => {
    const meta = (id: string, owns?: string[]): Rule['meta'] => ({
      id,
      description: id,
      defaultSeverity: 'error',
      fixable: false,
      scope: 'file',
      docs: { url: `https://example.org/${id}`, why: '', wrong: '', right: '' },
      ...(owns ? { owns } : {}),
    });
    const seer: Rule = { meta: meta('seer'), check: ({ report }) => report({ range: [0, 1], message: 'seen', topic: 'title' }) };
    const owner: Rule = { meta: meta('owner', ['title']), check: ({ report }) => report({ range: [0, 1], message: 'owned' }) };
    // Rules the config loader does not know: their settings written as a resolved config holds them.
    const base = resolveConfig({}, null, '/');
    const configWith = (severities: Record<string, 'error' | 'off'>) => ({ ...base, rules: Object.fromEntries(Object.entries(severities).map(([id, severity]) => [id, { ...base.rules['adr-title']!, severity }])) });
    const run = (ownerSeverity: 'error' | 'off') =>
      lintText('/adr/0001-x.md', '# 1. X\n', { rules: [seer, owner], catalogue: catalogueWithUser(null, null), config: configWith({ seer: 'error', owner: ownerSeverity }) }).messages.map((m) => m.message);
    expect(run('off')).toEqual(['seen']);
    expect(run('error')).toEqual(['owned']);
  });
});
