// `adrlint lsp --stdio`: the built command spawned as an editor would, spoken to in JSON-RPC over
// its standard input and output (vscode-jsonrpc's stream reader and writer): diagnostics on open
// and change, code actions applied as an editor applies them, UTF-16 columns, shutdown and exit.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createProtocolConnection, type ProtocolConnection } from 'vscode-languageserver-protocol';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { BIN, cleanEnv, fixture, removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);

const KAFKA = '# 1. Use Kafka\n\nStatus: accepted\n\n## Context\n\nEvents.\n\n## Decision\n\nKafka.\n\n## Consequences\n\nFine.\n';
const TYPO = '---\nstatus: accepted\npatterns: [saga-patern]\n---\n\n# Orders\n\nWe coordinate the steps.\n';
const FIXED = TYPO.replace('saga-patern', 'saga-pattern');
const ORDERS = 'docs/adr/0002-orders.md';

interface Server {
  child: ChildProcessWithoutNullStreams;
  connection: ProtocolConnection;
  /** The next diagnostics published for `uri` (after those already received). */
  diagnostics(uri: string): Promise<Diagnostic[]>;
  exited: Promise<number | null>;
  stderr: () => string;
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) if (server.child.exitCode === null) server.child.kill();
});

async function start(root: string, args: string[] = []): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio', ...args], { cwd: root, env: cleanEnv() });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const queues = new Map<string, PublishDiagnosticsParams[]>();
  const waiting = new Map<string, (params: PublishDiagnosticsParams) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const waiter = waiting.get(params.uri);
    if (waiter) {
      waiting.delete(params.uri);
      waiter(params);
    } else queues.set(params.uri, [...(queues.get(params.uri) ?? []), params]);
  });
  connection.listen();
  const diagnostics = (uri: string): Promise<Diagnostic[]> => {
    const queued = queues.get(uri)?.shift();
    if (queued) return Promise.resolve(queued.diagnostics);
    return new Promise((resolve) => waiting.set(uri, (params) => resolve(params.diagnostics)));
  };
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, capabilities: {}, workspaceFolders: [{ uri: rootUri, name: 'adrs' }] });
  await connection.sendNotification('initialized', {});
  const server = { child, connection, diagnostics, exited, stderr: () => stderr };
  servers.push(server);
  return server;
}

async function open(server: Server, uri: string, text: string): Promise<Diagnostic[]> {
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  return server.diagnostics(uri);
}

async function stop(server: Server): Promise<number | null> {
  await server.connection.sendRequest('shutdown');
  await server.connection.sendNotification('exit');
  return server.exited;
}

/** The text once an action's edits of `uri` are made, as an editor makes them. */
function applied(text: string, uri: string, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
  expect(edits.length).toBeGreaterThan(0);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
}

describe('adrlint lsp --stdio', () => {
  it('publishes a slug typo with its rule and page, fixes it by a code action, and clears it on change; shutdown and exit end the process with 0', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, [ORDERS]: TYPO });
    const server = await start(root);
    const uri = pathToFileURL(join(root, ORDERS)).href;
    const [problem, ...others] = await open(server, uri, TYPO);
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ code: 'pattern-slug', source: 'adrlint', severity: 1, range: { start: { line: 2, character: 11 }, end: { line: 2, character: 22 } } });
    expect(problem!.codeDescription?.href).toMatch(/^https:\/\/.*pattern-slug/);

    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: problem!.range, context: { diagnostics: [problem] } })) as CodeAction[];
    const fix = actions.find((action) => action.isPreferred)!;
    expect(fix).toMatchObject({ title: 'Replace with saga-pattern', kind: 'quickfix' });
    expect(applied(TYPO, uri, fix)).toBe(FIXED);

    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: FIXED }] });
    expect(await server.diagnostics(uri)).toEqual([]);
    expect(await stop(server)).toBe(0);
    expect(server.stderr()).toBe('');
  });
});
