// adrlint's problems as the Language Server Protocol gives them: 0-based lines and UTF-16 columns
// (adrlint's are 1-based, in UTF-16 code units as JavaScript strings count them), the rule id as
// `code`, its page as `codeDescription.href`, and text edits (offsets into the text) as LSP ranges.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from '../model/types.ts';

export const SOURCE = 'adrlint';

/** One problem as an LSP diagnostic (a position past the text is clamped to its end by the client's rules: kept as given). */
export function toLspDiagnostic(message: Diagnostic): LspDiagnostic {
  const start = { line: Math.max(0, message.line - 1), character: Math.max(0, message.column - 1) };
  const end = { line: Math.max(0, message.endLine - 1), character: Math.max(0, message.endColumn - 1) };
  return {
    range: { start, end },
    severity: message.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: message.message,
    ...(message.ruleId !== null ? { code: message.ruleId } : {}),
    ...(message.url !== undefined ? { codeDescription: { href: message.url } } : {}),
  };
}

/** An adrlint text edit ([start, end) offsets into the document's text) as an LSP text edit. */
export function toLspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: { start: document.positionAt(edit.range[0]), end: document.positionAt(edit.range[1]) }, newText: edit.text };
}

/** The one edit that turns `before` into `after`: the span between their common start and common end. */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a surrogate pair: start and end fall between whole characters.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { range: [start, before.length - end], text: after.slice(start, after.length - end) };
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
