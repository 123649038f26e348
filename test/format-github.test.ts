// GitHub Actions annotations: one workflow command a problem, escaped so that no ADR text or file
// name can end the command's line and start a command of its own, and written as @actions/core's
// core.error and core.warning write them (compared with core's own output, captured from stdout).
import { EOL } from 'node:os';
import * as core from '@actions/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { annotationOf, formatGithub } from '../src/format/github.ts';
import { annotationCommand, escapeData, escapeProperty, withCommandsStopped, workflowCommand } from '../src/format/workflow-commands.ts';
import { fatalResult, summarise } from '../src/engine/run-rules.ts';
import type { Diagnostic } from '../src/model/types.ts';

const ROOT = '/repo';

const diagnostic = (over: Partial<Diagnostic>): Diagnostic => ({
  ruleId: 'pattern-slug',
  severity: 'error',
  message: 'Unknown pattern "sagapatern"; did you mean "saga-pattern"?',
  line: 4,
  column: 12,
  endLine: 4,
  endColumn: 22,
  ...over,
});

function lines(output: string): string[] {
  expect(output.endsWith('\n')).toBe(true);
  const all = output.slice(0, -1).split('\n');
  // However a message or path reads, the runner sees annotation commands and nothing else.
  for (const line of all) expect(line).toMatch(/^::(error|warning) /);
  // The runner also ends a line at a lone CR.
  expect(output).not.toMatch(/\r/);
  return all;
}

describe('formatGithub', () => {
  it('writes one ::error or ::warning line a problem, positions and rule id as properties', () => {
    const output = formatGithub(
      [
        summarise(`${ROOT}/docs/adr/0002-errors.md`, [
          diagnostic({}),
          diagnostic({ ruleId: 'pattern-link', severity: 'warn', message: 'Link the first mention of Saga Pattern', line: 9, column: 38, endLine: 10, endColumn: 3 }),
        ]),
        summarise(`${ROOT}/docs/adr/0001-clean.md`, []),
      ],
      { root: ROOT },
    );
    expect(lines(output)).toEqual([
      '::error title=pattern-slug,file=docs/adr/0002-errors.md,line=4,endLine=4,col=12,endColumn=22::Unknown pattern "sagapatern"; did you mean "saga-pattern"?',
      '::warning title=pattern-link,file=docs/adr/0002-errors.md,line=9,endLine=10::Link the first mention of Saga Pattern',
    ]);
  });

  it('titles a problem without a rule "adrlint"', () => {
    const output = formatGithub([fatalResult(`${ROOT}/docs/adr/0003-locked.md`, 'docs/adr/0003-locked.md could not be read: EACCES')], { root: ROOT });
    expect(lines(output)).toEqual(['::error title=adrlint,file=docs/adr/0003-locked.md,line=1,endLine=1,col=1,endColumn=1::docs/adr/0003-locked.md could not be read: EACCES']);
  });

  it('is empty without problems', () => {
    expect(formatGithub([], { root: ROOT })).toBe('');
    expect(formatGithub([summarise(`${ROOT}/docs/adr/0001-clean.md`, [])], { root: ROOT })).toBe('');
  });

  it('names files from the root with forward slashes, and files outside it by their absolute path', () => {
    const output = formatGithub(
      [summarise(`${ROOT}/docs/adr/sub dir/0004-ü.md`, [diagnostic({})]), summarise('/elsewhere/0005-x.md', [diagnostic({})])],
      { root: ROOT },
    );
    expect(lines(output).map((line) => line.split(',')[1])).toEqual(['file=docs/adr/sub dir/0004-ü.md', 'file=/elsewhere/0005-x.md']);
  });

  it.each([
    ['a line break and a command', 'bad\n::error::x', 'bad%0A::error::x'],
    ['a stop-commands command', '::stop-commands::x', '::stop-commands::x'],
    ['an escape sequence as text', 'a %0A b', 'a %250A b'],
    ['a carriage return', 'a\rb', 'a%0Db'],
    ['CRLF and set-output', 'x\r\n::set-output name=a::b', 'x%0D%0A::set-output name=a::b'],
  ])('escapes a message with %s', (_name, message, escaped) => {
    const output = formatGithub([summarise(`${ROOT}/docs/adr/a,b:c.md`, [diagnostic({ message })])], { root: ROOT });
    expect(lines(output)).toEqual([`::error title=pattern-slug,file=docs/adr/a%2Cb%3Ac.md,line=4,endLine=4,col=12,endColumn=22::${escaped}`]);
  });

  it('escapes a file name that holds line breaks, commas, colons and percent signs', () => {
    const output = formatGithub([summarise(`${ROOT}/docs/adr/x\n::error::y,z:%.md`, [diagnostic({ message: 'm' })])], { root: ROOT });
    expect(lines(output)).toEqual(['::error title=pattern-slug,file=docs/adr/x%0A%3A%3Aerror%3A%3Ay%2Cz%3A%25.md,line=4,endLine=4,col=12,endColumn=22::m']);
  });
});

