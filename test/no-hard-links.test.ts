// Writes and renames on a file system without hard links (FAT, exFAT, some network shares): linkSync
// fails there with EPERM, and adrlint still never replaces a file that appeared at the name it
// writes or renames to. And a renumbering whose rename fails leaves no file half done.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const noLinks = vi.hoisted(() => ({ on: false }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const linkSync: typeof actual.linkSync = (existing, name) => {
    if (noLinks.on) throw Object.assign(new Error(`EPERM: operation not permitted, link '${String(existing)}' -> '${String(name)}'`), { code: 'EPERM' });
    return actual.linkSync(existing, name);
  };
  return { ...actual, default: { ...actual, linkSync }, linkSync };
});

const { moveWithoutReplacing, writeFileSafely } = await import('../src/io/safe-write.ts');
const { renameFile } = await import('../src/io/rename-file.ts');
const { planRenumberOnDisk, RenumberRefused, writeRenumber } = await import('../src/run/renumber.ts');
const { resolveConfig } = await import('../src/run/config.ts');
const { catalogueWithUser } = await import('../src/io/catalogue-file.ts');

const root = fs.mkdtempSync(join(tmpdir(), 'adrlint-no-links-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let folder = root;
let count = 0;
beforeEach(() => {
  noLinks.on = true;
  folder = join(root, String(count++));
  fs.mkdirSync(folder);
});

describe('without hard links', () => {
  it('moveWithoutReplacing renames the file itself (same inode and mode) and leaves nothing behind', () => {
    const from = join(folder, '0001-a.md');
    fs.writeFileSync(from, 'A\n', { mode: 0o640 });
    fs.chmodSync(from, 0o640);
    const before = fs.statSync(from);
    moveWithoutReplacing(from, join(folder, '0002-a.md'));
    const after = fs.statSync(join(folder, '0002-a.md'));
    expect([after.ino, after.mode & 0o777, fs.readFileSync(join(folder, '0002-a.md'), 'utf8')]).toEqual([before.ino, 0o640, 'A\n']);
    expect(fs.readdirSync(folder)).toEqual(['0002-a.md']);
  });

  it('moveWithoutReplacing never replaces a file at the new name', () => {
    fs.writeFileSync(join(folder, 'from.md'), 'mine\n');
    fs.writeFileSync(join(folder, 'to.md'), 'theirs\n');
    expect(() => moveWithoutReplacing(join(folder, 'from.md'), join(folder, 'to.md'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(fs.readFileSync(join(folder, 'to.md'), 'utf8')).toBe('theirs\n');
    expect(fs.readFileSync(join(folder, 'from.md'), 'utf8')).toBe('mine\n');
  });

  it('a new file is written whole, and no temporary file is left', () => {
    writeFileSafely(join(folder, 'report.json'), '{}\n');
    expect(fs.readdirSync(folder)).toEqual(['report.json']);
    expect(fs.readFileSync(join(folder, 'report.json'), 'utf8')).toBe('{}\n');
  });

  it('renameFile (outside git) renames, and refuses a name that is taken', () => {
    fs.writeFileSync(join(folder, '0005-x.md'), 'X\n');
    renameFile(join(folder, '0005-x.md'), join(folder, '0009-x.md'), false);
    expect(fs.readdirSync(folder)).toEqual(['0009-x.md']);
    fs.writeFileSync(join(folder, '0010-x.md'), 'other\n');
    expect(() => renameFile(join(folder, '0009-x.md'), join(folder, '0010-x.md'), false)).toThrow();
    expect(fs.readFileSync(join(folder, '0010-x.md'), 'utf8')).toBe('other\n');
  });

  it('is what the tests here run on: linkSync fails with EPERM', () => {
    fs.writeFileSync(join(folder, 'a.md'), 'A\n');
    expect(() => fs.linkSync(join(folder, 'a.md'), join(folder, 'b.md'))).toThrow(/EPERM/);
    expect(fs.readdirSync(folder)).toEqual(['a.md']);
  });
});

describe('writeRenumber', () => {
  it('gives the edited files their text back when the rename fails', async () => {
    noLinks.on = false;
    const record = '# 5. Use Kafka\n\n## Status\n\nAccepted\n';
    const other = '# 6. Use NATS\n\n## Status\n\nAccepted\n\nSee [Kafka](0005-use-kafka.md).\n';
    fs.writeFileSync(join(folder, '0005-use-kafka.md'), record);
    fs.writeFileSync(join(folder, '0006-use-nats.md'), other);
    const outcome = await planRenumberOnDisk('0005-use-kafka.md', 9, folder, resolveConfig({}, null, folder), catalogueWithUser(null, null));
    expect(outcome.changes).toHaveLength(2);
    // Taken after the plan was checked: the rename fails.
    fs.writeFileSync(join(folder, '0009-use-kafka.md'), 'someone else\n');
    expect(() => writeRenumber(outcome)).toThrow(RenumberRefused);
    expect(fs.readFileSync(join(folder, '0005-use-kafka.md'), 'utf8')).toBe(record);
    expect(fs.readFileSync(join(folder, '0006-use-nats.md'), 'utf8')).toBe(other);
    expect(fs.readFileSync(join(folder, '0009-use-kafka.md'), 'utf8')).toBe('someone else\n');
  });
});
