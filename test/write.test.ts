// writeFixedFile (src/io/write-fixed-file.ts): one write (temp file + rename in the same folder, or in place for
// a file with other links or another owner) that keeps owner, group, mode and hard links, follows
// symbolic links, and never writes over a file that changed since it was read, up to the moment it
// is replaced. Then every other file adrlint writes (src/io/safe-write.ts): regular files only.
import {
  appendFileSync,
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lintProject } from '../src/run/lint-project.ts';
import { fixWriteHooks, writeFixedFile } from '../src/io/write-fixed-file.ts';
import { ADRLINT_COMMAND, adrlint, shell } from './helpers/cli.ts';
import { adrlintBounded, closeSpecials, IS_ROOT, makeSpecial, SPECIAL_KINDS, spot } from './helpers/special-files.ts';

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

describe('writeFixedFile: owner, group and hard links (issue #12)', () => {
  const NOBODY = 65534;

  it.runIf(IS_ROOT)('a file of another user (nobody:nogroup) keeps its owner, group and mode', () => {
    const dir = folder();
    const path = join(dir, '0001.md');
    writeFileSync(path, ORIGINAL);
    chownSync(path, NOBODY, NOBODY);
    chmodSync(path, 0o640);
    expect(writeFixedFile(path, ORIGINAL, FIXED)).toEqual({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe(FIXED);
    expect(statSync(path)).toMatchObject({ uid: NOBODY, gid: NOBODY });
    expect(modeOf(path)).toBe('640');
    expectOnly(dir, ['0001.md']);
  });

  it('a file with two hard links is written in place: both names see the fix, and they stay one file', () => {
    const dir = folder();
    const path = join(dir, '0001.md');
    writeFileSync(path, ORIGINAL);
    chmodSync(path, 0o640);
    linkSync(path, join(dir, 'other-name.md'));
    const inode = statSync(path).ino;
    expect(writeFixedFile(path, ORIGINAL, FIXED)).toEqual({ ok: true });
    expect(readFileSync(join(dir, 'other-name.md'), 'utf8')).toBe(FIXED);
    expect(statSync(path)).toMatchObject({ ino: inode, nlink: 2 });
    expect(modeOf(path)).toBe('640');
    expectOnly(dir, ['0001.md', 'other-name.md']);
  });

  it('writing in place cuts a fixed text shorter than the file to its length', () => {
    const dir = folder();
    const path = join(dir, '0001.md');
    const long = `${ORIGINAL}\n${'x'.repeat(500)}\n`;
    writeFileSync(path, long);
    linkSync(path, join(dir, 'other-name.md'));
    expect(writeFixedFile(path, long, ORIGINAL)).toEqual({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL);
  });
});

describe('writeFixedFile: an edit saved while adrlint writes (issue #12)', () => {
  const EDIT = '\nA line the author saved meanwhile.\n';
  afterEach(() => {
    fixWriteHooks.beforeReplace = null;
  });

  it.each([
    ['replaced by a rename', false],
    ['written in place (two hard links)', true],
  ])('%s: the edit is kept and the file is reported as changed on disk', (_how, linked) => {
    const dir = folder();
    const path = join(dir, '0001.md');
    writeFileSync(path, ORIGINAL);
    if (linked) linkSync(path, join(dir, 'other-name.md'));
    // The author saves right after adrlint's first comparison, before the file is replaced.
    fixWriteHooks.beforeReplace = (at) => appendFileSync(at, EDIT);
    const outcome = writeFixedFile(path, ORIGINAL, FIXED);
    expect(outcome).toEqual({ ok: false, reason: 'changed on disk while adrlint was fixing it; not written' });
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL + EDIT);
    expectOnly(dir, linked ? ['0001.md', 'other-name.md'] : ['0001.md']);
  });

  it('an edit saved by an editor that renames its own file over it counts too', () => {
    const dir = folder();
    const path = join(dir, '0001.md');
    writeFileSync(path, ORIGINAL);
    fixWriteHooks.beforeReplace = (at) => {
      // Same text, new file: what adrlint read is no longer what is there.
      writeFileSync(join(dir, 'saved.tmp'), ORIGINAL);
      renameSync(join(dir, 'saved.tmp'), at);
    };
    expect(writeFixedFile(path, ORIGINAL, FIXED)).toMatchObject({ ok: false, reason: expect.stringMatching(/changed on disk/) });
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL);
  });

  it('lintProject --fix reports the file as changed on disk, counts nothing as fixed, and keeps the edit', async () => {
    const root = folder();
    mkdirSync(join(root, 'docs/adr'), { recursive: true });
    const path = join(root, 'docs/adr/0001-t.md');
    writeFileSync(path, ORIGINAL);
    fixWriteHooks.beforeReplace = (at) => appendFileSync(at, EDIT);
    const outcome = await lintProject({ cwd: root, fix: { write: true, rules: new Set(['pattern-slug']) }, concurrency: 'off' });
    const [result] = outcome.results;
    expect(result?.fixedCount ?? 0).toBe(0);
    expect(result?.messages[0]).toMatchObject({ ruleId: null, severity: 'error', message: 'docs/adr/0001-t.md changed on disk while adrlint was fixing it; not written' });
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL + EDIT);
  });
});

