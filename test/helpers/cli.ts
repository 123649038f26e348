// Run the built CLI (bin/adrlint.js → dist/cli.js) as a user would, in throw-away fixture folders.
// `npm test` builds first; run `npm run build` before running these files on their own.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(PACKAGE_ROOT, 'bin', 'adrlint.js');

if (!existsSync(join(PACKAGE_ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run "npm run build" first');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** An environment without anything that would change colour or debug output. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'CLICOLOR', 'CLICOLOR_FORCE', 'ADRLINT_DEBUG', 'NODE_OPTIONS']) delete env[key];
  return { ...env, ...extra };
}

function collect(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** `node bin/adrlint.js ...args` in `cwd`. */
export function adrlint(cwd: string, args: readonly string[] = [], env: Record<string, string> = {}): Promise<CliRun> {
  return collect(process.execPath, [BIN, ...args], cwd, cleanEnv(env));
}

const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** `node bin/adrlint.js` as words for a shell command line. */
export const ADRLINT_COMMAND = `${shellQuote(process.execPath)} ${shellQuote(BIN)}`;

/** `sh -c script` in `cwd`. */
export function shell(cwd: string, script: string): Promise<CliRun> {
  return collect('sh', ['-c', script], cwd, cleanEnv());
}

export type FixtureFiles = Record<string, string | Buffer>;

const created: string[] = [];

/** A new folder under the OS temp folder holding `files` (paths relative to it, folders made as needed). */
export function fixture(files: FixtureFiles = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'adrlint-cli-'));
  created.push(root);
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: FixtureFiles): void {
  for (const [path, content] of Object.entries(files)) {
    const target = resolve(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** Remove every fixture made so far (call from afterAll). */
export function removeFixtures(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

// ESLint's JSON result format, as adrlint writes it.
export interface JsonMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fatal?: boolean;
  url?: string;
  fix?: { range: [number, number]; text: string };
  suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string } }>;
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: unknown[];
}

export function parseJson(run: CliRun): JsonResult[] {
  try {
    return JSON.parse(run.stdout) as JsonResult[];
  } catch (error) {
    throw new Error(`stdout is not JSON (${(error as Error).message}); exit ${run.code}; stderr: ${run.stderr.slice(0, 500)}; stdout: ${run.stdout.slice(0, 500)}`);
  }
}

/** The result of the file at `relativePath` under `root`. */
export function resultFor(results: readonly JsonResult[], root: string, relativePath: string): JsonResult {
  const path = resolve(root, relativePath);
  const result = results.find((r) => r.filePath === path);
  if (!result) throw new Error(`no result for ${relativePath}; results are for ${results.map((r) => r.filePath).join(', ')}`);
  return result;
}

/** A compact view of a result's messages: [ruleId, severity, line, column] rows. */
export function positions(result: JsonResult): Array<[string | null, 1 | 2, number, number]> {
  return result.messages.map((m) => [m.ruleId, m.severity, m.line, m.column]);
}

/** Output that looks like a JavaScript stack trace ("    at fn (file.js:1:2)"). */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

export const ANSI = /\u001b\[/;
