// `adrlint lsp --stdio`: the built command spawned as an editor would, spoken to in JSON-RPC over
// its standard input and output (vscode-jsonrpc's stream reader and writer): diagnostics on open
// and change, code actions applied as an editor applies them, UTF-16 columns, shutdown and exit.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createProtocolConnection, type ProtocolConnection } from 'vscode-languageserver-protocol';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { adrlint, BIN, cleanEnv, fixture, removeFixtures } from './helpers/cli.ts';

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

async function start(root: string, args: string[] = [], capabilities: object = {}, onRegister?: (params: unknown) => void, onShow?: (params: { uri: string; external?: boolean }) => void): Promise<Server> {
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
  connection.onRequest('client/registerCapability', (params: unknown) => {
    onRegister?.(params);
    return null;
  });
  connection.onRequest('window/showDocument', (params: { uri: string; external?: boolean }) => {
    onShow?.(params);
    return { success: true };
  });
  connection.listen();
  const diagnostics = (uri: string): Promise<Diagnostic[]> => {
    const queued = queues.get(uri)?.shift();
    if (queued) return Promise.resolve(queued.diagnostics);
    return new Promise((resolve) => waiting.set(uri, (params) => resolve(params.diagnostics)));
  };
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, capabilities, workspaceFolders: [{ uri: rootUri, name: 'adrs' }] });
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
    const shown: Array<{ uri: string; external?: boolean }> = [];
    const server = await start(root, [], {}, undefined, (params) => shown.push(params));
    const uri = pathToFileURL(join(root, ORDERS)).href;
    const [problem, ...others] = await open(server, uri, TYPO);
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ code: 'pattern-slug', source: 'adrlint', severity: 1, range: { start: { line: 2, character: 11 }, end: { line: 2, character: 22 } } });
    expect(problem!.codeDescription?.href).toMatch(/^https:\/\/.*pattern-slug/);

    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: problem!.range, context: { diagnostics: [problem] } })) as CodeAction[];
    const fix = actions.find((action) => action.isPreferred)!;
    expect(fix).toMatchObject({ title: 'Replace with saga-pattern', kind: 'quickfix' });
    expect(applied(TYPO, uri, fix)).toBe(FIXED);
    const docs = actions.find((action) => action.title === 'Open documentation for pattern-slug')!;
    await server.connection.sendRequest('workspace/executeCommand', docs.command);
    expect(shown).toEqual([{ uri: problem!.codeDescription!.href, external: true }]);
    // Never an address that is not a rule's page.
    await server.connection.sendRequest('workspace/executeCommand', { command: docs.command!.command, arguments: ['https://example.com/'] });
    expect(shown).toHaveLength(1);

    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: FIXED }] });
    expect(await server.diagnostics(uri)).toEqual([]);
    expect(await stop(server)).toBe(0);
    expect(server.stderr()).toBe('');
  });

  it('gives UTF-16 columns after non-ASCII text (é, an emoji); "Disable <rule> for this line" adds the comment adrlint reads; close clears the diagnostics', async () => {
    const text = `---\nstatus: accepted\npatterns: [saga-pattern]\n---\n\n# Orders\n\nCafé 🎉 see [the ADR](0009-nope.md).\n`;
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, [ORDERS]: text });
    const server = await start(root);
    const uri = pathToFileURL(join(root, ORDERS)).href;
    const [link, ...others] = await open(server, uri, text);
    expect(others).toEqual([]);
    const line = text.split('\n')[7]!;
    // UTF-16 code units: é is one, 🎉 two (as an editor counts; code points would say 11).
    expect(link).toMatchObject({ code: 'adr-link', range: { start: { line: 7, character: line.indexOf('[the ADR]') }, end: { line: 7, character: line.indexOf(')') + 1 } } });
    expect(line.indexOf('[the ADR]')).toBe(12);

    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: link!.range, context: { diagnostics: [link] } })) as CodeAction[];
    const disable = actions.find((action) => action.title === 'Disable adr-link for this line')!;
    const disabled = applied(text, uri, disable);
    expect(disabled).toBe(text.replace('Café', '<!-- adrlint-disable-next-line adr-link -->\nCafé'));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: disabled }] });
    expect(await server.diagnostics(uri)).toEqual([]);

    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    expect(await server.diagnostics(uri)).toHaveLength(1);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect(await server.diagnostics(uri)).toEqual([]);
    expect(await stop(server)).toBe(0);
  });

  it('"Disable <rule> for this file" on a frontmatter problem adds the rule to the adrlint-disable key, and the diagnostic clears', async () => {
    const text = TYPO.replace('patterns: [saga-patern]\n', 'patterns: [saga-patern]\nadrlint-disable: [adr-link]\n');
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, [ORDERS]: text });
    const server = await start(root);
    const uri = pathToFileURL(join(root, ORDERS)).href;
    const [problem] = await open(server, uri, text);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: problem!.range, context: { diagnostics: [problem] } })) as CodeAction[];
    // A line of the frontmatter can hold no comment: the file, not the line.
    const titles = actions.map((action) => action.title);
    expect(titles).toContain('Disable pattern-slug for this file');
    expect(titles).not.toContain('Disable pattern-slug for this line');
    const disabled = applied(text, uri, actions.find((action) => action.title === 'Disable pattern-slug for this file')!);
    expect(disabled).toBe(text.replace('[adr-link]', '[adr-link, pattern-slug]'));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: disabled }] });
    expect(await server.diagnostics(uri)).toEqual([]);
    expect(await stop(server)).toBe(0);
  });

  it('fixes all the problems of a file by source.fixAll.adrlint, one edit of the span that changed', async () => {
    const text = TYPO.replace('[saga-patern]', '[saga-patern, cqrs-patern]');
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, [ORDERS]: text });
    const server = await start(root);
    const uri = pathToFileURL(join(root, ORDERS)).href;
    expect((await open(server, uri, text)).map((problem) => problem.code)).toEqual(['pattern-slug', 'pattern-slug']);
    const whole = { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } };
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    expect(actions.map((action) => [action.title, action.kind])).toEqual([['Fix all adrlint problems in this file', 'source.fixAll.adrlint']]);
    const edits = actions[0]!.edit!.changes![uri]!;
    expect(edits).toHaveLength(1);
    expect(edits[0]!.range.start.line).toBe(2);
    expect(applied(text, uri, actions[0]!)).toBe(TYPO.replace('[saga-patern]', '[saga-pattern, cqrs-pattern]'));
    expect(await stop(server)).toBe(0);
  });

  it('lints only what adrlint would lint: a README of the ADR folder gets no problems', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, 'docs/adr/README.md': '# ADRs\n\nSee [x](0009-nope.md).\n' });
    const server = await start(root);
    const uri = pathToFileURL(join(root, 'docs/adr/README.md')).href;
    expect(await open(server, uri, '# ADRs\n\nSee [x](0009-nope.md).\n')).toEqual([]);
    expect(await stop(server)).toBe(0);
  });

  it('--config: every document is linted with that config file', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, [ORDERS]: TYPO, 'lint/lenient.yml': 'rules:\n  pattern-slug: warn\n' });
    const server = await start(root, ['--config', 'lint/lenient.yml']);
    // A warning (2) where the default config gives an error (1).
    expect((await open(server, pathToFileURL(join(root, ORDERS)).href, TYPO)).map((problem) => [problem.code, problem.severity])).toEqual([['pattern-slug', 2]]);
    expect(await stop(server)).toBe(0);
  });

  it('completes the catalogue slugs under patterns: (flow and block lists), and nowhere else; hover on a slug shows its entry', async () => {
    const flow = '---\nstatus: accepted\npatterns: [saga-pattern, cq]\n---\n\n# Orders\n\nText.\n';
    const block = '---\nstatus: accepted\npatterns:\n  - sa\n---\n\n# Orders\n\nText.\n';
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, [ORDERS]: flow, 'docs/adr/0003-block.md': block });
    const server = await start(root);
    const uri = pathToFileURL(join(root, ORDERS)).href;
    await open(server, uri, flow);
    type Item = { label: string; detail: string; textEdit: TextEdit };
    const complete = (at: string, line: number, character: number) => server.connection.sendRequest('textDocument/completion', { textDocument: { uri: at }, position: { line, character } }) as Promise<Item[] | null>;
    const items = (await complete(uri, 2, 'patterns: [saga-pattern, cq'.length))!;
    expect(items).toHaveLength(12);
    const cqrs = items.find((item) => item.label === 'cqrs-pattern')!;
    expect(cqrs.detail).toMatch(/CQRS/);
    expect(cqrs.textEdit).toEqual({ range: { start: { line: 2, character: 25 }, end: { line: 2, character: 27 } }, newText: 'cqrs-pattern' });
    expect(await complete(uri, 1, 'status: acc'.length)).toEqual([]);
    expect(await complete(uri, 7, 2)).toEqual([]);

    const blockUri = pathToFileURL(join(root, 'docs/adr/0003-block.md')).href;
    await open(server, blockUri, block);
    const blockItems = (await complete(blockUri, 3, '  - sa'.length))!;
    expect(blockItems.map((item) => item.label)).toContain('saga-pattern');
    expect(blockItems[0]!.textEdit.range).toEqual({ start: { line: 3, character: 4 }, end: { line: 3, character: 6 } });

    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 14 } })) as { contents: { value: string } } | null;
    expect(hover!.contents.value).toMatch(/^\*\*Saga\b/);
    expect(hover!.contents.value).toMatch(/saga-pattern/);
    expect(hover!.contents.value).toContain('manages distributed transactions');
    expect(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } })).toBeNull();
    expect(await stop(server)).toBe(0);
  });

  it("refreshes the other open ADRs of the set when one is saved, and every open ADR when a watched file changes (the config)", async () => {
    const second = KAFKA.replace('# 1.', '# 2.');
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, 'docs/adr/0002-use-kafka.md': second });
    const registered: unknown[] = [];
    const server = await start(root, [], { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, (params) => registered.push(params));
    const first = pathToFileURL(join(root, 'docs/adr/0001-use-kafka.md')).href;
    const other = pathToFileURL(join(root, 'docs/adr/0002-use-kafka.md')).href;
    expect((await open(server, other, second)).map((problem) => problem.code)).toEqual(['adr-title-duplicate']);
    // The later record of the two is the one that reports the duplicate.
    expect(await open(server, first, KAFKA)).toEqual([]);
    expect(JSON.stringify(registered)).toContain('workspace/didChangeWatchedFiles');

    const renamed = KAFKA.replace('Use Kafka', 'Use RabbitMQ');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: first, version: 2 }, contentChanges: [{ text: renamed }] });
    expect(await server.diagnostics(first)).toEqual([]);
    writeFileSync(join(root, 'docs/adr/0001-use-kafka.md'), renamed);
    await server.connection.sendNotification('textDocument/didSave', { textDocument: { uri: first } });
    expect(await server.diagnostics(other)).toEqual([]);

    // The title back on the disk, and a config that makes its duplicate an error (1, where the default is a warning): both seen.
    writeFileSync(join(root, 'docs/adr/0001-use-kafka.md'), KAFKA);
    writeFileSync(join(root, '.adrlintrc.yml'), 'rules:\n  adr-title-duplicate: error\n');
    const changes = ['.adrlintrc.yml', 'docs/adr/0001-use-kafka.md'].map((file) => ({ uri: pathToFileURL(join(root, file)).href, type: 2 }));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    expect((await server.diagnostics(other)).map((problem) => [problem.code, problem.severity])).toEqual([['adr-title-duplicate', 1]]);
    expect(server.stderr()).toBe('');
    expect(await stop(server)).toBe(0);
  });

  it('ends when the client closes its end without exit: code 0 after shutdown, 1 without', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA });
    const polite = await start(root);
    await polite.connection.sendRequest('shutdown');
    polite.child.stdin.end();
    expect(await polite.exited).toBe(0);
    const gone = await start(root);
    gone.child.stdin.end();
    expect(await gone.exited).toBe(1);
  });

  it('without --stdio: a one-line error and exit code 2', async () => {
    const run = await adrlint(fixture(), ['lsp']);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: 'adrlint: "adrlint lsp" speaks on standard input and output only: run "adrlint lsp --stdio"\n' });
  });
});
