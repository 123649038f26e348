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

  describe('the language server: a section per editor, each snippet well formed and starting "adrlint lsp --stdio"', () => {
    const editors = section('\n## Editors (language server)\n');
    it.each(['VS Code', 'Neovim', 'Helix', 'Zed', 'JetBrains IDEs'])('%s', (editor) => {
      const blocks = fencedBlocks(section(`\n### ${editor}\n`, editors));
      expect(blocks.length, `no snippet for ${editor}`).toBeGreaterThan(0);
      for (const { lang, text } of blocks) {
        if (lang === 'json') JSON.parse(text);
        else if (lang === 'toml') parseToml(text);
        else if (lang === 'lua' || lang === 'rust') expect(balanced(text), text).toBe(true);
        else expect(lang).toBe('text');
      }
      // The command the editor runs: the words of its snippets (the command line, or the quoted words of a list).
      const starts = blocks.some(({ text }) => /\badrlint lsp --stdio\b/.test(text) || quotedWords(text).join(' ').includes('adrlint lsp --stdio'));
      expect(starts, `${editor} never starts adrlint lsp --stdio`).toBe(true);
      // And shows where the settings go.
      expect(blocks.some(({ text }) => text.includes('onType'))).toBe(true);
    });

    it('Helix: the server and the markdown language that lists it; Neovim: cmd and the markdown filetype', () => {
      const helix = parseToml(fencedBlocks(section('\n### Helix\n', editors))[0]!.text);
      expect(helix['language-server']).toEqual({ adrlint: { command: 'npx', args: ['adrlint', 'lsp', '--stdio'], config: { adrlint: { run: 'onType' } } } });
      expect(helix.language).toEqual([{ name: 'markdown', 'language-servers': ['marksman', 'adrlint'] }]);
      for (const { text } of fencedBlocks(section('\n### Neovim\n', editors))) {
        expect(text).toContain("cmd = { 'npx', 'adrlint', 'lsp', '--stdio' }");
        expect(text).toMatch(/'markdown'/);
      }
      const vscode = JSON.parse(fencedBlocks(section('\n### VS Code\n', editors))[0]!.text) as Record<string, unknown>;
      expect(vscode).toMatchObject({ 'glspc.server.command': 'npx', 'glspc.server.commandArguments': ['adrlint', 'lsp', '--stdio'], 'glspc.server.languageId': ['markdown'] });
    });

    it('documents the settings the server reads', () => {
      expect(editors).toContain('| `adrlint.config` |');
      expect(editors).toContain('| `adrlint.run` | `"onType"`');
    });
  });
});

/** The text from `heading` to the next heading of its level (or the end), of `text`. */
function section(heading: string, text = readme): string {
  const start = text.indexOf(heading);
  expect(start, `no ${heading.trim()}`).toBeGreaterThanOrEqual(0);
  const level = /^\n(#+) /.exec(heading)![1]!;
  const next = text.indexOf(`\n${level} `, start + heading.length);
  return text.slice(start, next === -1 ? undefined : next);
}

function fencedBlocks(text: string): Array<{ lang: string; text: string }> {
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1]!, text: match[2]! }));
}

const quotedWords = (text: string): string[] => [...text.matchAll(/(["'])((?:(?!\1)[^\\\n])*)\1/g)].map((match) => match[2]!);

/** Brackets, braces and parentheses balanced and nested, outside strings. */
function balanced(text: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const char of text.replace(/(["'])(?:(?!\1)[^\\\n]|\\.)*\1/g, '""')) {
    if ('([{'.includes(char)) stack.push(char);
    else if (char in pairs && stack.pop() !== pairs[char]) return false;
  }
  return stack.length === 0;
}

/**
 * The TOML the snippets use (tables, arrays of tables, `key = value` with strings, arrays and
 * inline tables on one line), read into an object; anything else throws.
 */
function parseToml(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let table = root;
  const at = (path: string[], from: Record<string, unknown>): Record<string, unknown> =>
    path.reduce((node, key) => (node[key] ??= {}) as Record<string, unknown>, from);
  for (const line of text.split('\n').map((raw) => raw.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const arrayTable = /^\[\[([\w.-]+)\]\]$/.exec(line);
    const plainTable = /^\[([\w.-]+)\]$/.exec(line);
    const pair = /^([\w-]+) = (.+)$/.exec(line);
    if (arrayTable) {
      const path = arrayTable[1]!.split('.');
      const parent = at(path.slice(0, -1), root);
      const list = (parent[path.at(-1)!] ??= []) as unknown[];
      table = {};
      list.push(table);
    } else if (plainTable) table = at(plainTable[1]!.split('.'), root);
    else if (pair) table[pair[1]!] = JSON.parse(pair[2]!.replace(/([{,]\s*)([\w-]+)\s*=/g, '$1"$2":'));
    else throw new Error(`not TOML the test reads: ${line}`);
  }
  return root;
}
