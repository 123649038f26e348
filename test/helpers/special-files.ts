// Things at a path that are not regular files, for the tests of what adrlint refuses to write (and
// read): devices, FIFOs, sockets, folders, links. `spot` says what is at a path, to check that it
// is exactly what it was after a run.
import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { BIN, cleanEnv, type CliRun } from './cli.ts';

export const IS_ROOT = process.getuid?.() === 0;

export type SpecialKind = 'device' | 'fifo' | 'socket' | 'folder' | 'link to a device' | 'dangling link' | 'under a file';

/** The kinds this process can make (a device node needs root). */
export const SPECIAL_KINDS: SpecialKind[] = [...(IS_ROOT ? (['device'] as const) : []), 'fifo', 'socket', 'folder', 'link to a device', 'dangling link', 'under a file'];

const servers: Server[] = [];

/**
 * Make a thing of `kind` at `path`; returns the path a write should be asked for (for 'under a
 * file', a path below the regular file made at `path`).
 */
export async function makeSpecial(kind: SpecialKind, path: string): Promise<string> {
  switch (kind) {
    case 'device':
      // The same device as /dev/null (what the report replaced), in the fixture.
      execFileSync('mknod', ['-m', '666', path, 'c', '1', '3']);
      return path;
    case 'fifo':
      execFileSync('mkfifo', [path]);
      return path;
    case 'socket': {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(path, resolve));
      return path;
    }
    case 'folder':
      mkdirSync(path);
      return path;
    case 'link to a device':
      symlinkSync('/dev/null', path);
      return path;
    case 'dangling link':
      symlinkSync('nowhere.json', path);
      return path;
    case 'under a file':
      writeFileSync(path, 'a regular file\n');
      return `${path}/inside.json`;
  }
}

/** Close the sockets made (call from afterAll). */
export async function closeSpecials(): Promise<void> {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
}

/** What is at `path`: its type, inode and device number, and a link's target. */
export function spot(path: string): string {
  const stats = lstatSync(path);
  const type = stats.isSymbolicLink() ? `link→${readlinkSync(path)}` : stats.isFIFO() ? 'fifo' : stats.isSocket() ? 'socket' : stats.isCharacterDevice() ? `chr ${stats.rdev}` : stats.isDirectory() ? 'dir' : `file ${stats.size}`;
  return `${type} ino ${stats.ino} mode ${stats.mode.toString(8)}`;
}

/**
 * `node bin/adrlint.js ...args` in `cwd`, killed after `timeoutMs` (a run that opens a FIFO would
 * wait forever): `signal` is then SIGKILL. `uid`/`gid` run it as another user (as root only).
 */
export function adrlintBounded(cwd: string, args: readonly string[], options: { timeoutMs?: number; uid?: number; gid?: number } = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 20_000,
      killSignal: 'SIGKILL',
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolvePromise({ code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
  });
}
