// Fixing: apply the fixes of a lint, re-lint, and repeat until nothing changes, so one run
// converges (markdownlint needs two). Only text edits on the source: never a re-serialisation.
import type { Diagnostic, AdrRecord, ParsedAdr, TextEdit } from '../model/types.ts';
import { applyEdits } from './apply-edits.ts';
import { checkAdr, summarise, withDirectives, type LintContext, type LintResult } from './run-rules.ts';
import { parseAdr } from '../parse/parse-adr.ts';
import { TooComplexError } from '../parse/complexity.ts';

export const MAX_FIX_PASSES = 10;

export interface FixOptions {
  /** Only fixes of these rules are applied (`--fix-rule`); all fixable rules when absent. */
  rules?: ReadonlySet<string>;
}

export interface FixOutcome {
  /** The fixed text, BOM included when the input had one. */
  output: string;
  /** Fixes applied over all passes. */
  fixedCount: number;
  passes: number;
  /** The lint of the final text: what remains. */
  result: LintResult;
}

function wanted(message: Diagnostic, options: FixOptions): message is Diagnostic & { fix: TextEdit } {
  return message.fix !== undefined && (!options.rules || (message.ruleId !== null && options.rules.has(message.ruleId)));
}

/** The lint of a file's text that a caller has already: its parse, and its problems with its directives applied. */
export interface LintedText {
  adr: ParsedAdr;
  messages: Diagnostic[];
}

/** What a fix works with besides the file: the set its set rules see, which fixes to apply, and the caller's first lint. */
export interface FixInput {
  /** The records of the ADR set (none: the set rules see the file alone). */
  set?: readonly AdrRecord[];
  options?: FixOptions;
  /** The caller's parse and problems of `source`: the first pass starts from them instead of parsing again. */
  linted?: LintedText;
}

/**
 * Fix one file's text until it is stable (at most MAX_FIX_PASSES passes). With `linted`, the first
 * pass starts from the caller's parse and problems; each later pass parses the fixed text once.
 */
export function fixText(filePath: string, source: string, context: LintContext, { set = [], options = {}, linted }: FixInput = {}): FixOutcome {
  let fixedCount = 0;
  let passes = 0;
  let adr = linted?.adr ?? parseAdr(filePath, source, context.catalogue);
  // A problem an adrlint-disable comment turns off is not reported, so it is not fixed either.
  const lint = (parsed: ParsedAdr) => withDirectives(checkAdr(parsed, set, context), parsed.directives, context);
  let messages = linted?.messages ?? lint(adr);
  const bom = adr.bom ? '\uFEFF' : '';
  while (passes < MAX_FIX_PASSES) {
    const edits = messages.filter((m) => wanted(m, options)).map((m) => m.fix!);
    if (edits.length === 0) break;
    const { text, applied } = applyEdits(adr.text, edits);
    if (applied.length === 0 || text === adr.text) break;
    let fixed: ParsedAdr;
    try {
      fixed = parseAdr(filePath, bom + text, context.catalogue);
    } catch (error) {
      // Fixes never leave a file adrlint will not parse: keep the text before them.
      if (error instanceof TooComplexError) break;
      throw error;
    }
    passes++;
    fixedCount += applied.length;
    adr = fixed;
    messages = lint(adr);
  }
  return { output: bom + adr.text, fixedCount, passes, result: summarise(filePath, messages, adr.text) };
}

/** Whether a lint has fixes that `options` would apply. */
export function hasWantedFixes(messages: readonly Diagnostic[], options: FixOptions = {}): boolean {
  return messages.some((message) => wanted(message, options));
}
