// GitHub Actions workflow commands (`::error file=…::message`), escaped as the runner unescapes
// them (the same rules as @actions/core). The runner reads one command per output line, so a
// line break in ADR text or a file name must never reach the output raw: it would let an ADR
// start a command of its own (`::stop-commands::`, `::add-mask::`, …).

/** The message part of a command: `%`, CR and LF are percent-encoded. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as data, and `:` and `,` too, which separate the properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One command line (without its line break); properties left undefined are not written. */
export function workflowCommand(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const written = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${command}${written.length ? ` ${written.join(',')}` : ''}::${escapeData(message)}`;
}
