// Finding and reading a configuration file: searched upward, data formats only (a config that
// runs code would run code from pull requests). Checked and resolved by src/run/config.ts.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { createLineIndex } from '../model/positions.ts';
import { ConfigError, CONFIG_FILE_NAMES } from '../model/config.ts';
import { NotRegularFileError, readRegularFile } from './safe-write.ts';

/** The config file that applies in `cwd`: the nearest one upward, or null. */
export function findConfigFile(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (!existsSync(candidate)) continue;
      if (name !== 'package.json') return candidate;
      if (packageHasConfig(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Whether a package.json met while looking for the config has an "adrlint" key. One that cannot be
 * read or is not JSON may be the config, broken: a ConfigError, rather than a run under the defaults.
 */
function packageHasConfig(file: string): boolean {
  let pkg: unknown;
  try {
    pkg = JSON.parse(readRegularFile(file));
  } catch (error) {
    // A folder or a FIFO named package.json is no package file (and a FIFO is never opened).
    if (error instanceof NotRegularFileError) return false;
    const reason = error instanceof SyntaxError ? `invalid JSON: ${error.message.split('\n')[0]}` : `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    throw new ConfigError(file, `${reason}; adrlint looks for its configuration in this file's "adrlint" key`);
  }
  return typeof pkg === 'object' && pkg !== null && 'adrlint' in pkg;
}

export interface LoadedData {
  data: unknown;
  /** "line:col: " of a dotted key path, when the format keeps positions. */
  locate: (path: Array<string | number>) => string;
}

/** A config file's text. Throws ConfigError naming the file when it cannot be read. */
export function readConfigText(file: string): string {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new ConfigError(file, 'is a folder, not a config file');
    text = readRegularFile(file);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if (error instanceof NotRegularFileError) throw new ConfigError(file, error.reason);
    throw new ConfigError(file, `cannot read the config file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return text;
}

/** A config file's data, from its text. Throws ConfigError naming the file and the line of a mistake. */
export function configDataOf(file: string, text: string): LoadedData {
  const noPosition = () => '';
  if (file.endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(file, `invalid JSON: ${(error as Error).message}`);
    }
    if (file.endsWith('package.json')) return { data: (parsed as Record<string, unknown>)?.adrlint, locate: noPosition };
    return { data: parsed, locate: noPosition };
  }
  const document = parseDocument(text, { prettyErrors: false });
  const lines = createLineIndex(text);
  const at = (offset: number) => {
    const { line, column } = lines.position(offset);
    return `${line}:${column}: `;
  };
  const error = document.errors[0];
  if (error) throw new ConfigError(file, `${at(error.pos[0])}invalid YAML: ${error.message.split('\n')[0]}`);
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (caught) {
    throw new ConfigError(file, `invalid YAML: ${(caught as Error).message}`);
  }
  return {
    data: data ?? {},
    locate: (path) => {
      // Point at the key itself when the path ends in one ("rules.pattern-slugg"), else at the value.
      const parent = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents;
      const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]) : undefined;
      const node = (pair?.key ?? document.getIn(path, true)) as { range?: [number, number, number] } | undefined;
      return node?.range ? at(node.range[0]) : '';
    },
  };
}
