// The configuration as the rest of adrlint sees it, once resolved: settings, rule severities and
// options, and the defaults. Finding and reading the file: src/io/config-file.ts; resolving it
// against the rules: src/run/config.ts.
import picomatch from 'picomatch';
import { relative } from 'node:path';
import { ConfigError } from './errors.ts';
import type { Severity } from './types.ts';
import { insidePath, toPosix } from './paths.ts';

export { ConfigError };

export const CONFIG_FILE_NAMES = ['.adrlintrc.yml', '.adrlintrc.yaml', '.adrlintrc.json', 'package.json'] as const;
export const DEFAULT_ADR_FOLDERS = ['docs/adr', 'docs/decisions', 'doc/adr', 'docs/architecture/decisions'];
// Not ADRs: read-me and index pages, and all-capitals project files (AGENTS.md, CONTRIBUTING.md).
// Templates are never ADRs either, whatever this says (src/parse/conventions.ts isTemplateName).
export const DEFAULT_NON_ADR_FILES = ['[Rr][Ee][Aa][Dd][Mm][Ee].*', '[Ii]ndex.*', '+([A-Z_]).{md,markdown}'];
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export type Preset = 'recommended' | 'strict' | 'madr' | 'nygard';

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown> | undefined;
}

export interface ResolvedConfig {
  /** The file the configuration came from, or null for the defaults. */
  file: string | null;
  /** Paths in the config are relative to this folder. */
  baseDir: string;
  adrs: string[] | null;
  ignore: string[];
  nonAdrFiles: string[];
  maxFileSize: number;
  catalogue: string | null;
  linkTemplate: string | null;
  statuses: string[];
  /** Whether the config wrote `statuses` (else they are the defaults): an explicit list wins over a folder template's. */
  statusesGiven: boolean;
  extends: Preset[];
  rules: Record<string, RuleSetting>;
  /**
   * The rules the configuration asks for by name: in its `rules`, `--rule`, the remark plugin's
   * rule options, or a preset that sets every rule (`strict`); in rule order. A rule that stays
   * quiet on a set that has not adopted its convention runs wherever it is asked for.
   */
  explicitRules: string[];
  /**
   * The config's `overrides`, in order: what each sets for the files it matches (configForFile).
   * Absent when the config has none, so that such a config prints and caches as before.
   */
  overrides?: ConfigOverride[];
  /** The config's `index` (absolute): the page adr-index and `adrlint index` keep; absent: each folder's README.md or index.md. */
  index?: string;
  /** The config's `indexTemplate`: `table` (default), `list`, or a line with {number}, {title}, {status}, {date}, {patterns}, {link}. */
  indexTemplate?: string;
}

/** The keys an entry of `overrides` may set for the files it matches, besides `files` and `excludedFiles`. */
export const OVERRIDE_KEYS = ['rules', 'statuses', 'linkTemplate'] as const;

/** One entry of `overrides`, checked: plain data (it goes to worker threads and into the cache key). */
export interface ConfigOverride {
  /** Globs relative to the config file's folder; one without a slash matches a file's name in any folder (as in ESLint). */
  files: string[];
  excludedFiles: string[];
  /** A setting without `options` keeps the options the file had before this entry (a severity alone, as at the top level). */
  rules?: Record<string, { severity: Severity; options?: Record<string, unknown> }>;
  statuses?: string[];
  linkTemplate?: string;
}


const SEVERITY_BY_NUMBER: Record<number, Severity> = { 0: 'off', 1: 'warn', 2: 'error' };

export function toSeverity(value: unknown): Severity | null {
  if (value === 'off' || value === 'warn' || value === 'error') return value;
  if (typeof value === 'number') return SEVERITY_BY_NUMBER[value] ?? null;
  return null;
}

type Matcher = (path: string) => boolean;
const matchers = new WeakMap<ConfigOverride, { files: Matcher; excluded: Matcher }>();
const perFile = new WeakMap<ResolvedConfig, Map<string, ResolvedConfig>>();

function matcherOf(override: ConfigOverride): { files: Matcher; excluded: Matcher } {
  let matcher = matchers.get(override);
  if (!matcher) {
    const compile = (globs: string[]): Matcher => {
      // A glob without a slash matches a file's name in any folder (picomatch's own `basename` option misreads globs with one).
      const byName = globs.filter((glob) => !glob.includes('/'));
      const byPath = globs.filter((glob) => glob.includes('/'));
      const name = byName.length ? picomatch(byName, { dot: true }) : () => false;
      const path = byPath.length ? picomatch(byPath, { dot: true }) : () => false;
      return (file) => path(file) || name(file.slice(file.lastIndexOf('/') + 1));
    };
    matchers.set(override, (matcher = { files: compile(override.files), excluded: compile(override.excludedFiles) }));
  }
  return matcher;
}

/** Whether an `overrides` entry applies to `file` (absolute): matched by `files`, not by `excludedFiles`, under the config's folder. */
export function overrideMatches(override: ConfigOverride, baseDir: string, file: string): boolean {
  const path = insidePath(baseDir, file);
  if (path === null) return false;
  const posix = toPosix(path);
  const { files, excluded } = matcherOf(override);
  return files(posix) && !excluded(posix);
}

/**
 * The config in effect for `file` (absolute): the `overrides` that match it applied in order over
 * the top level. The config itself when none matches; one object for each combination of entries,
 * so that what is computed once per config (the engine's topic owners) is computed once per combination.
 */
export function configForFile(config: ResolvedConfig, file: string): ResolvedConfig {
  const overrides = config.overrides;
  if (!overrides?.length) return config;
  const matched = overrides.flatMap((override, index) => (overrideMatches(override, config.baseDir, file) ? [index] : []));
  if (matched.length === 0) return config;
  let byKey = perFile.get(config);
  if (!byKey) perFile.set(config, (byKey = new Map()));
  const key = matched.join(',');
  let resolved = byKey.get(key);
  if (!resolved) byKey.set(key, (resolved = applyOverrides(config, matched.map((index) => overrides[index]!))));
  return resolved;
}

function applyOverrides(config: ResolvedConfig, overrides: readonly ConfigOverride[]): ResolvedConfig {
  const { overrides: _all, ...base } = config;
  const next: ResolvedConfig = { ...base, rules: { ...config.rules } };
  const explicit = new Set(config.explicitRules);
  for (const override of overrides) {
    for (const [id, setting] of Object.entries(override.rules ?? {})) {
      next.rules[id] = { severity: setting.severity, options: setting.options ?? next.rules[id]?.options };
      explicit.add(id);
    }
    if (override.statuses) {
      next.statuses = override.statuses;
      next.statusesGiven = true;
    }
    if (override.linkTemplate !== undefined) next.linkTemplate = override.linkTemplate;
  }
  // In rule order, as the top level's: the order of the rules' settings.
  next.explicitRules = Object.keys(next.rules).filter((id) => explicit.has(id));
  return next;
}
