// Whatever the input, linting never throws and every position lies inside the file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { resolveConfig } from '../src/run/config.ts';
import { lintText } from '../src/lib.ts';

const catalogue = catalogueWithUser(null, null);
const config = resolveConfig({ extends: 'strict' }, null, '/');

const word = fc.constantFrom(
  'saga', 'Saga Pattern', 'CQRS', 'cqrs', 'sidecars', 'event-driven architecture', 'API gateway', 'Amazon API Gateway',
  'redux-saga', 'microservices', 'the', 'and', 'sharding', '`saga`', '**CQRS**', '[saga](https://x.org/saga)', '<b>saga</b>',
  'https://x.org/saga', '![saga](s.png)', '\\*', '&amp;', '|', '---', '#', '>', '- ', '1.', '```', '\t', ' ', 'é', '😀', '\u0000',
);
const line = fc.array(fc.oneof(word, fc.string({ maxLength: 8 })), { maxLength: 12 }).map((words) => words.join(' '));
const body = fc.array(line, { maxLength: 15 });

const yamlValue = fc.oneof(
  fc.constantFrom('saga-pattern', 'Saga Pattern', '05', '05.5', 'null', '~', '[a, b', '{slug: cqrs-pattern, category: Data Pattern}', '&a [1]', '*a', '"q"', "'x'", '|\n  block', '2024-02-30', 'true'),
  fc.string({ maxLength: 12 }),
);
const yamlLine = fc.oneof(
  fc.tuple(fc.constantFrom('patterns', 'categories', 'status', 'date', 'title', '__proto__', 'constructor'), yamlValue).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(fc.constantFrom('  - ', '- ', '    '), yamlValue).map(([indent, v]) => `${indent}${v}`),
  fc.string({ maxLength: 16 }),
);
const frontmatter = fc.oneof(
  fc.constant(null),
  fc.array(yamlLine, { maxLength: 8 }).map((lines) => `---\n${lines.join('\n')}\n---\n`),
  fc.array(yamlLine, { maxLength: 4 }).map((lines) => `---\n${lines.join('\n')}\n`),
);

const document = fc
  .record({ frontmatter, body, crlf: fc.boolean(), bom: fc.boolean(), finalNewline: fc.boolean() })
  .map(({ frontmatter, body, crlf, bom, finalNewline }) => {
    let text = (frontmatter ?? '') + body.join('\n') + (finalNewline ? '\n' : '');
    if (crlf) text = text.replace(/\n/g, '\r\n');
    return (bom ? '\uFEFF' : '') + text;
  });

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

describe('linting arbitrary documents', () => {
  it('never throws, and every diagnostic and fix lies inside the file', () => {
    fc.assert(
      fc.property(document, (source) => {
        const result = lintText('/adr/0001-x.md', source, { catalogue, config });
        const text = source.replace(/^\uFEFF/, '');
        const lengths = lineLengths(text);
        for (const m of result.messages) {
          expect(m.line).toBeGreaterThanOrEqual(1);
          expect(m.line).toBeLessThanOrEqual(lengths.length);
          expect(m.column).toBeGreaterThanOrEqual(1);
          expect(m.column).toBeLessThanOrEqual((lengths[m.line - 1] ?? 0) + 1);
          expect(m.endLine).toBeGreaterThanOrEqual(m.line);
          expect(m.endLine).toBeLessThanOrEqual(lengths.length);
          expect(m.endColumn).toBeLessThanOrEqual((lengths[m.endLine - 1] ?? 0) + 1);
          if (m.endLine === m.line) expect(m.endColumn).toBeGreaterThanOrEqual(m.column);
          expect(m.message).not.toMatch(/\n/);
          expect(m.ruleId).toBeTruthy();
          if (m.fix) {
            expect(m.fix.range[0]).toBeGreaterThanOrEqual(0);
            expect(m.fix.range[1]).toBeLessThanOrEqual(text.length);
            expect(m.fix.range[1]).toBeGreaterThanOrEqual(m.fix.range[0]);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
