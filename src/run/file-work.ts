// One file's share of a run, the unit a worker thread does: parse and run the file rules (a file
// being linted), or build its record only (a file of the set whose head was not enough). Plain data in and out,
// so it runs the same in the main thread and in a worker; in the main thread the parse comes back
// too, for the set rules and the fix of the same pass (a worker sends it not: it is not plain data).
import type { Catalogue } from '../model/catalogue.ts';
import { configForFile, type ResolvedConfig } from '../model/config.ts';
import { checkAdr } from '../engine/run-rules.ts';
import { rules } from '../../rules/index.ts';
import { parseAdr } from '../parse/parse-adr.ts';
import { buildRecord } from '../parse/record.ts';
import { TooComplexError } from '../parse/complexity.ts';
import { dirname } from 'node:path';
import type { AdrRecord, Diagnostic, ParsedAdr, SetConventions } from '../model/types.ts';

export interface FileWork {
  path: string;
  source: string;
  mode: 'lint' | 'record';
  /** The conventions of the file's folder (file rules read them). */
  conventions?: SetConventions;
}

export type FileOutcome = { record: AdrRecord; messages: Diagnostic[] | null; adr?: ParsedAdr } | { error: string };

/** `config`: the run's; the file rules run under the config in effect for the file (its `overrides` applied). */
export function runFileWork(work: FileWork, config: ResolvedConfig, catalogue: Catalogue): FileOutcome {
  try {
    const adr = parseAdr(work.path, work.source, catalogue);
    const record = buildRecord(adr, catalogue);
    // The run tried the head of a set member already (src/parse/record-head.ts): what comes here needs the parse.
    if (work.mode === 'record') return { record, messages: null };
    const conventions = work.conventions ? new Map([[dirname(work.path), work.conventions]]) : undefined;
    return { record, messages: checkAdr(adr, [record], { rules, catalogue, config: configForFile(config, work.path), ...(conventions ? { conventions } : {}) }, record, 'file'), adr };
  } catch (error) {
    if (error instanceof TooComplexError) return { error: error.message };
    // A parser failure is a bug of ours or a library's; it must not stop the other files.
    return { error: `could not be parsed: ${(error as Error).message.split('\n')[0]}` };
  }
}
