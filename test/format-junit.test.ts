// The JUnit formatter: reports valid against the Jenkins xUnit plugin's JUnit schema (see
// test/schemas/LICENSE-junit-xsd.txt), counts right, and any text a file or message holds read back
// by an XML parser as written (forbidden characters as visible escapes).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { formatJunit } from '../src/format/junit.ts';
import { fatalResult, summarise, type LintResult } from '../src/engine/run-rules.ts';
import type { Diagnostic } from '../src/model/types.ts';

const schema = { fileName: 'junit-10.xsd', contents: readFileSync(new URL('./schemas/junit-10.xsd', import.meta.url), 'utf8') };

async function validate(xml: string) {
  return validateXML({ xml: { fileName: 'report.xml', contents: xml }, schema });
}

async function expectValid(xml: string): Promise<void> {
  const result = await validate(xml);
  expect(result.errors.map((error) => error.rawMessage), 'the JUnit schema rejects the report').toEqual([]);
  expect(result.valid).toBe(true);
}

/**
 * The string value of an XPath expression, as libxml2 parses the document. xmllint-wasm hands back
 * what xmllint prints on stdout as `normalized`, and `--xpath` prints the value there.
 */
async function xpath(xml: string, expression: string): Promise<string> {
  const result = await validateXML({
    xml: { fileName: 'report.xml', contents: xml },
    schema,
    modifyArguments: (args) => ['--xpath', expression, ...args.filter((arg) => arg !== '--noout')],
  });
  expect(result.valid).toBe(true);
  return result.normalized.replace(/\n$/, '');
}

const ROOT = '/repo';

function problem(overrides: Partial<Diagnostic>): Diagnostic {
  return { ruleId: 'pattern-slug', severity: 'error', message: 'Unknown pattern "sagapatern"; did you mean "saga-pattern"?', line: 4, column: 12, endLine: 4, endColumn: 22, url: 'https://example.com/pattern-slug', ...overrides };
}

const RESULTS: LintResult[] = [
  summarise(`${ROOT}/docs/adr/0002-errors.md`, [
    problem({}),
    problem({ ruleId: 'pattern-link', severity: 'warn', message: 'Link the first mention of Saga Pattern', line: 9, column: 38, endLine: 9, endColumn: 42, url: 'https://example.com/pattern-link' }),
  ]),
  summarise(`${ROOT}/docs/adr/0001-clean.md`, []),
  fatalResult(`${ROOT}/docs/adr/0003-binary.md`, 'docs/adr/0003-binary.md is a binary file, not markdown text'),
];