describe('adrlint --fix keeps owner, group and hard links (CLI)', () => {
  const NOBODY = 65534;

  function adrSet(): { root: string; path: string } {
    const root = folder();
    mkdirSync(join(root, 'docs/adr'), { recursive: true });
    const path = join(root, 'docs/adr/0001-t.md');
    writeFileSync(path, ORIGINAL);
    return { root, path };
  }

  it.runIf(IS_ROOT)('as root, a file owned by nobody:nogroup stays theirs, with its mode', async () => {
    const { root, path } = adrSet();
    chownSync(path, NOBODY, NOBODY);
    chmodSync(path, 0o604);
    const run = await adrlint(root, ['--fix', '--fix-rule', 'pattern-slug']);
    expect(run.stdout).toMatch(/1 problem fixed in 1 file/);
    expect(readFileSync(path, 'utf8')).toBe(FIXED);
    expect(statSync(path)).toMatchObject({ uid: NOBODY, gid: NOBODY });
    expect(modeOf(path)).toBe('604');
  });

  it('a file with a hard link elsewhere: the other name sees the fix too', async () => {
    const { root, path } = adrSet();
    const elsewhere = join(root, 'copy-of-0001.md');
    linkSync(path, elsewhere);
    const run = await adrlint(root, ['--fix', '--fix-rule', 'pattern-slug']);
    expect(run.stdout).toMatch(/1 problem fixed in 1 file/);
    expect(readFileSync(elsewhere, 'utf8')).toBe(FIXED);
    expect(statSync(path).ino).toBe(statSync(elsewhere).ino);
  });

  it('two hard links both linted are one file: written once, neither reported as changed on disk', async () => {
    const { root, path } = adrSet();
    linkSync(path, join(root, 'docs/adr/0002-t.md'));
    const run = await adrlint(root, ['--fix', '--fix-rule', 'pattern-slug', '--rule', 'adr-number-duplicate:off', '--rule', 'adr-title-duplicate:off']);
    expect(run.stdout).not.toMatch(/changed on disk/);
    expect(run.code).toBe(0);
    expect(readFileSync(join(root, 'docs/adr/0002-t.md'), 'utf8')).toBe(FIXED);
  });

  it.runIf(IS_ROOT)('as a user who cannot give the file back to its owner, it is written in place: owner and mode kept', async () => {
    const { root, path } = adrSet();
    // A shared folder and a file anyone may write, both root's; adrlint runs as nobody.
    chmodSync(root, 0o777);
    chmodSync(join(root, 'docs'), 0o777);
    chmodSync(join(root, 'docs/adr'), 0o777);
    chmodSync(path, 0o666);
    const inode = statSync(path).ino;
    const run = await adrlintBounded(root, ['--fix', '--fix-rule', 'pattern-slug'], { uid: NOBODY });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/1 problem fixed in 1 file/);
    expect(readFileSync(path, 'utf8')).toBe(FIXED);
    expect(statSync(path)).toMatchObject({ uid: 0, gid: 0, ino: inode });
    expect(modeOf(path)).toBe('666');
    expectOnly(join(root, 'docs/adr'), ['0001-t.md']);
  });
});

