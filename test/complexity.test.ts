// The measure taken before parsing (src/parse/complexity.ts) and the bounded parse (src/parse/bounded-parse.ts):
// the shapes refused are what the parser would meet, real ADRs are never refused, and a parse
// that takes too long is stopped.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { measureMarkdown, TooComplexError } from '../src/parse/complexity.ts';
import { IN_THREAD_MS, parseBounded } from '../src/parse/bounded-parse.ts';
import { corpusFiles, REAL_SIZED } from '../scripts/bench-corpus.ts';
import { parseAdr } from '../src/parse/parse-adr.ts';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { resolveConfig } from '../src/run/config.ts';
import { fixText, lintText } from '../src/lib.ts';
import { buildRecord } from '../src/parse/record.ts';
import { lintFileInProject } from '../src/run/file-in-project.ts';
import { fixture, removeFixtures } from './helpers/cli.ts';

const problem = (text: string) => measureMarkdown(text).problem;

describe('measureMarkdown', () => {
  it('counts the lists and block quotes a line opens', () => {
    expect(problem(`${'- '.repeat(100)}word`)).toBeNull();
    expect(problem(`${'- '.repeat(101)}word`)).toBe('101 nested list levels on line 1 (adrlint stops at 100)');
    expect(problem(`# T\n\n${'1. 2) * + '.repeat(26)}word`)).toBe('104 nested list levels on line 3 (adrlint stops at 100)');
    expect(problem(`${'>'.repeat(101)}`)).toBe('101 nested block quotes on line 1 (adrlint stops at 100)');
    expect(problem(`${'> - '.repeat(51)}word`)).toBe('102 nested lists and block quotes on line 1 (adrlint stops at 100)');
  });

  it('does not count what opens no container', () => {
    // Thematic breaks win over list items; a marker needs a space after it; ten digits are no marker.
    expect(problem('- '.repeat(5000))).toBeNull();
    expect(problem('* '.repeat(5000))).toBeNull();
    expect(problem(`- ${'* '.repeat(5000)}`)).toBeNull();
    expect(problem(`${'-'.repeat(5000)}word`)).toBeNull();
    expect(problem(`${'1234567890. '.repeat(200)}word`)).toBeNull();
    expect(problem(`${'-x '.repeat(200)}`)).toBeNull();
  });

  it('leaves fenced code alone', () => {
    expect(problem(`# T\n\n\`\`\`text\n${'>'.repeat(500)}\n${'['.repeat(900)}\n${'*'.repeat(2000)}x\n\`\`\`\n`)).toBeNull();
    expect(problem(`~~~~\n\`\`\`\n~~~\n${'>'.repeat(500)}\n~~~~\n`)).toBeNull();
    // After the fence closes, the text counts again.
    expect(problem(`\`\`\`\ncode\n\`\`\`\n${'>'.repeat(101)}\n`)).toBe('101 nested block quotes on line 4 (adrlint stops at 100)');
  });

  it('counts a long run of emphasis markers', () => {
    expect(problem(`Name: ${'_'.repeat(1000)}`)).toBeNull();
    expect(problem(`${'_'.repeat(1001)}`)).toBeNull(); // a thematic break
    expect(problem(`x ${'_'.repeat(1001)} y`)).toBe('a run of 1,001 "_" on line 1 (adrlint stops at 1,000)');
  });

  it('counts `[` and emphasis openers left open in a paragraph, until a blank line', () => {
    expect(problem(`${'[a'.repeat(300)}\n${'[b'.repeat(201)}`)).toBe('501 "[" open at once on line 2 (adrlint stops at 500)');
    expect(problem(`${'[a'.repeat(300)}\n\n${'[b'.repeat(300)}`)).toBeNull();
    expect(problem(`${'[a] '.repeat(2000)}`)).toBeNull();
    expect(problem(`${'\\['.repeat(2000)}`)).toBeNull();
    expect(problem(`${'*a '.repeat(501)}`)).toBe('501 emphasis markers open at once on line 1 (adrlint stops at 500)');
    expect(problem(`${'*a* '.repeat(2000)}`)).toBeNull();
    // Inside words, `_` opens nothing.
    expect(problem(`${'snake_case_name '.repeat(2000)}`)).toBeNull();
  });

  it('estimates a slow parse for a long block full of marks, not for many short ones or plain text', () => {
    const paragraphs = 'We coordinate *the steps* with [sagas](saga.md).\n\n'.repeat(300);
    expect(measureMarkdown(paragraphs).estimatedMs).toBeLessThan(1000);
    expect(measureMarkdown(paragraphs.replace(/\n\n/g, '\n')).estimatedMs).toBeGreaterThan(1000);
    expect(measureMarkdown(paragraphs.replace(/\n\n/g, '\n').replace(/[*[\]()]/g, '')).estimatedMs).toBeLessThan(1000);
  });
});

