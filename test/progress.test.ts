// The progress line: the library counts files through `onProgress`; the CLI draws
// "adrlint: n/m files ..." on a terminal's stderr once a run has taken a second (an injected clock
// stands for the time), and never in CI, in a pipe or in a file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/cli.ts';
import { lintProject } from '../src/run/lint-project.ts';
import { workerScript } from '../src/run/worker-pool.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const nygard = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2024-01-0${n}\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n`;

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'adrlint-progress-'));
  roots.push(root);
  const files: Record<string, string> = {
    '.git/HEAD': 'ref: refs/heads/main\n',
    'docs/adr/0001-use-kafka.md': nygard(1, 'Use Kafka'),
    'docs/adr/0002-use-go.md': nygard(2, 'Use Go'),
    'docs/adr/0003-use-postgresql.md': nygard(3, 'Use PostgreSQL'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

interface FakeTerminal extends CliIo {
  out: string;
  err: string;
}

/** An io whose clock moves `step` ms each time it is read. */
function terminal(cwd: string, { stdoutTTY = true, stderrTTY = true, env = {}, step = 300 }: { stdoutTTY?: boolean; stderrTTY?: boolean; env?: Record<string, string>; step?: number } = {}): FakeTerminal {
  let time = 1_700_000_000_000;
  const io: FakeTerminal = {
    cwd,
    env,
    now: () => (time += step),
    out: '',
    err: '',
    stdout: { isTTY: stdoutTTY, write: (text: string) => (io.out += text) },
    stderr: { isTTY: stderrTTY, write: (text: string) => (io.err += text) },
  };
  return io;
}

// Each redraw erases the line first; the last write erases it for good.
const PROGRESS = /^(?:\r\u001b\[2Kadrlint: \d+\/\d+ files (?:parsed|checked))+\r\u001b\[2K$/;

describe('onProgress', () => {
  it('counts the files parsed, then the files checked, up to the totals', async () => {
    const root = project();
    const calls: Array<[number, number, string]> = [];
    await lintProject({ cwd: root, paths: ['docs/adr/0002-use-go.md'], concurrency: 'off', onProgress: (done, total, phase) => calls.push([done, total, phase]) });
    // One file linted and the two others of its folder read for their records (from their first lines).
    const parse = calls.filter(([, , phase]) => phase === 'parse');
    const check = calls.filter(([, , phase]) => phase === 'check');
    expect(calls).toEqual([...parse, ...check]);
    expect(parse.every(([, total]) => total === 3)).toBe(true);
    expect(parse.at(-1)).toEqual([3, 3, 'parse']);
    expect(check).toEqual([
      [0, 1, 'check'],
      [1, 1, 'check'],
    ]);
    const dones = parse.map(([done]) => done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  });

  it.skipIf(workerScript() === null)('counts worker threads\' batches as they come back', async () => {
    const root = project();
    for (let n = 4; n <= 40; n++) writeFileSync(join(root, 'docs', 'adr', `${String(n).padStart(4, '0')}-record.md`), nygard(n, 'Record'));
    const parse: number[] = [];
    const totals = new Set<number>();
    await lintProject({
      cwd: root,
      concurrency: 2,
      onProgress: (done, total, phase) => {
        if (phase !== 'parse') return;
        parse.push(done);
        totals.add(total);
      },
    });
    expect([...totals]).toEqual([40]);
    // Before any work, then after each file the main thread parses and each batch a worker sends
    // back, in whatever order they come.
    expect(parse[0]).toBe(0);
    expect(parse.at(-1)).toBe(40);
    expect(parse).toEqual([...parse].sort((a, b) => a - b));
    expect(new Set(parse).size).toBe(parse.length);
    expect(parse.length).toBeLessThanOrEqual(41);
  });
});

describe('the progress line', () => {
  it('appears on a terminal once the run has taken a second, and is erased before the report', async () => {
    const root = project();
    const io = terminal(root);
    expect(await runCli(['--rule', 'adr-sections:error', '--no-color'], io)).toBe(0);
    expect(io.err).toMatch(PROGRESS);
    expect(io.err).toContain('adrlint: 3/3 files checked');
    expect(io.out).toBe('✔ 3 ADRs, no problems\n');
    const report = terminal(root);
    expect(await runCli(['report'], report)).toBe(0);
    expect(report.err).toMatch(PROGRESS);
    expect(report.out.startsWith('# ADR report\n')).toBe(true);
  });

  it('stays away from pipes, CI logs and runs shorter than a second', async () => {
    const root = project();
    const quiet = [
      terminal(root, { stdoutTTY: false }),
      terminal(root, { stderrTTY: false }),
      terminal(root, { env: { CI: 'true' } }),
      terminal(root, { step: 0 }),
    ];
    for (const io of quiet) {
      expect(await runCli([], io)).toBe(0);
      expect(io.err).toBe('');
    }
    // CI=false is a way of saying "not CI".
    const local = terminal(root, { env: { CI: 'false' } });
    await runCli([], local);
    expect(local.err).toMatch(PROGRESS);
  });
});
