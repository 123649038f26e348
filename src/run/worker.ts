// A worker thread of a parallel run (bundled to dist/worker.js): it loads the catalogue once,
// then answers batches of file work from src/run/worker-pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalogue } from '../io/catalogue-file.ts';
import type { ResolvedConfig } from '../model/config.ts';
import { runFileWork, type FileWork } from './file-work.ts';

const { config } = workerData as { config: ResolvedConfig };
const catalogue = loadCatalogue(config.catalogue);

parentPort!.on('message', ({ id, works }: { id: number; works: FileWork[] }) => {
  parentPort!.postMessage({ id, outcomes: works.map((work) => runFileWork(work, config, catalogue)) });
});
