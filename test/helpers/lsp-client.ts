// A small LSP client for the tests that spawn `adrlint lsp --stdio` as an editor would (the built
// command) and speak JSON-RPC to it: start and initialize, open a document and wait for its
// diagnostics, send requests, shut down.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { BIN, cleanEnv } from './cli.ts';

export interface LspServer {
  child: ChildProcessWithoutNullStreams;
  connection: ProtocolConnection;
  /** The next diagnostics published for `uri` (after those already received). */
  diagnostics(uri: string): Promise<Diagnostic[]>;
  exited: Promise<number | null>;
  stderr: () => string;
}

const running: LspServer[] = [];

/** Kill the servers a test left running (call from afterEach). */
export function killServers(): void {
  for (const server of running.splice(0)) if (server.child.exitCode === null) server.child.kill();
}

export interface StartOptions {
  /** The client's capabilities (none by default). */
  capabilities?: object;
  initializationOptions?: unknown;
  /** The trace the client asks for (initialize's `trace`). */
  trace?: 'off' | 'messages' | 'verbose';
  /** Called with each client/registerCapability request (answered with null). */
  onRegister?: (params: unknown) => void;
  /** Called with each window/showDocument request (answered with success). */
  onShow?: (params: { uri: string; external?: boolean }) => void;
}

/** Start `adrlint lsp --stdio` in `root` and initialize it with `root` as its workspace folder. */
export async function startServer(root: string, args: readonly string[] = [], options: StartOptions = {}): Promise<LspServer> {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio', ...args], { cwd: root, env: cleanEnv() });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const queues = new Map<string, PublishDiagnosticsParams[]>();
  const waiting = new Map<string, (params: PublishDiagnosticsParams) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const waiter = waiting.get(params.uri);
    waiting.delete(params.uri);
    if (waiter) waiter(params);
    else queues.set(params.uri, [...(queues.get(params.uri) ?? []), params]);
  });
  connection.onRequest('client/registerCapability', (params: unknown) => {
    options.onRegister?.(params);
    return null;
  });
  connection.onRequest('window/showDocument', (params: { uri: string; external?: boolean }) => {
    options.onShow?.(params);
    return { success: true };
  });
  connection.listen();
  const diagnostics = (uri: string): Promise<Diagnostic[]> => {
    const queued = queues.get(uri)?.shift();
    if (queued) return Promise.resolve(queued.diagnostics);
    return new Promise((resolve) => waiting.set(uri, (params) => resolve(params.diagnostics)));
  };
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    capabilities: options.capabilities ?? {},
    workspaceFolders: [{ uri: rootUri, name: 'adrs' }],
    ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    ...(options.trace ? { trace: options.trace } : {}),
  });
  await connection.sendNotification('initialized', {});
  const server = { child, connection, diagnostics, exited, stderr: () => stderr };
  running.push(server);
  return server;
}

/** Open a document and wait for its first diagnostics. */
export async function openDocument(server: LspServer, uri: string, text: string): Promise<Diagnostic[]> {
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  return server.diagnostics(uri);
}

/** Shutdown, exit, and the process's exit code. */
export async function stopServer(server: LspServer): Promise<number | null> {
  await server.connection.sendRequest('shutdown');
  await server.connection.sendNotification('exit');
  return server.exited;
}
