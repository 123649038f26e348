// The write stage's bookkeeping: a symbolic link and its target, or two hard links, are one file,
// written once. Identities (device and inode, as read) are taken before any write, since a rename
// (how a fix is written) gives the file a new inode.
import { statSync } from 'node:fs';

export class FixedFiles {
  private readonly identities: Map<string, string | null>;
  /** File identity → the text written there. */
  private readonly written = new Map<string, string>();

  constructor(paths: readonly string[]) {
    this.identities = new Map(paths.map((path) => [path, fileIdentity(path)]));
  }

  /** Whether `text` still has to be written to `path` (not written there under another name). */
  shouldWrite(path: string, text: string): boolean {
    const identity = this.identities.get(path) ?? null;
    return identity === null || this.written.get(identity) !== text;
  }

  wrote(path: string, text: string): void {
    const identity = this.identities.get(path) ?? null;
    if (identity !== null) this.written.set(identity, text);
  }
}

function fileIdentity(path: string): string | null {
  try {
    const { dev, ino } = statSync(path);
    return `${dev}:${ino}`;
  } catch {
    return null;
  }
}