describe('every file adrlint writes is a regular file (CLI, issue #12)', () => {
  afterAll(closeSpecials);

  // How each command is told to write to `target`, and the folder it runs in.
  const writers: Array<[string, (target: string) => string[]]> = [
    ['-o', (target) => ['-o', target]],
    ['--format json=<file>', (target) => ['--format', `json=${target}`]],
    ['--write-baseline', (target) => [`--write-baseline=${target}`]],
    ['report -o', (target) => ['report', '-o', target]],
    ['rules -o', (target) => ['rules', '-o', target]],
  ];
  const cases = writers.flatMap(([writer, args]) => SPECIAL_KINDS.map((kind) => [writer, kind, args] as const));

  function adrSet(): string {
    const root = folder();
    mkdirSync(join(root, 'docs/adr'), { recursive: true });
    writeFileSync(join(root, 'docs/adr/0001-t.md'), ORIGINAL);
    return root;
  }

  it.each(cases)('%s to a %s: refused in one line (exit 2), the thing left as it was', async (_writer, kind, args) => {
    const root = adrSet();
    const target = await makeSpecial(kind, join(root, 'out.json'));
    const before = spot(join(root, 'out.json'));
    const run = await adrlintBounded(root, args(relative(root, target)));
    expect(run.signal, 'the run must not wait on the FIFO').toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^adrlint: cannot write ${relative(root, target).replace(/[.]/g, '\\.')}: [^\n]+\n$`));
    expect(run.stdout).toBe('');
    expect(spot(join(root, 'out.json'))).toBe(before);
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(root)).not.toContain('nowhere.json');
  });

  it.each(SPECIAL_KINDS.filter((kind) => kind !== 'under a file'))('init --force over a .adrlintrc.yml that is a %s: refused, left as it was', async (kind) => {
    const root = adrSet();
    await makeSpecial(kind, join(root, '.adrlintrc.yml'));
    const before = spot(join(root, '.adrlintrc.yml'));
    const run = await adrlintBounded(root, ['init', '--force']);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^adrlint: cannot write \.adrlintrc\.yml: [^\n]+\n$/);
    expect(spot(join(root, '.adrlintrc.yml'))).toBe(before);
  });

  it('what each refusal says', async () => {
    const root = adrSet();
    const refusal = async (kind: Parameters<typeof makeSpecial>[0], name: string) => {
      const target = await makeSpecial(kind, join(root, name));
      return (await adrlintBounded(root, ['-o', relative(root, target)])).stderr;
    };
    expect(await refusal('fifo', 'fifo')).toBe('adrlint: cannot write fifo: is a FIFO (named pipe), not a regular file\n');
    expect(await refusal('socket', 'socket')).toBe('adrlint: cannot write socket: is a socket, not a regular file\n');
    expect(await refusal('folder', 'folder')).toBe('adrlint: cannot write folder: is a folder, not a regular file\n');
    expect(await refusal('link to a device', 'null.txt')).toBe('adrlint: cannot write null.txt: is a symbolic link to a character device, not to a regular file\n');
    expect(await refusal('dangling link', 'dangling.txt')).toBe('adrlint: cannot write dangling.txt: is a symbolic link to nothing; adrlint does not create files through links\n');
    expect(await refusal('under a file', 'file')).toBe(`adrlint: cannot write file/inside.json: is under ${join(root, 'file')}, which is a file, not a folder\n`);
    if (IS_ROOT) expect(await refusal('device', 'device')).toBe('adrlint: cannot write device: is a character device, not a regular file\n');
  });

  it('an unwritable target (-f json=/proc/x) is one line naming it, not an internal error', async () => {
    const root = adrSet();
    const run = await adrlintBounded(root, ['-f', 'json=/proc/x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('adrlint: cannot write /proc/x: ENOENT: no such file or directory\n');
  });

  it('/dev/stdout is refused: it may be the very file the shell redirects the output to', async () => {
    const root = adrSet();
    writeFileSync(join(root, 'log.txt'), 'what the shell wrote before\n');
    const run = await shell(root, `${ADRLINT_COMMAND} --format json -o /dev/stdout >> log.txt; echo "exit $?"`);
    expect(run.stdout).toBe('exit 2\n');
    expect(run.stderr).toBe("adrlint: cannot write /dev/stdout: is a link to a process's open file (as /dev/stdout is), not a file of its own\n");
    expect(readFileSync(join(root, 'log.txt'), 'utf8')).toBe('what the shell wrote before\n');
  });

  it('a refused report file is found before --fix writes anything', async () => {
    const root = adrSet();
    await makeSpecial('fifo', join(root, 'out.json'));
    const run = await adrlintBounded(root, ['--fix', '--format', 'json=out.json']);
    expect(run.code).toBe(2);
    expect(readFileSync(join(root, 'docs/adr/0001-t.md'), 'utf8')).toBe(ORIGINAL);
  });

  it('a link to a regular file is followed: the file behind it gets the report, the link stays, and owner and links are kept', async () => {
    const root = adrSet();
    writeFileSync(join(root, 'report.json'), 'old report\n');
    chmodSync(join(root, 'report.json'), 0o640);
    linkSync(join(root, 'report.json'), join(root, 'report-copy.json'));
    symlinkSync('report.json', join(root, 'link.json'));
    const run = await adrlint(root, ['--format', 'json', '-o', 'link.json']);
    // The ADR's misspelt slug.
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(lstatSync(join(root, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(root, 'report-copy.json'), 'utf8'))).toHaveLength(1);
    expect(modeOf(join(root, 'report.json'))).toBe('640');
  });
});
