// A config or catalogue file that cannot be used stops the linting of every ADR that reads it. The
// editor shows why twice: on each such ADR (its first line: "adrlint cannot lint this file: …")
// and on the file at fault, at the line and column each problem names, when the client has it.
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { FileError } from '../model/errors.ts';
import { SOURCE } from './convert.ts';

/** The diagnostic on an ADR whose config or catalogue is unusable: its first line, the problems listed. */
export function blockedDiagnostic(error: FileError, firstLineLength: number): LspDiagnostic {
  return failedDiagnostic(`adrlint cannot lint this file: ${error.lines.join('\n')}`, firstLineLength);
}

/** A problem of the whole file (it could not be linted), on its first line. */
export function failedDiagnostic(message: string, firstLineLength: number): LspDiagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineLength } }, severity: DiagnosticSeverity.Error, source: SOURCE, message };
}

/** The diagnostics of the file at fault, by its URI: one a problem, at the `line:column` it starts with, else at the top. */
export function faultDiagnostics(error: FileError): { uri: string; diagnostics: LspDiagnostic[] } {
  const prefix = `${error.file}: `;
  const diagnostics = error.lines.map((line): LspDiagnostic => {
    const problem = line.startsWith(prefix) ? line.slice(prefix.length) : line;
    const at = /^(\d+):(\d+): /.exec(problem);
    const position = at ? { line: Number(at[1]) - 1, character: Number(at[2]) - 1 } : { line: 0, character: 0 };
    return { range: { start: position, end: position }, severity: DiagnosticSeverity.Error, source: SOURCE, message: at ? problem.slice(at[0].length) : problem };
  });
  return { uri: pathToFileURL(error.file).href, diagnostics };
}