describe('workflow command escaping', () => {
  it('escapes data and properties as the runner unescapes them', () => {
    expect(escapeData('100% done\r\n::x')).toBe('100%25 done%0D%0A::x');
    expect(escapeProperty('100% a,b:c\r\n')).toBe('100%25 a%2Cb%3Ac%0D%0A');
    expect(workflowCommand('warning', { file: 'a.md', line: 3, col: undefined }, 'm')).toBe('::warning file=a.md,line=3::m');
    expect(workflowCommand('error', {}, 'm')).toBe('::error::m');
  });

  describe('agrees with @actions/core', () => {
    afterEach(() => vi.restoreAllMocks());

    /** What core.error or core.warning writes to stdout for these arguments. */
    function coreWrites(level: 'error' | 'warning', message: string, properties: core.AnnotationProperties): string {
      const written: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
      try {
        core[level](message, properties);
      } finally {
        vi.restoreAllMocks();
      }
      return written.join('');
    }

    const text = fc.string({ unit: fc.constantFrom('%', '\r', '\n', ':', ',', '=', 'a', ' ', '0', 'A', 'é', '𝄞', '%0A', '::') });
    const position = fc.integer({ min: 1, max: 100_000 });

    it('for any title and message', () => {
      fc.assert(
        fc.property(text.filter((title) => title !== ''), text, (title, message) => {
          return coreWrites('error', message, { title }) === `${workflowCommand('error', { title }, message)}${EOL}`;
        }),
      );
    });

    it('for any annotation: level, file, title, lines, columns and message, to the byte', () => {
      const annotation = fc.record(
        {
          // An empty title is left out, as core leaves it out; a file is always there.
          title: text,
          file: text.filter((file) => file !== ''),
          startLine: position,
          endLine: position,
          startColumn: position,
          endColumn: position,
        },
        { requiredKeys: ['file', 'startLine'] },
      );
      fc.assert(
        fc.property(fc.constantFrom('error' as const, 'warning' as const), annotation, text, (level, properties, message) => {
          return coreWrites(level, message, properties) === `${annotationCommand(level, message, properties)}${EOL}`;
        }),
      );
    });

    it('the github format prints, line by line, what core prints for the same annotations', () => {
      const results = [
        summarise(`${ROOT}/docs/adr/a,b:c%0A.md`, [
          diagnostic({ message: 'bad\r\n::error::x 100% done' }),
          diagnostic({ ruleId: 'pattern-link', severity: 'warn', message: 'm', line: 9, column: 38, endLine: 10, endColumn: 3 }),
        ]),
        summarise(`${ROOT}/docs/adr/x\n::stop-commands::y.md`, [diagnostic({ ruleId: null, message: '::add-mask::z' })]),
        summarise('/elsewhere/0005-x.md', [diagnostic({})]),
      ];
      const expected = results.flatMap((result) =>
        result.messages.map((m) => {
          const { level, message, ...properties } = annotationOf(ROOT, result.filePath, m);
          return coreWrites(level, message, properties).replace(new RegExp(`${EOL}$`), '');
        }),
      );
      expect(expected).toHaveLength(4);
      expect(lines(formatGithub(results, { root: ROOT }))).toEqual(expected);
    });
  });
});

describe('withCommandsStopped', () => {
  it('prints the text between ::stop-commands::<token> and ::<token>::, each on a line of its own', () => {
    expect(withCommandsStopped('::error::x\nmore', () => 'T')).toBe('::stop-commands::T\n::error::x\nmore\n::T::\n');
    expect(withCommandsStopped('ends\n', () => 'T')).toBe('::stop-commands::T\nends\n::T::\n');
  });

  it('never uses a token the text holds, so no ADR can end the block', () => {
    const tokens = ['a-1', 'b-2'];
    const text = 'docs/adr/x.md\n::a-1::\n::set-output name=x::y\n';
    expect(withCommandsStopped(text, () => tokens.shift()!)).toBe(`::stop-commands::b-2\n${text}::b-2::\n`);
  });

  it('takes a new random token each time', () => {
    const first = withCommandsStopped('x').split('\n')[0];
    const second = withCommandsStopped('x').split('\n')[0];
    expect(first).toMatch(/^::stop-commands::[0-9a-f-]{36}$/);
    expect(first).not.toBe(second);
  });
});
