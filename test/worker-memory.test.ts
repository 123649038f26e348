// A lint worker's heap is capped (src/run/worker-pool.ts): a worker that dies of it must not fail
// the run, and the run must report exactly what a serial run does, its unfinished works done again
// in the main thread.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { formatJson } from '../src/format/json.ts';
import { lintProject } from '../src/run/lint-project.ts';
import { lintWorkerDeaths, setWorkerHeapLimitsForTests, workerScript } from '../src/run/worker-pool.ts';
import { fixture, removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);
afterEach(() => setWorkerHeapLimitsForTests(null));

/** A record with a long list: its tree needs far more than a tiny heap. */
function largeRecord(number: number): string {
  const items = Array.from({ length: 3000 }, (_, i) => `- item ${i} with [a link](https://example.com/${i}) and *emphasis*`).join('\n');
  return `# ${number}. Record ${number}\n\nDate: 2024-01-0${number}\n\n## Status\n\nAccepted\n\n## Context\n\n${items}\n\nSee [the first](0001-record-1.md) and [a missing one](0042-missing.md).\n`;
}

describe.skipIf(workerScript() === null)('a lint worker out of memory', () => {
  it('dies without failing the run, and the run reports what a serial run does', async () => {
    const root = fixture({ '.git/HEAD': 'ref: refs/heads/main\n', 'docs/adr/README.md': '# ADRs\n' });
    for (let n = 1; n <= 4; n++) writeFileSync(join(root, `docs/adr/000${n}-record-${n}.md`), largeRecord(n));
    const options = { cwd: root, paths: ['docs/adr'] };
    const serial = formatJson((await lintProject({ ...options, concurrency: 'off' })).results);
    // Too small for the parse of one of these files, large enough to load the catalogue and take a batch.
    setWorkerHeapLimitsForTests({ maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 });
    const before = lintWorkerDeaths();
    const parallel = formatJson((await lintProject({ ...options, concurrency: 2 })).results);
    expect(lintWorkerDeaths()).toBeGreaterThan(before);
    expect(parallel).toBe(serial);
    expect(JSON.parse(parallel)).toHaveLength(4);
  });
});
