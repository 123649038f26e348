// The remark plugin (`import adrlint from 'adrlint/remark'`): lint each ADR remark reads with
// adrlint's rules and report the problems as vfile messages, so remark-cli, unified-engine and the
// remark language server show them beside remark-lint's. It adapts; the linting is lintFileInProject's.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { FileError } from './model/errors.ts';
import { lintFileInProject } from './run/file-in-project.ts';
import { createLineIndex } from './model/positions.ts';
import type { Diagnostic, LineIndex } from './model/types.ts';

export interface RemarkAdrlintOptions {
  /** An adrlint config file (relative to the working folder) instead of the nearest one above each file. */
  config?: string;
  /** Rule settings over the config's, written as in the config file's `rules`. */
  rules?: Record<string, unknown>;
}

export const MESSAGE_SOURCE = 'adrlint';

/**
 * What may replace the reported text: the fix, when it replaces exactly that text, and the "did you
 * mean" suggestions. Editors offer each as a quick fix over the message's place.
 */
function expectedOf(diagnostic: Diagnostic, range: [number, number]): string[] {
  const replacements = [diagnostic.fix, ...(diagnostic.suggestions ?? []).map((suggestion) => suggestion.fix)];
  const texts = replacements.filter((edit) => edit !== undefined && edit.range[0] === range[0] && edit.range[1] === range[1]).map((edit) => edit!.text);
  return [...new Set(texts)];
}

function report(file: VFile, diagnostic: Diagnostic, text: string, lines: LineIndex): void {
  const start = { line: diagnostic.line, column: diagnostic.column };
  const end = { line: diagnostic.endLine, column: diagnostic.endColumn };
  const message = file.message(diagnostic.message, { place: { start, end }, ...(diagnostic.ruleId ? { ruleId: diagnostic.ruleId } : {}), source: MESSAGE_SOURCE });
  if (diagnostic.url) message.url = diagnostic.url;
  // unified-engine fails a run on fatal messages only (warnings too with --frail): errors must fail
  // without it, and `false`, not `undefined`, is what makes a message a warning rather than info.
  message.fatal = diagnostic.severity === 'error';
  const range: [number, number] = [lines.offset(start), lines.offset(end)];
  const expected = expectedOf(diagnostic, range);
  if (expected.length > 0) {
    message.expected = expected;
    message.actual = text.slice(range[0], range[1]);
  }
}

/**
 * The plugin's attacher: `unified().use(remarkAdrlint, options)`. Typed as a plain function rather
 * than unified's `Plugin`, so that the package's declarations (dist/remark.d.ts) need no types from
 * unified: a function of this shape is a unified plugin for unified's own types.
 */
function remarkAdrlint(options: RemarkAdrlintOptions = {}): (tree: Root, file: VFile) => Promise<void> {
  return async function (_tree, file) {
    // Without a path (stdin) there is no folder to find the config and the other ADRs in; remark-cli's
    // --file-path gives one.
    if (!file.path) return;
    const source = String(file.value);
    let result;
    try {
      result = await lintFileInProject(file.path, source, {
        cwd: file.cwd,
        ...(options.config !== undefined ? { configFile: options.config } : {}),
        ...(options.rules !== undefined ? { rules: options.rules } : {}),
      });
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      // An unusable config or catalogue: an error on the file for each of its mistakes, as adrlint's exit 2 would say.
      for (const line of error.lines) {
        const message = file.message(`configuration error: ${line}`, { source: MESSAGE_SOURCE });
        message.fatal = true;
      }
      return;
    }
    if (!result) return;
    // Positions and fix ranges count from after a BOM, as the parse does.
    const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    const lines = createLineIndex(text);
    for (const diagnostic of result.messages) report(file, diagnostic, text, lines);
  };
}

export default remarkAdrlint;
