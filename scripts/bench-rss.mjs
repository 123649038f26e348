// Preloaded into every process the benchmark times (`node --import`): on exit, write the process's
// peak resident set size in KiB to the file ADRLINT_BENCH_RSS_FILE names. getrusage counts the
// whole process, so memory of worker threads is included; only the main thread writes.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const target = process.env.ADRLINT_BENCH_RSS_FILE;
if (target && isMainThread) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
