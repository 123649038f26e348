// The lint cache (`--cache`): per file, the hash of its content, its record and the problems of
// the file rules, and for a linted file its set rules' problems with what they were found from
// (src/run/set-cache.ts: the set's head fields, the files around), so that a change to one file is
// seen from all the others. Valid only for the same adrlint version, resolved config and catalogue
// (one key for the whole file); never keyed on mtimes, which a CI checkout resets.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Catalogue } from '../model/catalogue.ts';
import type { ResolvedConfig } from '../model/config.ts';
import { SourceMemo } from './source-memo.ts';
import { isStoredEntry, storedBody, storedHead, type CacheEntry, type SetDependency, type SetResult, type StoredEntry } from './cache-entry.ts';

export type { CacheEntry, SetDependency, SetResult, StoredEntry };
import { readRegularFile, WriteError, writeFileSafely, writeTarget } from './safe-write.ts';
import type { AdrRecord, Diagnostic } from '../model/types.ts';
import { VERSION } from './version.ts';

const FORMAT = 'adrlint-cache';
// 3: records carry their images; records read from a file's head carry its date, and file names such
//    as ADR-001-x.md a number.
// 4: a linted file's entry keeps its set rules' problems (`set`).
// 5: a record's fields besides its head are one JSON text (`body`), parsed when read.
const FORMAT_VERSION = 5;
export const DEFAULT_CACHE_FILE = '.adrlintcache';

interface CacheFile {
  format: typeof FORMAT;
  formatVersion: number;
  key: string;
  /** CacheEntry values, as far as the file is to be trusted. */
  entries: Record<string, unknown>;
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
  // As read from the file (StoredEntry values, each checked when it is used: `get`), and those this
  // run gave (`set`), written in the stored form when the cache is saved: by then a record read
  // from its head may have been read in full.
  private readonly entries: Map<string, unknown>;
  private readonly given = new Map<string, CacheEntry>();
  private changed = false;
  hits = 0;
  misses = 0;

  private constructor(
    /** The cache file; null for one in memory. */
    readonly path: string | null,
    private readonly key: string,
    entries: Map<string, unknown>,
  ) {
    this.entries = entries;
  }

  /** A cache that lives as long as the process: `save` keeps this run's entries for the next instead of writing them. */
  static inMemory(key: string): LintCache {
    return new LintCache(null, key, new Map());
  }

  /**
   * The cache at `path` if it was written for `key`; an empty one otherwise. A file that is not
   * an adrlint cache (corrupt, foreign, another format) gives a warning, never an error. Something
   * at `path` that adrlint may not write (a device, a FIFO, a folder, a link to nothing) gives a
   * warning and no cache: the run goes on without one.
   */
  static load(path: string, key: string): { cache: LintCache | null; warning: string | null } {
    let text: string;
    try {
      const target = writeTarget(path);
      if (target.existing === null) return { cache: new LintCache(path, key, new Map()), warning: null };
      text = readRegularFile(target.path);
    } catch (error) {
      if (error instanceof WriteError) return { cache: null, warning: `not using the cache: ${path} ${error.reason}` };
      // Unreadable: start afresh; writing it says why if that fails too.
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

  /**
   * The entry of `path` if it is for this content. Each entry is checked as it is used (a file
   * edited by hand, or damaged, must not break a run): one of the wrong shape is a miss, and is
   * replaced when the file is read again. A cache in memory gives its record as `live`.
   */
  get(path: string, hash: string): (StoredEntry & { live?: AdrRecord }) | null {
    // In memory, the entries are the run's own: the record itself is given back (with whatever of
    // its body a later reader read), never converted.
    const live = this.path === null ? this.given.get(path) : undefined;
    if (live?.hash === hash) {
      this.hits++;
      return { ...live, record: live.record, live: live.record };
    }
    const entry: unknown = this.entries.get(path);
    if (isStoredEntry(entry, path) && entry.hash === hash) {
      this.hits++;
      return entry;
    }
    this.misses++;
    return null;
  }

  set(path: string, entry: CacheEntry): void {
    this.entries.delete(path);
    this.given.set(path, entry);
    this.changed = true;
  }

  /** Keep a linted file's set-rule problems with its entry, if the entry is for this content. */
  setSetResult(path: string, hash: string, set: SetResult): void {
    const given = this.given.get(path);
    if (given) {
      if (given.hash === hash) this.given.set(path, { ...given, set });
    } else {
      const entry = this.entries.get(path) as StoredEntry | undefined;
      if (!entry || entry.hash !== hash) return;
      this.entries.set(path, { ...entry, set });
    }
    this.changed = true;
  }

  /** Forget files that no longer exist, so the cache does not grow without end. */
  retain(paths: ReadonlySet<string>): void {
    for (const entries of [this.entries, this.given]) {
      for (const path of entries.keys()) {
        if (!paths.has(path) && !existsSync(path)) {
          entries.delete(path);
          this.changed = true;
        }
      }
    }
  }

  /** Write the cache (src/io/safe-write.ts: only ever a regular file) if anything changed. Returns a warning on failure. */
  save(): string | null {
    if (!this.changed) return null;
    if (this.path === null) {
      // In memory: the entries stay as given, for the next run.
      this.changed = false;
      return null;
    }
    const entries = Object.fromEntries(this.entries);
    for (const [path, entry] of this.given) entries[path] = stored(entry);
    const data: CacheFile = { format: FORMAT, formatVersion: FORMAT_VERSION, key: this.key, entries };
    try {
      writeFileSafely(this.path, JSON.stringify(data));
      this.changed = false;
      return null;
    } catch (error) {
      const reason = error instanceof WriteError ? error.reason : (error as Error).message.split('\n')[0];
      return `could not write the cache file ${this.path}: ${reason}`;
    }
  }
}

/** An entry in the form the file holds (src/io/cache-entry.ts): the record as its JSON gives it, split into head and body. */
function stored({ record, ...entry }: CacheEntry): StoredEntry {
  // A record read from its head gives its JSON (src/parse/record-body.ts): partial unless its body was read.
  const json = ((record as { toJSON?: () => unknown }).toJSON?.() ?? record) as Record<string, unknown>;
  const head = storedHead(json);
  return head.partial ? { ...entry, record: head } : { ...entry, record: head, body: storedBody(json) };
}

/**
 * The in-memory caches of a long-lived process (the language server), one per cache key: a change
 * of config or catalogue starts a fresh one. The few most recently used are kept (a workspace's
 * folders may each have their own config).
 */
export class MemoryCaches {
  private readonly caches = new Map<string, LintCache>();
  /** The files' texts, read again only when they change. */
  readonly sources = new SourceMemo();

  constructor(private readonly kept = 4) {}

  for(key: string): LintCache {
    const cache = this.caches.get(key) ?? LintCache.inMemory(key);
    // Most recently used last: the first is the one to drop.
    this.caches.delete(key);
    this.caches.set(key, cache);
    if (this.caches.size > this.kept) this.caches.delete(this.caches.keys().next().value!);
    return cache;
  }
}
