// Parallel file work: the main thread works through the list itself and worker threads, started
// only when the text to parse pays for them, take batches from the same list as soon as they are
// up. Outcomes go to the caller in the order of the work, so a parallel run reports exactly what a
// serial one does. Only paths and text go to a worker, and only records and messages come back.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Catalogue } from '../model/catalogue.ts';
import type { ResolvedConfig } from '../model/config.ts';
import { runFileWork, type FileOutcome, type FileWork } from './file-work.ts';
import { packagePath } from '../io/package-files.ts';

/** `--concurrency`: a number of threads that parse (the main thread and n - 1 workers), `off` (= 1), or `auto`. */
export type Concurrency = number | 'auto' | 'off';

/** What a run has to parse: the number of files and their text (UTF-16 code units). */
export interface WorkEstimate {
  files: number;
  chars: number;
}

// Measured on a 2-vCPU machine (Node 20, dist/cli.js; a CLI run is cold, its JIT never warms up):
// parse and file rules ran at 0.3-0.45 MB/s of text; a worker took 0.16-0.31 s from `new Worker`
// to its first answer, and a run with one worker beside the main thread used 0.4 s (574 kB of text)
// to 0.85 s (2.3 MB) more CPU than the serial run (the start-up, and a second JIT warming up).
// So a worker pays only when its share of the parse is well over that, and two threads on two
// vCPUs never run twice as fast: one more thread for each full second of estimated parse time.
export const PARSE_CHARS_PER_MS = 400;
export const WORKER_START_MS = 250;
export const WORKER_PAYS_MS = 1000;
// Files per message to a worker: large enough to amortise the messaging, small enough to balance the load.
const BATCH = 8;

/** The estimate of a list of texts to parse. */
export function estimateWork(texts: readonly { source: string }[]): WorkEstimate {
  return { files: texts.length, chars: texts.reduce((sum, text) => sum + text.source.length, 0) };
}

/**
 * How many threads parse a run's files (1: the main thread alone; n: the main thread and n - 1
 * workers). A pure function of the estimate: `auto` gives one thread for each WORKER_PAYS_MS of
 * estimated parse time, up to the cores.
 */
export function workerCount(concurrency: Concurrency, work: WorkEstimate, cpus = availableParallelism()): number {
  if (concurrency === 'off' || work.files === 0) return 1;
  if (concurrency === 'auto') {
    const estimatedMs = work.chars / PARSE_CHARS_PER_MS;
    return Math.max(1, Math.min(cpus, 8, work.files, Math.floor(estimatedMs / WORKER_PAYS_MS)));
  }
  return Math.max(1, Math.min(concurrency, work.files));
}

/** The worker script: the bundle next to the CLI's (run `npm run build` after changing sources). */
export function workerScript(): string | null {
  const path = packagePath('dist', 'worker.js');
  return existsSync(path) ? path : null;
}

/**
 * Each work's outcome goes to `onOutcome` in the order of the work, as soon as it and those before
 * it are done (a parse made in the main thread comes with it; the caller keeps or drops it at
 * once: a run must not hold every file's tree). `onDone(n)`: n works have finished so far.
 */
export async function runFileWorks(
  works: readonly FileWork[],
  config: ResolvedConfig,
  catalogue: Catalogue,
  concurrency: Concurrency,
  onOutcome: (index: number, outcome: FileOutcome) => void,
  onDone?: (finished: number) => void,
): Promise<void> {
  const threads = workerCount(concurrency, estimateWork(works));
  const script = threads > 1 ? workerScript() : null;
  if (threads <= 1 || script === null) {
    works.forEach((work, i) => {
      onOutcome(i, runFileWork(work, config, catalogue));
      onDone?.(i + 1);
    });
    return;
  }
  await new SharedWork(works, onOutcome, onDone).run(script, threads - 1, (work) => runFileWork(work, config, catalogue), config);
}

/**
 * The heap limit of a lint worker (megabytes; the main thread's own cannot be set once it runs). A
 * worker's share of the work lives for one batch, so a bounded heap keeps it from holding garbage
 * the main thread would pay for in memory. A batch too large for it kills the worker
 * (ERR_WORKER_OUT_OF_MEMORY): its works are done again in the main thread. Bounding the young
 * generation too (16 MB), or the process's heap growth (V8's --heap-growing-percent, which can be set
 * at run time), brought a cold run over 5,000 files from ~430 MB to ~250 MB peak but cost 20-30% more
 * time; a run that must stay small is better given NODE_OPTIONS=--max-old-space-size (README).
 */
