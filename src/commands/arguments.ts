// Mistakes on the command line, in adrlint's words: a flag parseArgs does not know ("unknown option
// --fixx; did you mean --fix?"), a flag without its value or with one it does not take, and a
// command's name mistyped (`adrlint reprot`, which lint would read as a path that does not exist).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { nearStrings } from '../model/near-strings.ts';
import { FLAG_NAMES, FLAGS, type Flag, type FlagName } from './flags.ts';
import type { Command } from './command.ts';

/** The candidate closest to `word`, when it is close enough to be what was meant (a typo, not another word): 1 edit in 3 characters, 2 from 4. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 3) return undefined;
  return nearStrings(word, candidates, word.length < 4 ? 1 : 2, { limit: 1 })[0];
}

/** How a flag with its value is written: `--format <name>[=<file>]`. */
function withValue(name: FlagName): string {
  const { arg }: Flag = FLAGS[name];
  return arg === undefined ? `--${name}` : `--${name} ${/[<[]/.test(arg) ? arg : `<${arg}>`}`;
}

/** The flag a parseArgs message names (`'-f, --format <value>'`, `'--fix'`), if one of ours. */
function flagNamed(message: string): FlagName | undefined {
  const long = /--([a-z][a-z-]*)/.exec(message)?.[1];
  return FLAG_NAMES.find((name) => name === long);
}

/**
 * One line for an error of node:util parseArgs, in adrlint's words; null for an error that is not
 * one of parseArgs' (the caller reports it as it would any other).
 */
export function argumentError(error: unknown): string | null {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /^Unknown option '([^']*)'/.exec(message)?.[1] ?? message;
    const name = option.replace(/^--?/, '').replace(/=.*$/s, '');
    const meant = option.startsWith('--') ? closest(name, FLAG_NAMES) : undefined;
    return `unknown option ${option.replace(/=.*$/s, '')}${meant === undefined ? '' : `; did you mean --${meant}?`}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = flagNamed(message);
    if (flag === undefined) return message.split('\n')[0]!;
    return FLAGS[flag].type === 'boolean' ? `--${flag} takes no value` : `--${flag} needs a value: ${withValue(flag)}`;
  }
  return code.startsWith('ERR_PARSE_ARGS_') ? message.split('\n')[0]! : null;
}

/**
 * Why the words given to lint are more likely a command mistyped than a path: the first word names
 * nothing on disk, looks like no path, and is a typo away from a command's name (or is the name of
 * a command that takes no words, given some). Null when it may be a path.
 */
export function mistypedCommand(words: readonly string[], commands: readonly Command[], cwd: string): string | null {
  const [word, ...rest] = words;
  if (word === undefined || !/^[a-z][a-z-]*$/i.test(word) || existsSync(resolve(cwd, word))) return null;
  const exact = commands.find((command) => command.name === word);
  if (exact !== undefined && exact.operands === null && rest.length > 0)
    return `"adrlint ${word}" takes no paths, and there is no file or folder "${word}"`;
  const meant = closest(word.toLowerCase(), commands.map((command) => command.name));
  return meant === undefined ? null : `no such command, file or folder: ${word}; did you mean "adrlint ${meant}"?`;
}
