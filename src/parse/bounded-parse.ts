// The markdown parse, with its work bounded wherever adrlint parses (a run's files in the main
// thread or on workers, fix passes, set rules' lazy parses, reports, the remark plugin, templates and
// linked pages): a text measured too complex (src/parse/complexity.ts) is refused before parsing; one whose
// parse may take long is parsed on a thread of its own, stopped after PARSE_TIME_LIMIT_SECONDS; a
// tree too deep for adrlint's walks is refused. The caller waits on the thread synchronously, so
// every caller keeps its plain `parse(text): Root`.
import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { measureMarkdown, tooComplex, TooComplexError, treeDepthProblem } from './complexity.ts';
import { packagePath } from '../io/package-files.ts';

/** How long one file's parse may take before the file is reported as too complex, by default. */
export const PARSE_TIME_LIMIT_SECONDS = 10;

/**
 * The limit of this run: `ADRLINT_PARSE_TIMEOUT` (seconds) when set to a positive number, for a slow
 * or busy machine where a large honest file takes longer than the default; else the default.
 */
export function parseTimeLimitSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.ADRLINT_PARSE_TIMEOUT);
  return Number.isFinite(given) && given > 0 ? given : PARSE_TIME_LIMIT_SECONDS;
}
// Up to this estimate a text is parsed where it is asked for: a thread would cost more than the parse.
export const IN_THREAD_MS = 1000;

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** The parse itself, in the thread that calls it; throws TooComplexError for a tree too deep. */
export function parseTree(text: string): Root {
  const tree = processor.parse(text);
  const problem = treeDepthProblem(tree);
  if (problem) throw tooComplex(problem);
  return tree;
}

/** Parse `text`, or throw TooComplexError saying why not. */
export function parseBounded(text: string, limitSeconds = parseTimeLimitSeconds()): Root {
  const measure = measureMarkdown(text);
  if (measure.problem) throw tooComplex(measure.problem);
  if (measure.estimatedMs <= IN_THREAD_MS) return parseTree(text);
  const thread = parseThread();
  // Without the bundled worker (sources run before a build), the parse is not bounded in time.
  return thread ? thread.parse(text, limitSeconds) : parseTree(text);
}

/** What the parse thread answers (src/parse/parse-worker.ts). */
export type ParseReply = { tree: Root } | { tooComplex: string } | { error: string };

/** The worker's side of the wait: it posts its reply on `replies`, then sets `done[0]` to 1. */
export interface ParseThreadData {
  replies: MessagePort;
  done: Int32Array;
}

class ParseThread {
  private readonly worker: Worker;
  private readonly replies: MessagePort;
  private readonly done = new Int32Array(new SharedArrayBuffer(4));

  constructor(script: string) {
    const { port1, port2 } = new MessageChannel();
    const data: ParseThreadData = { replies: port2, done: this.done };
    this.worker = new Worker(script, { workerData: data, transferList: [port2] });
    // An idle parse thread never keeps the process alive.
    this.worker.unref();
    this.replies = port1;
  }

  parse(text: string, limitSeconds: number): Root {
    Atomics.store(this.done, 0, 0);
    this.worker.postMessage(text);
    if (Atomics.wait(this.done, 0, 0, limitSeconds * 1000) === 'timed-out') {
      void this.worker.terminate();
      current = undefined;
      throw new TooComplexError(`is too complex to parse in ${limitSeconds} s`);
    }
    const reply = receiveMessageOnPort(this.replies)?.message as ParseReply | undefined;
    if (reply === undefined) throw new Error('the parse thread gave no answer');
    if ('tree' in reply) return reply.tree;
    if ('tooComplex' in reply) throw new TooComplexError(reply.tooComplex);
    throw new Error(reply.error);
  }
}

// One parse thread per thread that parses, started at its first long parse and replaced after a timeout.
let current: ParseThread | null | undefined;

function parseThread(): ParseThread | null {
  if (current === undefined) {
    const script = packagePath('dist', 'parse-worker.js');
    current = existsSync(script) ? new ParseThread(script) : null;
  }
  return current;
}
