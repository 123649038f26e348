// Writing a fixed file: once, atomically (a temp file in the same folder, then rename), with the
// file's mode kept, and never over a file that changed on disk since adrlint read it.
import { chmodSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export type WriteOutcome = { ok: true } | { ok: false; reason: string };

export function writeFixedFile(path: string, originalSource: string, fixedSource: string): WriteOutcome {
  let target: string;
  try {
    // Write through a symbolic link, not over it.
    target = realpathSync(path);
    const current = readFileSync(target, 'utf8');
    if (current !== originalSource) return { ok: false, reason: 'changed on disk while adrlint was fixing it; not written' };
  } catch (error) {
    return { ok: false, reason: `could not be re-read before writing (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const temp = join(dirname(target), `.${basename(target)}.adrlint-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const { mode } = statSync(target);
    writeFileSync(temp, fixedSource, { mode });
    // The process umask may have narrowed the mode given to writeFileSync.
    chmodSync(temp, mode & 0o7777);
    renameSync(temp, target);
    return { ok: true };
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was left behind.
    }
    return { ok: false, reason: `could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}
