// `adrlint lsp --stdio`: the built command spawned as an editor would, spoken to in JSON-RPC over
// its standard input and output (vscode-jsonrpc's stream reader and writer): diagnostics on open
// and change, code actions applied as an editor applies them, UTF-16 columns, shutdown and exit.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
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

async function start(root: string, args: string[] = [], capabilities: object = {}, onRegister?: (params: unknown) => void, onShow?: (params: { uri: string; external?: boolean }) => void, initializationOptions?: unknown): Promise<Server> {
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
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, capabilities, workspaceFolders: [{ uri: rootUri, name: 'adrs' }], ...(initializationOptions !== undefined ? { initializationOptions } : {}) });
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
    // Under status: the statuses, not the slugs (test/lsp-features.test.ts).
    expect((await complete(uri, 1, 'status: acc'.length))!.map((item) => item.label)).not.toContain('saga-pattern');
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

  it("refreshes the other open ADRs of the set as one changes, unsaved, and every open ADR when a watched file changes (the config)", async () => {
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

    // The title changed in the editor, not saved: the other ADR is linted with the unsaved text.
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: first, version: 2 }, contentChanges: [{ text: KAFKA.replace('Use Kafka', 'Use RabbitMQ') }] });
    expect(await server.diagnostics(first)).toEqual([]);
    expect(await server.diagnostics(other)).toEqual([]);
    // Back as it was: the duplicate is back.
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: first, version: 3 }, contentChanges: [{ text: KAFKA }] });
    expect(await server.diagnostics(first)).toEqual([]);
    expect((await server.diagnostics(other)).map((problem) => problem.code)).toEqual(['adr-title-duplicate']);

    // A config that makes the duplicate an error (1, where the default is a warning): seen once the watched file changes.
    writeFileSync(join(root, '.adrlintrc.yml'), 'rules:\n  adr-title-duplicate: error\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, '.adrlintrc.yml')).href, type: 2 }] });
    expect((await server.diagnostics(other)).map((problem) => [problem.code, problem.severity])).toEqual([['adr-title-duplicate', 1]]);
    expect(server.stderr()).toBe('');
    expect(await stop(server)).toBe(0);
  });

  it('an ADR opened with a text that is not its file\'s, and closed unsaved: the others of its folder see the text, then the file again', async () => {
    const second = KAFKA.replace('# 1.', '# 2.');
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, 'docs/adr/0002-use-kafka.md': second });
    const server = await start(root);
    const first = pathToFileURL(join(root, 'docs/adr/0001-use-kafka.md')).href;
    const other = pathToFileURL(join(root, 'docs/adr/0002-use-kafka.md')).href;
    expect((await open(server, other, second)).map((problem) => problem.code)).toEqual(['adr-title-duplicate']);
    // Opened with a text that differs from its file, as an editor restores an unsaved buffer: the other sees it.
    expect(await open(server, first, KAFKA.replace('Use Kafka', 'Use Pulsar'))).toEqual([]);
    expect(await server.diagnostics(other)).toEqual([]);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: first } });
    expect(await server.diagnostics(first)).toEqual([]);
    expect((await server.diagnostics(other)).map((problem) => problem.code)).toEqual(['adr-title-duplicate']);
    expect(await stop(server)).toBe(0);
  });

  it('refreshes only the ADRs that depend on a change: a body edit refreshes none, a heading an ADR links to refreshes that one', async () => {
    const rest = '\n## Decision\n\nYes.\n\n## Consequences\n\nFine.\n';
    const target = `# 1. Use Kafka\n\nStatus: accepted\n\n## Context\n\nEvents.\n${rest}`;
    const linking = `# 2. Orders\n\nStatus: accepted\n\n## Context\n\nSee [the context](0001-use-kafka.md#context).\n${rest}`;
    const bystander = `# 3. Billing\n\nStatus: accepted\n\n## Context\n\nInvoices.\n${rest}`;
    const root = fixture({ 'docs/adr/0001-use-kafka.md': target, 'docs/adr/0002-orders.md': linking, 'docs/adr/0003-billing.md': bystander });
    const server = await start(root);
    const uri = (name: string) => pathToFileURL(join(root, 'docs/adr', name)).href;
    expect(await open(server, uri('0002-orders.md'), linking)).toEqual([]);
    expect(await open(server, uri('0003-billing.md'), bystander)).toEqual([]);
    expect(await open(server, uri('0001-use-kafka.md'), target)).toEqual([]);
    const published: Array<[string, number | undefined]> = [];
    server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => void published.push([params.uri.split('/').pop()!, params.version]));
    const change = async (name: string, version: number, text: string) => {
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(name), version }, contentChanges: [{ text }] });
      await vi.waitFor(() => expect(published).toContainEqual([name, version]), { timeout: 10_000 });
    };

    // Prose only: nothing the others read changed. Then the heading the link names renamed: the linking ADR is refreshed.
    await change('0001-use-kafka.md', 2, target.replace('Events.', 'Events, ordered.'));
    await change('0001-use-kafka.md', 3, target.replace('## Context', '## Background').replace('Events.', 'Events, ordered.'));
    await vi.waitFor(() => expect(published).toContainEqual(['0002-orders.md', 1]), { timeout: 10_000 });
    // A change of the bystander itself, after the pause every refresh waits: a refresh it was wrongly given would come before.
    await change('0003-billing.md', 2, bystander.replace('Invoices.', 'Invoices, monthly.'));
    expect(published).toEqual([
      ['0001-use-kafka.md', 2],
      ['0001-use-kafka.md', 3],
      ['0002-orders.md', 1],
      ['0003-billing.md', 2],
    ]);
    expect(await stop(server)).toBe(0);
  });

  it('reads adrlint.config and adrlint.run through workspace/configuration, and again on didChangeConfiguration', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, 'docs/adr/0002-use-kafka.md': KAFKA.replace('# 1.', '# 2.'), 'strict.yml': 'rules:\n  adr-title-duplicate: error\n' });
    let settings: Record<string, unknown> = { config: 'strict.yml', run: 'onSave' };
    const asked: unknown[] = [];
    const server = await start(root, [], { workspace: { configuration: true } });
    server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      asked.push(...params.items);
      return params.items.map(() => settings);
    });
    const uri = pathToFileURL(join(root, 'docs/adr/0002-use-kafka.md')).href;
    const text = KAFKA.replace('# 1.', '# 2.');
    // The config file of the setting (relative to the workspace folder) makes the duplicate an error.
    expect((await open(server, uri, text)).map((problem) => [problem.code, problem.severity])).toEqual([['adr-title-duplicate', 1]]);
    expect(asked).toEqual([{ scopeUri: pathToFileURL(root).href, section: 'adrlint' }]);
    // onSave: a change is not linted; the save is.
    const changed = text.replace('# 2. Use Kafka', '# 2. Use Pulsar');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: changed }] });
    await server.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const afterSave = await server.diagnostics(uri);
    expect(afterSave).toEqual([]);
    // Settings changed: back to onType and the config found as the CLI finds it (none: the default warning).
    settings = { run: 'onType' };
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await server.diagnostics(uri)).map((problem) => [problem.code, problem.severity])).toEqual([['adr-title-duplicate', 2]]);
    expect(asked).toHaveLength(2);
    expect(await stop(server)).toBe(0);
  });

  it('takes the settings from initializationOptions when the client has no workspace/configuration, and says which value it ignores', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, 'docs/adr/0002-use-kafka.md': KAFKA.replace('# 1.', '# 2.'), 'strict.yml': 'rules:\n  adr-title-duplicate: error\n' });
    const logged: string[] = [];
    const server = await start(root, [], {}, undefined, undefined, { adrlint: { config: 'strict.yml', run: 'sometimes' } });
    server.connection.onNotification('window/logMessage', (params: { message: string }) => void logged.push(params.message));
    const uri = pathToFileURL(join(root, 'docs/adr/0002-use-kafka.md')).href;
    expect((await open(server, uri, KAFKA.replace('# 1.', '# 2.'))).map((problem) => [problem.code, problem.severity])).toEqual([['adr-title-duplicate', 1]]);
    expect(logged).toEqual(['adrlint: adrlint.run must be "onType" or "onSave", not "sometimes": ignored']);
    expect(await stop(server)).toBe(0);
  });

  it('shows a broken config on each ADR it stops and on the config file at its line; both clear once it is mended', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, '.adrlintrc.yml': 'rules:\n  adr-titel-duplicate: error\n' });
    const server = await start(root);
    const uri = pathToFileURL(join(root, 'docs/adr/0001-use-kafka.md')).href;
    const config = pathToFileURL(join(root, '.adrlintrc.yml')).href;
    const [blocked] = await open(server, uri, KAFKA);
    expect(blocked).toMatchObject({ severity: 1, source: 'adrlint', range: { start: { line: 0, character: 0 }, end: { line: 0, character: '# 1. Use Kafka'.length } } });
    expect(blocked!.message).toMatch(/^adrlint cannot lint this file: .*\.adrlintrc\.yml: 2:3: rules: unknown rule "adr-titel-duplicate"; did you mean "adr-title-duplicate"\?$/);
    expect(await server.diagnostics(config)).toEqual([
      { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, severity: 1, source: 'adrlint', message: 'rules: unknown rule "adr-titel-duplicate"; did you mean "adr-title-duplicate"?' },
    ]);
    writeFileSync(join(root, '.adrlintrc.yml'), 'rules:\n  adr-title-duplicate: error\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    expect(await server.diagnostics(uri)).toEqual([]);
    expect(await server.diagnostics(config)).toEqual([]);
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