export const WORKER_HEAP_LIMITS: WorkerHeapLimits = { maxOldGenerationSizeMb: 128 };
let heapLimits: WorkerHeapLimits = WORKER_HEAP_LIMITS;

/** A worker's heap limits, in megabytes (those of node:worker_threads' ResourceLimits that adrlint sets). */
export interface WorkerHeapLimits {
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb?: number;
}

/** For tests only: lint workers' heap limits (a tiny one shows a worker dying of its memory). */
export function setWorkerHeapLimitsForTests(limits: typeof heapLimits | null): void {
  heapLimits = limits ?? WORKER_HEAP_LIMITS;
}

let deaths = 0;
/** How many lint workers have died with work in hand since the process started (tests read it). */
export function lintWorkerDeaths(): number {
  return deaths;
}

/** One list of works shared by the main thread (one work at a time) and the workers (a batch at a time). */
class SharedWork {
  private next = 0;
  private flushed = 0;
  private finished = 0;
  private readonly outcomes: Array<FileOutcome | undefined>;
  /** Works a worker took and could not finish (it died): the main thread does them. */
  private readonly redo: number[] = [];

  constructor(
    private readonly works: readonly FileWork[],
    private readonly onOutcome: (index: number, outcome: FileOutcome) => void,
    private readonly onDone?: (finished: number) => void,
  ) {
    this.outcomes = new Array(works.length);
  }

  async run(script: string, count: number, work: (work: FileWork) => FileOutcome, config: ResolvedConfig): Promise<void> {
    const workers = Array.from({ length: count }, () => new Worker(script, { workerData: { config }, resourceLimits: heapLimits }));
    try {
      await Promise.all([this.inMainThread(work), ...workers.map((worker) => this.inWorker(worker))]);
      // A worker that died after the main thread ran out of works leaves its batch here.
      this.redoInMainThread(work);
    } finally {
      await Promise.all(workers.map((worker) => worker.terminate()));
    }
  }

  private async inMainThread(work: (work: FileWork) => FileOutcome): Promise<void> {
    while (this.next < this.works.length || this.redo.length > 0) {
      const id = this.redo.shift() ?? this.next++;
      this.done(id, [work(this.works[id]!)]);
      // Let a worker that is up take its next batch.
      await yieldToEvents();
    }
  }

  private redoInMainThread(work: (work: FileWork) => FileOutcome): void {
    for (let id = this.redo.shift(); id !== undefined; id = this.redo.shift()) this.done(id, [work(this.works[id]!)]);
  }

  private inWorker(worker: Worker): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      // The batch the worker is on: [first, end).
      let batch: [number, number] | null = null;
      const send = () => {
        if (this.next >= this.works.length) {
          batch = null;
          return resolve();
        }
        const id = this.next;
        this.next = Math.min(this.works.length, id + BATCH);
        batch = [id, this.next];
        worker.postMessage({ id, works: this.works.slice(id, this.next) });
      };
      // A worker that runs out of its heap takes no more work; the main thread does again what it
      // had taken, so the run reports what a serial one does. Any other death is a bug (or a stale
      // dist/worker.js) and fails the run, as it did before, rather than quietly running serially.
      const died = () => {
        if (batch) {
          deaths++;
          for (let id = batch[0]; id < batch[1]; id++) this.redo.push(id);
        }
        batch = null;
        resolve();
      };
      // The worker says `ready` once it has loaded the catalogue; then it answers each batch.
      worker.on('message', (message: { ready: true } | { id: number; outcomes: FileOutcome[] }) => {
        if ('id' in message) this.done(message.id, message.outcomes);
        send();
      });
      worker.on('error', (error: Error & { code?: string }) => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? died() : reject(error)));
      worker.on('exit', (code) => (batch === null || code === 0 ? died() : reject(new Error(`a lint worker stopped with exit code ${code}`))));
    });
  }

  /** Keep the outcomes of works id.., then hand on those whose turn has come. */
  private done(id: number, outcomes: readonly FileOutcome[]): void {
    outcomes.forEach((outcome, i) => (this.outcomes[id + i] = outcome));
    this.finished += outcomes.length;
    this.onDone?.(this.finished);
    while (this.flushed < this.works.length && this.outcomes[this.flushed] !== undefined) {
      this.onOutcome(this.flushed, this.outcomes[this.flushed]!);
      this.outcomes[this.flushed++] = undefined;
    }
  }
}
