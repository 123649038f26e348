// The thread a long markdown parse runs on (bundled to dist/parse-worker.js), so that
// src/parse/bounded-parse.ts can stop it: it parses each text it is sent and answers with the tree.
import { parentPort, workerData } from 'node:worker_threads';
import { parseTree, type ParseReply, type ParseThreadData } from './bounded-parse.ts';
import { TooComplexError } from './complexity.ts';

const { replies, done } = workerData as ParseThreadData;

parentPort!.on('message', (text: string) => {
  let reply: ParseReply;
  try {
    reply = { tree: parseTree(text) };
  } catch (error) {
    reply = error instanceof TooComplexError ? { tooComplex: error.message } : { error: (error as Error).message.split('\n')[0] ?? 'parse failed' };
  }
  replies.postMessage(reply);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
});
