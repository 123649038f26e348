// Errors that stop a run before linting: a file adrlint needs (config, catalogue) is unusable.
// The CLI turns them into one line and exit code 2.

export class FileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = new.target.name;
  }
}

/** A configuration file (or option) that cannot be used. */
export class ConfigError extends FileError {}

/** A user catalogue that cannot be used. Names the file and the entry at fault. */
export class CatalogueError extends FileError {}
