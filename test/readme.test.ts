// The README is the user's manual: its rule table and catalogue table must say what the code does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.ts';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { STANDARD_STATUSES, STATUS_HINTS, STATUS_SYNONYMS } from '../src/model/status-words.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('starts a newcomer with the two commands', () => {
    expect(readme).toContain('npm ci && npx adrlint');
    expect(readme).toMatch(/^npm test\b/m);
  });

  it('installs and pins by the real tag names: the version of package.json and its major tag', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const major = `v${version.split('.')[0]}`;
    const install = readme.slice(readme.indexOf('\n## Install\n'), readme.indexOf('\n## ', readme.indexOf('\n## Install\n') + 1));
    expect(install).toContain('\nnpm i -D adrlint ');
    expect(install).toContain(`\nnpm i -D --save-exact adrlint@${version} `);
    expect(install).toContain(`\n      - uses: adrlint/adrlint@${major}\n`);
    expect(install).toContain(`\`adrlint/adrlint@v${version}\``);
    expect(install).toContain('\n  - repo: https://github.com/adrlint/adrlint\n');
    // Every Action reference and pre-commit rev in the README names a tag the release makes.
    for (const [, tag] of readme.matchAll(/uses: adrlint\/adrlint@(\S+)/g)) expect(tag).toBe(major);
    for (const [, rev] of readme.matchAll(/^ +rev: (\S+)$/gm)) expect(rev).toBe(`v${version}`);
    expect(readme.match(/^ +rev: /gm)!.length).toBeGreaterThanOrEqual(2);
  });

  it.each(rules.map((rule) => [rule.meta.id, rule] as const))('documents %s in the rule table as the code has it', (id, rule) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| [${id}](docs/rules/${id}.md) |`));
    expect(row, `no rule table row for ${id}`).toBeDefined();
    const cells = row!.split('|').map((cell) => cell.trim());
    expect(cells[2]).toBe(rule.meta.defaultSeverity);
    expect(cells[3]).toBe(rule.meta.fixable ? 'yes' : '');
  });

  it('lists the status synonyms as src/model/status-words.ts has them', () => {
    for (const status of STANDARD_STATUSES) expect(readme).toContain(`| ${status} | ${STATUS_SYNONYMS[status].join(', ')} | ${STATUS_HINTS[status].join(', ')} |`);
  });

  it('lists the built-in catalogue as it is', () => {
    for (const pattern of catalogueWithUser(null, null).patterns) {
      expect(readme).toContain(`| ${pattern.code} | \`${pattern.slug}\` | ${pattern.name} | ${pattern.category} |`);
    }
  });
});
