// The benchmark's language-server measure: start `adrlint lsp --stdio` as an editor does, open one
// ADR of a set, then type into it, one character a change, waiting each time for its diagnostics.
// A change is linted after the server's pause (DEBOUNCE_MS): the server's own time of each lint (it
// traces it when the client turns the trace on), and what it took beyond that pause from sending
// the change to receiving its diagnostics (JSON-RPC both ways, and the timer's lateness, included). The bare parse of the same text (unified + remark-parse +
// remark-frontmatter, and its frontmatter with `yaml`), in this process, is the reference.
// Usage: node scripts/bench-lsp.mjs <root> <adr.md> [keystrokes]; prints
// {"openMs":n,"keystrokeMs":n,"p90Ms":n,"serverMs":n,"serverP90Ms":n,"parseMs":n,"diagnostics":n}.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createProtocolConnection } from 'vscode-languageserver-protocol';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as parseYaml } from 'yaml';

// The server's pause after a change (src/lsp/session.ts).
const DEBOUNCE_MS = 150;
const BIN = fileURLToPath(new URL('../bin/adrlint.js', import.meta.url));

const [root, file, keystrokesText = '30'] = process.argv.slice(2);
if (!root || !file) {
  process.stderr.write('usage: node scripts/bench-lsp.mjs <root> <adr.md> [keystrokes]\n');
  process.exit(2);
}
const keystrokes = Number(keystrokesText);
const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).href;

const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
let published = null;
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  if (params.uri === uri && published) published(params);
});
// The server's own time of each lint, which it traces when the client asks (trace: 'messages').
const linted = [];
connection.onNotification('$/logTrace', ({ message }) => {
  const time = / in ([\d.]+) ms$/.exec(message);
  if (time && message.includes(file)) linted.push(Number(time[1]));
});
connection.listen();
const next = () => new Promise((resolve) => (published = resolve));

await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, trace: 'messages', workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }] });
await connection.sendNotification('initialized', {});
let started = performance.now();
let waiting = next();
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
let diagnostics = (await waiting).diagnostics.length;
const openMs = performance.now() - started;

// Typing at the end of the first paragraph after the title: prose, as a writer types it.
const lines = text.split('\n');
const line = lines.findIndex((entry, index) => index > 0 && /^[A-Za-z]/.test(entry) && !/^[A-Za-z-]+:/.test(entry));
let character = lines[line].length;
const times = [];
for (let version = 2; version < keystrokes + 2; version++) {
  waiting = next();
  started = performance.now();
  const position = { line, character };
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: 'x' }] });
  const params = await waiting;
  times.push(performance.now() - started - DEBOUNCE_MS);
  diagnostics = params.diagnostics.length;
  character++;
}
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const parseTimes = [];
for (let run = 0; run < keystrokes; run++) {
  const start = performance.now();
  const tree = processor.parse(text);
  if (tree.children[0]?.type === 'yaml') parseYaml(tree.children[0].value);
  parseTimes.push(performance.now() - start);
}
const sorted = (values) => [...values].sort((a, b) => a - b);
const at = (values, share) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * share))];
// The first lint is the open's.
const serverTimes = linted.slice(1);
if (serverTimes.length === 0) {
  process.stderr.write('bench-lsp: the server traced no lint time ($/logTrace "linted <file> in <n> ms")\n');
  process.exit(1);
}
process.stdout.write(`${JSON.stringify({ openMs, keystrokeMs: at(times, 0.5), p90Ms: at(times, 0.9), serverMs: at(serverTimes, 0.5), serverP90Ms: at(serverTimes, 0.9), parseMs: at(parseTimes, 0.5), diagnostics })}\n`);
