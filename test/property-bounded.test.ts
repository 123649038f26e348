// Any markdown under the size limit is linted within the time budget (issue #12): generated from
// the shapes that are slow to parse, repeated and mixed with ordinary ADR text, each file is
// either linted as usual or one fatal "too complex to parse" line, its good neighbour is linted in
// full, and the run ends within the parse time limit.
import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { lintProject } from '../src/run/lint-project.ts';
import { PARSE_TIME_LIMIT_SECONDS } from '../src/parse/bounded-parse.ts';
import { fixture, removeFixtures } from './helpers/cli.ts';

const SIZE_LIMIT = 32 * 1024;
// The parse time limit, and what the rest of the run may take around it (a busy 2-core machine).
const BUDGET_MS = PARSE_TIME_LIMIT_SECONDS * 1000 + 3000;

const GOOD = '---\nstatus: done\ndate: 2024-03-01\n---\n\n# 1. Use sagas\n\nWe coordinate the steps with sagas.\n';

const ordinary = fc.constantFrom(
  '# 2. Split the orders table',
  '## Context',
  'We split the table by customer, as the *Saga Pattern* and [CQRS](https://x.org/cqrs) suggest.',
  '- a point',
  '  1. a sub-point',
  '> a quote',
  '```text',
  '| a | b |',
  '<!-- a note -->',
  'Status: accepted',
  '',
);
// The shapes micromark is slow on (issue #12 and CommonMark's pathological tests), each repeated.
const slowShape = fc
  .tuple(
    fc.constantFrom('- ', '1. ', '>', '> ', '> - ', '*', '_', '**', '*a **a ', ' a** a*', '*a_ ', '[', ']', '[a', '](', '![', '[ (](', '[a](b', '<!--', 'a <?', '<!A ', '`', 'b\n', '- a\n', '\\', '&#'),
    fc.integer({ min: 1, max: 6000 }),
  )
  .map(([shape, times]) => shape.repeat(times));
const piece = fc.oneof({ weight: 3, arbitrary: ordinary }, { weight: 2, arbitrary: slowShape });
const markdown = fc
  .array(fc.tuple(piece, fc.constantFrom('', ' ', 'word', '\n', '\n\n')), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.map(([text, after]) => text + after).join('').slice(0, SIZE_LIMIT));

afterAll(() => removeFixtures());

describe('any markdown under the size limit', () => {
  it('is linted within the time budget', { timeout: 600_000 }, async () => {
    const root = fixture({ '.adrlintrc.yml': `maxFileSize: ${SIZE_LIMIT}\nrules:\n  adr-sections: off\n  adr-title-duplicate: off\n`, 'docs/adr/0001-use-sagas.md': GOOD });
    const generated = join(root, 'docs/adr/0002-generated.md');
    await fc.assert(
      fc.asyncProperty(markdown, fc.boolean(), async (text, lintBoth) => {
        writeFileSync(generated, text || '#');
        const started = performance.now();
        // Linted, or only read as a member of the good ADR's set.
        const outcome = await lintProject({ cwd: root, paths: lintBoth ? [] : ['docs/adr/0001-use-sagas.md'], concurrency: 'off' });
        expect(performance.now() - started).toBeLessThan(BUDGET_MS);
        const good = outcome.results.find((result) => result.filePath.endsWith('0001-use-sagas.md'))!;
        expect(good.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([['adr-status', 2, 9]]);
        const result = outcome.results.find((candidate) => candidate.filePath === generated);
        if (!lintBoth) {
          expect(result).toBeUndefined();
          return;
        }
        const fatal = result!.messages.filter((message) => message.fatal);
        for (const message of fatal) expect(message.message).toMatch(/^docs\/adr\/0002-generated\.md is too complex to parse(: [^\n]+ \(adrlint stops at [\d,]+\)| in \d+ s)$/);
        if (fatal.length > 0) expect(result!.messages).toHaveLength(1);
      }),
      { numRuns: 40 },
    );
  });
});
