// GitHub Actions workflow commands (`::error file=…::message`) as text. The Action writes its
// annotations with @actions/core's own functions (`core.error`, `core.warning`, `core.notice`), but
// those write to process.stdout with os.EOL and return nothing, and @actions/core exports neither
// its command builder nor its escaping (`issueCommand`, `toCommandValue`, `toCommandProperties`
// are in its lib/command.js and lib/utils.js, outside the package's `exports`). So the `github`
// format, a string, writes here what those functions write, to the byte: test/format-github.test.ts
// compares the two on adversarial text. The runner reads one command per output line, so a line
// break in ADR text or a file name must never reach the output raw: it would let an ADR start a
// command of its own (`::stop-commands::`, `::add-mask::`, …).
import { randomUUID } from 'node:crypto';
import type { AnnotationProperties } from '@actions/core';

/** The message part of a command: `%`, CR and LF are percent-encoded (core's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as data, and `:` and `,` too, which separate the properties (core's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One command line (without its line break), as core's `issueCommand` builds it: properties in the
 * order given, an empty or missing one (undefined, '', 0) not written.
 */
export function workflowCommand(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const written = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '' && entry[1] !== 0)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${command}${written.length ? ` ${written.join(',')}` : ''}::${escapeData(message)}`;
}

/**
 * The line `core.error(message, properties)` (or `core.warning`) writes, without its line break:
 * the annotation's properties under the runner's names, in core's order (`toCommandProperties`).
 */
export function annotationCommand(level: 'error' | 'warning', message: string, properties: AnnotationProperties): string {
  const { title, file, startLine, endLine, startColumn, endColumn } = properties;
  return workflowCommand(level, { title, file, line: startLine, endLine, col: startColumn, endColumn }, message);
}

/**
 * Text printed with workflow commands switched off: `::stop-commands::<token>` before it and
 * `::<token>::` after, which turns them back on. The token is random (@actions/core has no function
 * for this), so no ADR can write the line that ends the block; one the text happens to hold is not used.
 */
export function withCommandsStopped(text: string, newToken: () => string = randomUUID): string {
  let token = newToken();
  while (text.includes(token)) token = newToken();
  return `::stop-commands::${token}\n${text.endsWith('\n') ? text : `${text}\n`}::${token}::\n`;
}
