// Errors that stop a run before linting: a file adrlint needs (config, catalogue) is unusable.
// The CLI turns them into one line and exit code 2.

export class FileError extends Error {
  /** One line per problem, each naming the file: a file with several mistakes reports them all. */
  readonly lines: string[];

  constructor(
    readonly file: string,
    message: string | readonly string[],
  ) {
    const lines = (typeof message === 'string' ? [message] : message).map((problem) => `${file}: ${problem}`);
    super(lines.join('\n'));
    this.lines = lines;
    this.name = new.target.name;
  }
}

/** A configuration file (or option) that cannot be used. */
export class ConfigError extends FileError {}

/** A user catalogue that cannot be used. Names the file and, for each mistake, its line and entry. */
export class CatalogueError extends FileError {}
