// A worker thread of a parallel run (bundled to dist/worker.js): it loads the catalogue once,
// says it is ready, then answers batches of file work from src/run/worker-pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalogue } from '../io/catalogue-file.ts';
import type { ResolvedConfig } from '../model/config.ts';
import { runFileWork, type FileOutcome, type FileWork } from './file-work.ts';

const { config } = workerData as { config: ResolvedConfig };
const catalogue = loadCatalogue(config.catalogue);

parentPort!.on('message', ({ id, works }: { id: number; works: FileWork[] }) => {
  parentPort!.postMessage({ id, outcomes: works.map((work) => plainOutcome(runFileWork(work, config, catalogue))) });
});
parentPort!.postMessage({ ready: true });

/** The outcome without the parse: the main thread parses again only what needs a tree (a fix). */
function plainOutcome(outcome: FileOutcome): FileOutcome {
  if (!('adr' in outcome)) return outcome;
  const { adr: _parse, ...plain } = outcome;
  return plain;
}