describe('formatJunit', () => {
  it('writes a report the JUnit schema accepts, a suite per file', async () => {
    const xml = formatJunit(RESULTS, { root: ROOT });
    await expectValid(xml);
    expect(await xpath(xml, 'count(/testsuites/testsuite)')).toBe('3');
    for (const [i, name] of ['docs/adr/0002-errors.md', 'docs/adr/0001-clean.md', 'docs/adr/0003-binary.md'].entries())
      expect(await xpath(xml, `string(/testsuites/testsuite[${i + 1}]/@name)`)).toBe(name);
  });

  it('counts tests, failures (errors and warnings) and errors (files that could not be linted)', async () => {
    const xml = formatJunit(RESULTS, { root: ROOT });
    const counts = async (path: string) => Promise.all(['tests', 'failures', 'errors'].map((name) => xpath(xml, `string(${path}/@${name})`)));
    expect(await counts('/testsuites')).toEqual(['4', '2', '1']);
    expect(await counts('/testsuites/testsuite[1]')).toEqual(['2', '2', '0']);
    expect(await counts('/testsuites/testsuite[2]')).toEqual(['1', '0', '0']);
    expect(await counts('/testsuites/testsuite[3]')).toEqual(['1', '0', '1']);
    // The counts agree with the elements.
    expect(await xpath(xml, 'count(//testcase)')).toBe('4');
    expect(await xpath(xml, 'count(//testcase/failure)')).toBe('2');
    expect(await xpath(xml, 'count(//testcase/error)')).toBe('1');
  });

  it('names a problem by rule (classname) and by place and message (name); the failure holds the rest', async () => {
    const xml = formatJunit(RESULTS, { root: ROOT });
    const first = '/testsuites/testsuite[1]/testcase[1]';
    expect(await xpath(xml, `string(${first}/@classname)`)).toBe('pattern-slug');
    expect(await xpath(xml, `string(${first}/@name)`)).toBe('docs/adr/0002-errors.md:4:12 Unknown pattern "sagapatern"; did you mean "saga-pattern"?');
    expect(await xpath(xml, `string(${first}/@file)`)).toBe('docs/adr/0002-errors.md');
    expect(await xpath(xml, `string(${first}/failure/@type)`)).toBe('error');
    expect(await xpath(xml, `string(${first}/failure/@message)`)).toBe('Unknown pattern "sagapatern"; did you mean "saga-pattern"?');
    expect(await xpath(xml, `string(${first}/failure)`)).toBe(
      'error at docs/adr/0002-errors.md:4:12-4:22\nUnknown pattern "sagapatern"; did you mean "saga-pattern"?\nRule: pattern-slug (https://example.com/pattern-slug)',
    );
    // A warning is a failure too (as ESLint's junit formatter has it), typed as one.
    expect(await xpath(xml, 'string(/testsuites/testsuite[1]/testcase[2]/failure/@type)')).toBe('warning');
    // A clean file passes: one test case, no failure.
    expect(await xpath(xml, 'count(/testsuites/testsuite[2]/testcase/*)')).toBe('0');
    expect(await xpath(xml, 'string(/testsuites/testsuite[2]/testcase/@name)')).toBe('docs/adr/0001-clean.md');
    // A file that could not be linted is an error.
    expect(await xpath(xml, 'string(/testsuites/testsuite[3]/testcase/error/@message)')).toBe('docs/adr/0003-binary.md is a binary file, not markdown text');
  });

  it('keeps files outside the repository absolute', async () => {
    const xml = formatJunit([summarise('/elsewhere/0001-x.md', [])], { root: ROOT });
    expect(await xpath(xml, 'string(//testsuite/@name)')).toBe('/elsewhere/0001-x.md');
  });

  it('shortens a long message in the test case name only', async () => {
    const message = `Unknown pattern ${'x'.repeat(300)}`;
    const xml = formatJunit([summarise(`${ROOT}/docs/adr/0001-x.md`, [problem({ message })])], { root: ROOT });
    const name = await xpath(xml, 'string(//testcase/@name)');
    expect(name.startsWith('docs/adr/0001-x.md:4:12 Unknown pattern xxx')).toBe(true);
    expect(name.endsWith('…')).toBe(true);
    expect([...name.slice('docs/adr/0001-x.md:4:12 '.length)]).toHaveLength(120);
    expect(await xpath(xml, 'string(//failure/@message)')).toBe(message);
  });

  it('escapes markup, keeps line breaks and tabs, and writes characters XML forbids as visible escapes', async () => {
    const path = `${ROOT}/docs/adr/0001-a\u0001b<&>"'.md`;
    const message = 'Quote <b>&amp;</b> "x" \'y\' a\ttab, a\r\nbreak, \u0000 nul, \ud800 lone, \ufffe, 😀 pair';
    const xml = formatJunit([summarise(path, [problem({ message })])], { root: ROOT });
    await expectValid(xml);
    const readable = 'Quote <b>&amp;</b> "x" \'y\' a\ttab, a\r\nbreak, \\u0000 nul, \\ud800 lone, \\ufffe, 😀 pair';
    expect(await xpath(xml, 'string(//failure/@message)')).toBe(readable);
    expect(await xpath(xml, 'string(//testsuite/@name)')).toBe(`docs/adr/0001-a\\u0001b<&>"'.md`);
    expect(await xpath(xml, 'string(//failure)')).toContain(`\n${readable}\n`);
  });

  it('writes a valid report for no files', async () => {
    const xml = formatJunit([], { root: ROOT });
    await expectValid(xml);
    expect(await xpath(xml, 'string(/testsuites/@tests)')).toBe('0');
  });

  it('is checked by a validator that rejects what is not a JUnit report', async () => {
    const xml = formatJunit(RESULTS, { root: ROOT });
    // Not well-formed: an element left open, a raw forbidden character.
    expect((await validate(xml.replace('</testcase>', ''))).valid).toBe(false);
    expect((await validate(xml.replace('Unknown pattern', 'Unknown\u0001pattern'))).valid).toBe(false);
    // Well-formed but not JUnit: a suite without its test count, an element the schema does not know.
    expect((await validate(xml.replace(/ tests="2"/, ''))).valid).toBe(false);
    expect((await validate(xml.replace('<failure ', '<problem ').replace('</failure>', '</problem>'))).valid).toBe(false);
  });
});
