// The code actions of a document's problems: each fix ("Replace with saga-pattern") as the
// preferred quick fix, each suggestion, "Disable <rule> for this line" (an adrlint-disable-next-line
// comment above it), and "Fix all adrlint problems in this file" (source.fixAll.adrlint: the fix
// loop's output as one edit of the span it changed).
import { CodeActionKind, type CodeAction, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from '../model/types.ts';
import { minimalEdit, toLspDiagnostic, toLspEdit } from './convert.ts';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.adrlint`;

/** The command of "Open documentation for <rule>": the server asks the client to show the page (window/showDocument). */
export const OPEN_DOCS_COMMAND = 'adrlint.openDocumentation';

function editAction(document: TextDocument, title: string, edits: LspTextEdit[], extra: Partial<CodeAction>): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, edit: { changes: { [document.uri]: edits } }, ...extra };
}

const overlaps = (a: Range, b: Range): boolean =>
  !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character) || b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character));

/** The quick fixes of the problems whose range meets `range`. */
export function quickFixes(document: TextDocument, messages: readonly Diagnostic[], range: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  const frontmatterEnd = frontmatterEndLine(document.getText());
  for (const message of messages) {
    const diagnostic = toLspDiagnostic(message);
    if (!overlaps(diagnostic.range, range)) continue;
    const diagnostics = [diagnostic];
    if (message.fix) actions.push(editAction(document, fixTitle(document, message.fix), [toLspEdit(document, message.fix)], { diagnostics, isPreferred: true }));
    for (const suggestion of message.suggestions ?? []) actions.push(editAction(document, suggestion.desc, [toLspEdit(document, suggestion.fix)], { diagnostics }));
    // A comment cannot stand in the frontmatter's YAML: the line must be in the body.
    if (message.ruleId !== null && !message.fatal && !message.directive && message.line > frontmatterEnd) {
      actions.push(editAction(document, `Disable ${message.ruleId} for this line`, [disableEdit(document, message.line - 1, message.ruleId)], { diagnostics }));
    }
    if (message.ruleId !== null && message.url !== undefined) {
      const title = `Open documentation for ${message.ruleId}`;
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command: OPEN_DOCS_COMMAND, arguments: [message.url] } });
    }
  }
  return actions;
}

function fixTitle(document: TextDocument, fix: TextEdit): string {
  const replaced = document.getText().slice(fix.range[0], fix.range[1]);
  if (fix.text === '') return replaced.includes('\n') || replaced.length > 40 ? 'Remove the text' : `Remove "${replaced}"`;
  return fix.text.includes('\n') || fix.text.length > 40 ? 'Fix this problem' : `Replace with ${fix.text}`;
}

/** `<!-- adrlint-disable-next-line rule -->` on a line of its own above `line` (0-based), at its indentation. */
function disableEdit(document: TextDocument, line: number, ruleId: string): LspTextEdit {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const eol = /\r\n$/.test(text) || (!text.endsWith('\n') && document.getText().includes('\r\n')) ? '\r\n' : '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- adrlint-disable-next-line ${ruleId} -->${eol}` };
}

/** The 1-based line of the frontmatter's closing `---` (0 without frontmatter). */
function frontmatterEndLine(text: string): number {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== '---') return 0;
  const close = lines.findIndex((line, i) => i > 0 && (line === '---' || line === '...'));
  return close === -1 ? 0 : close + 1;
}

/** "Fix all adrlint problems in this file": the fixed text as one edit of what changed; null when nothing changes. */
export function fixAllAction(document: TextDocument, output: string | undefined): CodeAction | null {
  if (output === undefined) return null;
  const text = document.getText();
  // The fix loop keeps a BOM the text began with; an editor's text has none of its own.
  const edit = minimalEdit(text, output.startsWith('\uFEFF') && !text.startsWith('\uFEFF') ? output.slice(1) : output);
  if (edit === null) return null;
  return { title: 'Fix all adrlint problems in this file', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: [toLspEdit(document, edit)] } } };
}
