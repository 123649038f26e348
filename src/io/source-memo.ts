// The texts of a long-lived process's files (the language server's sets), kept between runs and
// read again only when a file's stat changes: a keystroke in one ADR then costs one stat per file
// of its set, not a read, a decode and a hash of each. The stamp is ESLint's cache strategy
// (modification time and size) with the inode and change time, which every write moves.
import { statSync } from 'node:fs';
import { readAdrFile, type ReadOutcome } from './files.ts';

export type HashedRead = { ok: true; source: string; hash: string } | { ok: false; reason: string };

interface Known {
  stamp: string;
  maxFileSize: number;
  read: HashedRead;
}

export class SourceMemo {
  private readonly known = new Map<string, Known>();

  /** At most this many files are kept (the least recently read dropped first): a long-lived server's sets come and go. */
  constructor(private readonly limit = 20_000) {}

  /** The file's text and its hash, read again only when its stat (or the size limit) changed since the last read. */
  read(path: string, maxFileSize: number, hashOf: (source: string) => string): HashedRead {
    const stamp = stampOf(path);
    const known = this.known.get(path);
    this.known.delete(path);
    if (stamp !== null && known?.stamp === stamp && known.maxFileSize === maxFileSize) {
      // Most recently read last.
      this.known.set(path, known);
      return known.read;
    }
    const read = hashed(readAdrFile(path, maxFileSize), hashOf);
    if (stamp === null) return read;
    this.known.set(path, { stamp, maxFileSize, read });
    if (this.known.size > this.limit) this.known.delete(this.known.keys().next().value!);
    return read;
  }
}

function hashed(read: ReadOutcome, hashOf: (source: string) => string): HashedRead {
  return read.ok ? { ok: true, source: read.source, hash: hashOf(read.source) } : read;
}

/** What changes whenever the file's content may have: null when it cannot be told (no such file, no access). */
function stampOf(path: string): string | null {
  try {
    const stats = statSync(path, { bigint: true });
    return stats.isFile() ? `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}` : null;
  } catch {
    return null;
  }
}
