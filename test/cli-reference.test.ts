// The help and the README's command-line reference are generated from the flag table
// (src/commands/flags.ts): every flag is in both, with its value, and the README is up to date.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FLAG_NAMES, FLAGS, type Flag } from '../src/commands/flags.ts';
import { HELP, REFERENCE_END, REFERENCE_START, referenceSection, withReference } from '../src/commands/help.ts';
import { adrlint, fixture, removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the command-line reference', () => {
  it('is in the README as the flag table generates it (run "npm run docs" to rewrite it)', () => {
    const start = readme.indexOf(REFERENCE_START);
    const end = readme.indexOf(REFERENCE_END);
    expect(start, `README.md has no ${REFERENCE_START} line`).toBeGreaterThan(-1);
    expect(readme.slice(start, end + REFERENCE_END.length), 'the README\'s command-line reference is out of date: run "npm run docs"').toBe(referenceSection());
  });

  it('names every flag with its value and one line of help, in the help and the README', () => {
    for (const name of FLAG_NAMES) {
      const flag: Flag = FLAGS[name];
      expect(flag.help.trim(), `--${name}`).not.toBe('');
      expect(flag.help, `--${name}`).not.toContain('\n');
      if (flag.type === 'string') expect(flag.arg, `--${name}: a string flag names its value`).toBeTruthy();
      const syntax = flag.arg === undefined ? `--${name}` : `--${name} ${/[<[]/.test(flag.arg) ? flag.arg : `<${flag.arg}>`}`;
      expect(HELP, `--${name}`).toMatch(new RegExp(`${syntax.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\n| {2,})`));
      expect(readme).toContain(syntax);
    }
  });

  it('wraps the options at 100 columns', () => {
    for (const line of HELP.slice(HELP.indexOf('\nOptions:\n')).split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('replaces only what is between the markers', () => {
    const text = `# x\n\n${REFERENCE_START}\nold\n${REFERENCE_END}\n\nafter\n`;
    expect(withReference(text, 'NEW')).toBe('# x\n\nNEW\n\nafter\n');
    expect(withReference('# no markers\n')).toBeNull();
  });

  it('is what adrlint --help prints', async () => {
    const run = await adrlint(fixture(), ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(HELP);
  });
});
