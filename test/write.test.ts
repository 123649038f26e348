// writeFixedFile (src/write.ts): one atomic write (temp file + rename in the same folder) that keeps
// the mode, follows symbolic links, and never writes over a file that changed since it was read.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFixedFile } from '../src/write.ts';

const ORIGINAL = '---\npatterns: [sagapatern]\n---\n\n# T\n';
const FIXED = '---\npatterns: [saga-pattern]\n---\n\n# T\n';

const roots: string[] = [];
/** Permissions taken away by a test, given back before the folders are removed. */
const restore: Array<() => void> = [];

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'adrlint-write-'));
  roots.push(root);
  return root;
}

afterAll(() => {
  for (const undo of restore.splice(0)) undo();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const modeOf = (path: string) => (statSync(path).mode & 0o7777).toString(8);

function expectOnly(dir: string, names: string[]): void {
  expect(readdirSync(dir).sort()).toEqual([...names].sort());
}

describe('writeFixedFile', () => {
  it.each([0o640, 0o755, 0o600, 0o664])('replaces the file by a rename and keeps mode %o', (mode) => {
    const dir = folder();
    const path = join(dir, '0001.md');
    writeFileSync(path, ORIGINAL);
    chmodSync(path, mode);
    const inode = statSync(path).ino;
    expect(writeFixedFile(path, ORIGINAL, FIXED)).toEqual({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe(FIXED);
    expect(modeOf(path)).toBe(mode.toString(8));
    // A new file took the old one's name (rename), rather than the old one being rewritten in place.
    expect(statSync(path).ino).not.toBe(inode);
    expectOnly(dir, ['0001.md']);
  });

  it('writes the text byte for byte: CRLF, BOM, trailing whitespace, no final newline', () => {
    const dir = folder();
    const path = join(dir, '0001.md');
    const original = '\uFEFF---\r\npatterns: [sagapatern]\r\n---\n# T  \r\nend';
    const fixed = original.replace('sagapatern', 'saga-pattern');
    writeFileSync(path, original);
    expect(writeFixedFile(path, original, fixed)).toEqual({ ok: true });
    expect(readFileSync(path).equals(Buffer.from(fixed, 'utf8'))).toBe(true);
    expect([...readFileSync(path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('refuses a file that changed on disk since it was read, and leaves it untouched', () => {
    const dir = folder();
    const path = join(dir, '0001.md');
    writeFileSync(path, ORIGINAL);
    chmodSync(path, 0o640);
    // Someone saves the file while adrlint is fixing it.
    const edited = `${ORIGINAL}\nA line the author just added.\n`;
    writeFileSync(path, edited);
    const inode = statSync(path).ino;
    const outcome = writeFixedFile(path, ORIGINAL, FIXED);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.reason).toMatch(/changed on disk/);
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect(statSync(path).ino).toBe(inode);
    expect(modeOf(path)).toBe('640');
    expectOnly(dir, ['0001.md']);
  });

  it('refuses a change of the BOM alone', () => {
    const dir = folder();
    const path = join(dir, '0001.md');
    writeFileSync(path, `\uFEFF${ORIGINAL}`);
    const outcome = writeFixedFile(path, ORIGINAL, FIXED);
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/changed on disk/) });
    expect(readFileSync(path, 'utf8')).toBe(`\uFEFF${ORIGINAL}`);
  });

  it('refuses a file that is gone, and creates nothing', () => {
    const dir = folder();
    const path = join(dir, '0001.md');
    writeFileSync(path, ORIGINAL);
    unlinkSync(path);
    const outcome = writeFixedFile(path, ORIGINAL, FIXED);
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be re-read.*ENOENT/) });
    expectOnly(dir, []);
  });

  it('writes through a symbolic link: the target gets the text and keeps its mode, the link stays a link', () => {
    const dir = folder();
    mkdirSync(join(dir, 'real'));
    mkdirSync(join(dir, 'adr'));
    const target = join(dir, 'real', '0001.md');
    const link = join(dir, 'adr', '0001.md');
    writeFileSync(target, ORIGINAL);
    chmodSync(target, 0o640);
    symlinkSync('../real/0001.md', link);
    expect(writeFixedFile(link, ORIGINAL, FIXED)).toEqual({ ok: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('../real/0001.md');
    expect(readFileSync(target, 'utf8')).toBe(FIXED);
    expect(modeOf(target)).toBe('640');
    // The temp file was made beside the target (same folder, so the rename is atomic), and is gone.
    expectOnly(join(dir, 'real'), ['0001.md']);
    expectOnly(join(dir, 'adr'), ['0001.md']);
  });

  it('through a chain of links too', () => {
    const dir = folder();
    const target = join(dir, 'target.md');
    writeFileSync(target, ORIGINAL);
    symlinkSync('target.md', join(dir, 'middle.md'));
    symlinkSync('middle.md', join(dir, '0001.md'));
    expect(writeFixedFile(join(dir, '0001.md'), ORIGINAL, FIXED)).toEqual({ ok: true });
    expect(readFileSync(target, 'utf8')).toBe(FIXED);
    expect(lstatSync(join(dir, '0001.md')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'middle.md')).isSymbolicLink()).toBe(true);
    expectOnly(dir, ['0001.md', 'middle.md', 'target.md']);
  });

  it('refuses a dangling link, and creates nothing', () => {
    const dir = folder();
    symlinkSync('nowhere.md', join(dir, '0001.md'));
    expect(writeFixedFile(join(dir, '0001.md'), ORIGINAL, FIXED)).toMatchObject({ ok: false, reason: expect.stringMatching(/ENOENT/) });
    expectOnly(dir, ['0001.md']);
    expect(lstatSync(join(dir, '0001.md')).isSymbolicLink()).toBe(true);
  });

  it('in a read-only folder: fails cleanly without a temp file, unless this process may write there anyway (root)', () => {
    const dir = folder();
    const path = join(dir, '0001.md');
    writeFileSync(path, ORIGINAL);
    chmodSync(path, 0o644);
    chmodSync(dir, 0o555);
    restore.push(() => chmodSync(dir, 0o755));
    // Can this process create a file here despite the mode? (root can: CAP_DAC_OVERRIDE.)
    let canWrite: boolean;
    const probe = join(dir, '.probe');
    try {
      writeFileSync(probe, '');
      unlinkSync(probe);
      canWrite = true;
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toMatch(/^(EACCES|EPERM|EROFS)$/);
      canWrite = false;
    }

    const outcome = writeFixedFile(path, ORIGINAL, FIXED);
    if (canWrite) {
      expect(outcome).toEqual({ ok: true });
      expect(readFileSync(path, 'utf8')).toBe(FIXED);
      expect(modeOf(path)).toBe('644');
    } else {
      expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/^could not be written \((EACCES|EPERM|EROFS)\)$/) });
      expect(readFileSync(path, 'utf8')).toBe(ORIGINAL);
    }
    expectOnly(dir, ['0001.md']);
    expect(modeOf(dir)).toBe('555');
  });
});
