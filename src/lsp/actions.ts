// The code actions of a document's problems: each fix ("Replace with saga-pattern") as the
// preferred quick fix, each suggestion, "Disable <rule> for this line" and "Disable <rule> for this
// file" (src/lsp/disable-edits.ts), "Open documentation for <rule>", and "Fix all adrlint problems
// in this file" (source.fixAll.adrlint: the fix loop's output as one edit of the span it changed).
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from '../model/types.ts';
import { minimalEdit, toLspDiagnostic, toLspEdit } from './convert.ts';
import { DisableEdits, parseDocument } from './disable-edits.ts';
import { filePathOf } from './lint-document.ts';

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
  // The text as adrlint parses it, read once and only when a problem is in range.
  let disable: DisableEdits | null | undefined;
  for (const message of messages) {
    const diagnostic = toLspDiagnostic(message);
    if (!overlaps(diagnostic.range, range)) continue;
    const diagnostics = [diagnostic];
    if (message.fix) actions.push(editAction(document, fixTitle(document, message.fix), [toLspEdit(document, message.fix)], { diagnostics, isPreferred: true }));
    for (const suggestion of message.suggestions ?? []) actions.push(editAction(document, suggestion.desc, [toLspEdit(document, suggestion.fix)], { diagnostics }));
    const ruleId = message.ruleId;
    if (ruleId !== null && !message.fatal && !message.directive) {
      disable ??= disableEditsOf(document);
      if (disable) actions.push(...disableActions(document, disable, message, ruleId, diagnostics));
    }
    if (ruleId !== null && message.url !== undefined) {
      const title = `Open documentation for ${ruleId}`;
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command: OPEN_DOCS_COMMAND, arguments: [message.url] } });
    }
  }
  return actions;
}

// An editor asks for the actions again as the cursor moves over the same text: its parse is kept.
let lastParsed: { uri: string; version: number; text: string; edits: DisableEdits | null } | null = null;

/** The "Disable <rule>" edits of the document as it is now (null for a text adrlint will not parse). */
function disableEditsOf(document: TextDocument): DisableEdits | null {
  const text = document.getText();
  if (lastParsed?.uri === document.uri && lastParsed.version === document.version && lastParsed.text === text) return lastParsed.edits;
  const adr = parseDocument(filePathOf(document.uri) ?? document.uri, text);
  lastParsed = { uri: document.uri, version: document.version, text, edits: adr && new DisableEdits(adr) };
  return lastParsed.edits;
}

/** "Disable <rule> for this line" (a line of the body) and "Disable <rule> for this file", those whose edit turns the problem off. */
function disableActions(document: TextDocument, disable: DisableEdits, message: Diagnostic, ruleId: string, diagnostics: LspDiagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  // adrlint's offsets leave a BOM out; an editor's text rarely has one, but when it does it counts.
  const shift = disable.adr.bom && document.getText().startsWith('\uFEFF') ? 1 : 0;
  const asLsp = (edit: TextEdit): LspTextEdit => toLspEdit(document, { range: [edit.range[0] + shift, edit.range[1] + shift], text: edit.text });
  const line = disable.line(message, ruleId);
  if (line) actions.push(editAction(document, `Disable ${ruleId} for this line`, [asLsp(line)], { diagnostics }));
  const file = disable.file(message, ruleId);
  if (file) actions.push(editAction(document, `Disable ${ruleId} for this file`, [asLsp(file)], { diagnostics }));
  return actions;
}

function fixTitle(document: TextDocument, fix: TextEdit): string {
  const replaced = document.getText().slice(fix.range[0], fix.range[1]);
  if (fix.text === '') return replaced.includes('\n') || replaced.length > 40 ? 'Remove the text' : `Remove "${replaced}"`;
  return fix.text.includes('\n') || fix.text.length > 40 ? 'Fix this problem' : `Replace with ${fix.text}`;
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
