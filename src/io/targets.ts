// What a run is asked to lint: the paths and globs given, else the config's `adrs`, else the usual
// ADR folder; and the negated ones ("!docs/adr/drafts/**"), which leave out what they match. As in
// markdownlint-cli2 (globby), a negated pattern applies to every pattern, wherever it stands, and
// a list of negated patterns alone leaves them out of what the run would lint without paths.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_ADR_FOLDERS, type ResolvedConfig } from '../model/config.ts';
import { insidePath, toPosix } from '../model/paths.ts';

/** A path, folder or glob to search, resolved against `base` (the working folder, or the config's for its `adrs`). */
export interface Target {
  pattern: string;
  base: string;
}

export interface Targets {
  /** What to search; null when nothing was given and no usual ADR folder exists. */
  targets: Target[] | null;
  /** Whether a found file is left out by a negated pattern. */
  excluded: (file: string) => boolean;
}


/** A negated pattern: `!` and something after it (but not an extglob's `!(...)`). */
export function isNegated(pattern: string): boolean {
  return pattern.length > 1 && pattern.startsWith('!') && !pattern.startsWith('!(');
}

/** A negated pattern's matcher of absolute paths: what it names, and everything under it when it names a folder. */
function exclusion({ pattern, base }: Target): (file: string) => boolean {
  const glob = toPosix(relative(base, resolve(base, pattern.slice(1)))) || '.';
  const isMatch = picomatch([glob, `${glob === '.' ? '' : `${glob}/`}**`], { dot: true });
  return (file) => isMatch(toPosix(relative(base, file)));
}

/** The targets of a run given `inputs` (from the command line, relative to `cwd`). */
export function targetsOf(inputs: readonly string[], cwd: string, config: ResolvedConfig): Targets {
  const given = inputs.map((pattern) => ({ pattern, base: cwd }));
  const negated = given.filter((target) => isNegated(target.pattern));
  let targets: Target[] | null = given.filter((target) => !isNegated(target.pattern));
  if (targets.length === 0 && config.adrs) {
    // The config's `adrs` (and its own negated entries) when the command line names no path to lint.
    const configured = config.adrs.map((pattern) => ({ pattern, base: config.baseDir }));
    negated.push(...configured.filter((target) => isNegated(target.pattern)));
    targets = configured.filter((target) => !isNegated(target.pattern));
  }
  if (targets.length === 0) {
    const folder = DEFAULT_ADR_FOLDERS.find((candidate) => existsSync(resolve(cwd, candidate)));
    targets = folder === undefined ? null : [{ pattern: folder, base: cwd }];
  }
  const matchers = negated.map(exclusion);
  return { targets, excluded: (file) => matchers.some((isExcluded) => isExcluded(file)) };
}

/**
 * Whether a run from `cwd` without paths would search `file`: it is one of the targets, inside a
 * target folder or matched by a target glob, and no negated pattern leaves it out. With no target
 * at all (no `adrs`, no usual ADR folder), null: nothing says.
 */
export function inDefaultTargets(file: string, cwd: string, config: ResolvedConfig): boolean | null {
  const { targets, excluded } = targetsOf([], cwd, config);
  if (targets === null) return null;
  if (excluded(file)) return false;
  return targets.some(({ pattern, base }) => {
    const target = resolve(base, pattern);
    if (target === file || insidePath(target, file) !== null) return true;
    const glob = toPosix(relative(base, target));
    return picomatch.scan(glob).isGlob && picomatch(glob, { dot: true })(toPosix(relative(base, file)));
  });
}
