// The lint cache (`--cache`): per file, the hash of its content, its record and the problems of
// the file rules. Valid only for the same adrlint version, resolved config and catalogue (one key
// for the whole file); never keyed on mtimes, which a CI checkout resets. Set rules are not cached:
// they run on every run over the records, so a change to one file is seen from all the others.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Catalogue } from './catalogue.ts';
import type { ResolvedConfig } from './config.ts';
import type { AdrRecord, Diagnostic } from './types.ts';
import { VERSION } from './version.ts';

const FORMAT = 'adrlint-cache';
// 3: records carry their images; records read from a file's head carry its date, and file names such
//    as ADR-001-x.md a number.
const FORMAT_VERSION = 3;
export const DEFAULT_CACHE_FILE = '.adrlintcache';

export interface CacheEntry {
  hash: string;
  record: AdrRecord;
  /** The file rules' problems; null when the file was only read as a member of the set. */
  messages: Diagnostic[] | null;
  /** The fingerprint of the folder's conventions the problems were found under (none: no conventions). */
  conventions?: string;
}

interface CacheFile {
  format: typeof FORMAT;
  formatVersion: number;
  key: string;
  entries: Record<string, CacheEntry>;
}

export function contentHash(source: string): string {
  return createHash('sha1').update(source).digest('base64url');
}

/** What every cached result depends on besides the file itself. */
export function cacheKey(config: ResolvedConfig, catalogue: Catalogue): string {
  return createHash('sha256')
    .update(JSON.stringify({ version: VERSION, config, patterns: catalogue.patterns, categories: catalogue.categories }))
    .digest('base64url');
}

/** `--cache-location`: a file, or a folder (existing, or written with a trailing slash) to hold .adrlintcache. */
export function cachePath(cwd: string, location: string | undefined): string {
  if (!location) return resolve(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (existsSync(path) && statSync(path).isDirectory());
  return isFolder ? join(path, DEFAULT_CACHE_FILE) : path;
}

export class LintCache {
  private readonly entries: Map<string, CacheEntry>;
  private changed = false;
  hits = 0;
  misses = 0;

  private constructor(
    readonly path: string,
    private readonly key: string,
    entries: Map<string, CacheEntry>,
  ) {
    this.entries = entries;
  }

  /**
   * The cache at `path` if it was written for `key`; an empty one otherwise. A file that is not
   * an adrlint cache (corrupt, foreign, another format) gives a warning, never an error.
   */
  static load(path: string, key: string): { cache: LintCache; warning: string | null } {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return { cache: new LintCache(path, key, new Map()), warning: null };
    }
    try {
      const data = JSON.parse(text) as Partial<CacheFile>;
      if (data?.format !== FORMAT || typeof data.entries !== 'object' || data.entries === null) throw new Error('not an adrlint cache');
      // Another version of the format, of adrlint, of the config or of the catalogue: start afresh.
      if (data.formatVersion !== FORMAT_VERSION || data.key !== key) return { cache: new LintCache(path, key, new Map()), warning: null };
      return { cache: new LintCache(path, key, new Map(Object.entries(data.entries))), warning: null };
    } catch (error) {
      const reason = error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message;
      return { cache: new LintCache(path, key, new Map()), warning: `ignoring the cache file ${path}: ${reason}; it will be rewritten` };
    }
  }

  get(path: string, hash: string): CacheEntry | null {
    const entry = this.entries.get(path);
    if (entry && entry.hash === hash && entry.record && typeof entry.record === 'object') {
      this.hits++;
      return entry;
    }
    this.misses++;
    return null;
  }

  set(path: string, entry: CacheEntry): void {
    this.entries.set(path, entry);
    this.changed = true;
  }

  /** Forget files that no longer exist, so the cache does not grow without end. */
  retain(paths: ReadonlySet<string>): void {
    for (const path of this.entries.keys()) {
      if (!paths.has(path) && !existsSync(path)) {
        this.entries.delete(path);
        this.changed = true;
      }
    }
  }

  /** Write the cache (temp file + rename) if anything changed. Returns a warning on failure. */
  save(): string | null {
    if (!this.changed) return null;
    const data: CacheFile = { format: FORMAT, formatVersion: FORMAT_VERSION, key: this.key, entries: Object.fromEntries(this.entries) };
    const temp = `${this.path}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(temp, JSON.stringify(data));
      renameSync(temp, this.path);
      this.changed = false;
      return null;
    } catch (error) {
      rmSync(temp, { force: true });
      return `could not write the cache file ${this.path}: ${(error as Error).message.split('\n')[0]}`;
    }
  }
}