describe('the estimate of a real-sized record', () => {
  it('keeps records of 30 to 73 KB of prose, links and lists in the thread that asks (a 60 KB one parses in ~90 ms)', () => {
    const { files } = corpusFiles(20, 3, { sizes: REAL_SIZED.sizes });
    const estimates = [...files.values()].map((text) => ({ kb: Math.round(text.length / 1024), ms: Math.round(measureMarkdown(text).estimatedMs) }));
    expect(Math.max(...estimates.map((estimate) => estimate.kb))).toBeGreaterThan(60);
    // At 20 µs a character, as before, each of these was estimated at 0.6 to 1.5 s and sent to the parse thread.
    expect(estimates.filter((estimate) => estimate.ms > IN_THREAD_MS / 2)).toEqual([]);
  });
});

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

describe.skipIf(!existsSync(CORPUS))('the shared corpus', () => {
  it('has no file the measure refuses, and each is parsed in the thread that asks', () => {
    const files = markdownFiles(CORPUS);
    expect(files.length).toBeGreaterThan(100);
    const measures = files.map((file) => ({ file, ...measureMarkdown(readFileSync(file, 'utf8')) }));
    expect(measures.filter((measure) => measure.problem !== null)).toEqual([]);
    // The largest (30 KB; one with a 15 KB table) are estimated at two thirds of the limit at most.
    expect(measures.filter((measure) => measure.estimatedMs > IN_THREAD_MS * 0.7)).toEqual([]);
  });
});

describe('parseBounded', () => {
  it('refuses a tree deeper than adrlint walks, after parsing', () => {
    // 100 lists (list and item: 200 levels), a paragraph, 450 emphases and their text: 652.
    const deep = `${'- '.repeat(100)}${'*a '.repeat(450)}b${' a*'.repeat(450)}\n`;
    expect(problem(deep)).toBeNull();
    expect(() => parseBounded(deep)).toThrow(new TooComplexError('is too complex to parse: markup nested 652 levels deep (adrlint stops at 500)'));
  });

  it('is what parseAdr parses with', () => {
    expect(() => parseAdr('/adr/0001-x.md', `# T\n\n${'>'.repeat(200)}\n`, catalogueWithUser(null, null))).toThrow(
      new TooComplexError('is too complex to parse: 200 nested block quotes on line 3 (adrlint stops at 100)'),
    );
  });

  it.skipIf(!existsSync(fileURLToPath(new URL('../dist/parse-worker.js', import.meta.url))))(
    'stops a parse that takes longer than its limit, and parses on afterwards',
    () => {
      // Open raw HTML (`<?`) in one 100 KB paragraph: each opener scans to its end, a minute in all.
      const started = performance.now();
      expect(() => parseBounded('a <?'.repeat(25000), 0.5)).toThrow(new TooComplexError('is too complex to parse in 0.5 s'));
      expect(performance.now() - started).toBeLessThan(5000);
      // A long text that parses quickly, on a new thread.
      const tree = parseBounded('We use sagas.\n'.repeat(5000));
      expect(tree.children).toHaveLength(1);
      expect(tree.children[0]?.position?.end.line).toBe(5000);
    },
  );
});

describe('the library paths that parse', () => {
  const catalogue = catalogueWithUser(null, null);
  const config = resolveConfig({}, null, '/');
  const deep = `# 1. Deep\n\n${'- '.repeat(8000)}word\n`;
  const reason = 'is too complex to parse: 8,000 nested list levels on line 3 (adrlint stops at 100)';
  afterAll(() => removeFixtures());

  it('lintText reports the file as one fatal problem', () => {
    expect(lintText('/adr/0001-deep.md', deep, { catalogue, config }).messages).toEqual([
      { ruleId: null, severity: 'error', fatal: true, message: `/adr/0001-deep.md ${reason}`, line: 1, column: 1, endLine: 1, endColumn: 1 },
    ]);
  });

  it('lintFileInProject (the remark plugin) reports it the same way', async () => {
    const root = fixture({ 'docs/adr/0001-deep.md': deep });
    const result = await lintFileInProject('docs/adr/0001-deep.md', deep, { cwd: root });
    expect(result?.messages.map((message) => [message.fatal, message.message])).toEqual([[true, `docs/adr/0001-deep.md ${reason}`]]);
  });

  it('fixText keeps the text before a fix that would make it too complex to parse', () => {
    // 500 `[` open: linking the pattern mention would open the 501st.
    const text = (open: number) => `---\nstatus: accepted\npatterns: [saga-pattern]\n---\n\n# 1. Use sagas\n\n${'['.repeat(open)} We use the Saga Pattern.\n`;
    const fix = (source: string) => fixText('/adr/0001-use-sagas.md', source, { catalogue, config }, { set: [buildRecord(parseAdr('/adr/0001-use-sagas.md', source, catalogue), catalogue)] });
    expect(fix(text(499))).toMatchObject({ fixedCount: 1, output: expect.stringContaining('[Saga Pattern](https://') });
    const refused = fix(text(500));
    expect(refused).toMatchObject({ fixedCount: 0, passes: 0, output: text(500) });
    expect(refused.result.messages.map((message) => message.ruleId)).toContain('pattern-link');
  });
});
