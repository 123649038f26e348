// Parallel file work on worker threads, when there is enough of it to pay for starting them
// (each worker loads the bundle, ~0.2 s). Results come back in the order of the work, so a
// parallel run reports exactly what a serial one does.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Catalogue } from '../model/catalogue.ts';
import type { ResolvedConfig } from '../model/config.ts';
import { runFileWork, type FileOutcome, type FileWork } from './file-work.ts';
import { packagePath } from '../io/package-files.ts';

/** `--concurrency`: a number of workers, `off` (= 1, no worker), or `auto`. */
export type Concurrency = number | 'auto' | 'off';

// Below this many files to parse, starting workers costs more than it saves.
export const MIN_PARALLEL_FILES = 64;
// Files per message: large enough to amortise the messaging, small enough to balance the load.
const BATCH = 16;

/** How many workers a run of `count` parse jobs gets (1: none, in the main thread). */
export function workerCount(concurrency: Concurrency, count: number, cpus = availableParallelism()): number {
  if (concurrency === 'off' || count === 0) return 1;
  if (concurrency === 'auto') {
    if (count < MIN_PARALLEL_FILES || cpus < 2) return 1;
    return Math.max(1, Math.min(cpus, 8, Math.ceil(count / (BATCH * 2))));
  }
  return Math.max(1, Math.min(concurrency, count));
}

/** The worker script: the bundle next to the CLI's (run `npm run build` after changing sources). */
export function workerScript(): string | null {
  const path = packagePath('dist', 'worker.js');
  return existsSync(path) ? path : null;
}

/**
 * Each work's outcome goes to `onOutcome` as it arrives (in the main thread, with its parse, which
 * the caller keeps or drops at once: a run must not hold every file's tree). `onDone(n)`: n works
 * have finished so far (after each one, or each worker batch).
 */
export async function runFileWorks(
  works: readonly FileWork[],
  config: ResolvedConfig,
  catalogue: Catalogue,
  concurrency: Concurrency,
  onOutcome: (index: number, outcome: FileOutcome) => void,
  onDone?: (finished: number) => void,
): Promise<void> {
  const count = workerCount(concurrency, works.length);
  const script = count > 1 ? workerScript() : null;
  if (count <= 1 || script === null) {
    works.forEach((work, i) => {
      onOutcome(i, runFileWork(work, config, catalogue));
      onDone?.(i + 1);
    });
    return;
  }

  const outcomes: FileOutcome[] = new Array(works.length);
  let next = 0;
  let finished = 0;
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: { config } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= works.length) return resolve();
              const id = next;
              next = Math.min(works.length, next + BATCH);
              worker.postMessage({ id, works: works.slice(id, next) });
            };
            worker.on('message', ({ id, outcomes: batch }: { id: number; outcomes: FileOutcome[] }) => {
              batch.forEach((outcome, i) => (outcomes[id + i] = outcome));
              finished += batch.length;
              onDone?.(finished);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a lint worker stopped with exit code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  // In the order of the work, as a serial run gives them.
  outcomes.forEach((outcome, i) => onOutcome(i, outcome));
}
