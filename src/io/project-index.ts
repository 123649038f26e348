// The ProjectIndex rules read: file existence, folder listings and heading anchors, answered
// from the disk (cached) or, in tests, from a map of virtual files.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ProjectIndex } from '../model/types.ts';
import { readRegularFile } from './safe-write.ts';

/** The repository root above `start` (the folder holding .git), else `start` itself. */
export function findRepositoryRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
}

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as T;
  };
}

/** Answers from the disk; `anchorsOf` turns markdown text into its heading anchors. */
export function diskProject(root: string, anchorsOf: (path: string, text: string) => string[], known: (path: string) => string[] | undefined = () => undefined): ProjectIndex {
  const stat = memo((path) => {
    try {
      // Without an exception for a missing file: a file with 60,000 broken links asks 60,000 times.
      return statSync(path, { throwIfNoEntry: false }) ?? null;
    } catch {
      return null;
    }
  });
  return {
    root,
    complete: true,
    exists: (path) => stat(path) !== null,
    isDirectory: (path) => stat(path)?.isDirectory() ?? false,
    anchors: memo((path) => {
      const cached = known(path);
      if (cached) return cached;
      try {
        // A FIFO linked to is never opened: that would wait for a writer.
        return anchorsOf(path, readRegularFile(path));
      } catch {
        return null;
      }
    }),
    list: memo((folder) => {
      try {
        return readdirSync(folder);
      } catch {
        return [];
      }
    }),
  };
}

/** Answers from a map of absolute path → markdown text (folders are implied by the paths). */
export function memoryProject(root: string, files: Readonly<Record<string, string>>, anchorsOf: (path: string, text: string) => string[]): ProjectIndex {
  const paths = Object.keys(files);
  const isDirectory = (path: string) => paths.some((file) => file.startsWith(`${path.replace(/\/$/, '')}/`));
  return {
    root,
    complete: true,
    exists: (path) => path in files || isDirectory(path),
    isDirectory,
    anchors: (path) => (path in files ? anchorsOf(path, files[path] ?? '') : null),
    list: (folder) => [...new Set(paths.filter((file) => dirname(file) === folder).map((file) => file.slice(folder.length + 1)))],
  };
}
