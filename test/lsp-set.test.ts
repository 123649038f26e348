// `adrlint lsp --stdio` and the ADR set around a document: the other open ADRs' unsaved texts, the
// refresh of the open ADRs that depend on a change, a watched config, the settings the server asks
// the client for, and a config it cannot use. The built command spawned as an editor would.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fixture, removeFixtures } from './helpers/cli.ts';
import { killServers, openDocument, startServer, stopServer } from './helpers/lsp-client.ts';

afterAll(removeFixtures);
afterEach(killServers);

const KAFKA = '# 1. Use Kafka\n\nStatus: accepted\n\n## Context\n\nEvents.\n\n## Decision\n\nKafka.\n\n## Consequences\n\nFine.\n';

describe('adrlint lsp: the set around a document', () => {
  it("refreshes the other open ADRs of the set as one changes, unsaved, and every open ADR when a watched file changes (the config)", async () => {
    const second = KAFKA.replace('# 1.', '# 2.');
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, 'docs/adr/0002-use-kafka.md': second });
    const registered: unknown[] = [];
    const server = await startServer(root, [], { capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, onRegister: (params) => registered.push(params) });
    const first = pathToFileURL(join(root, 'docs/adr/0001-use-kafka.md')).href;
    const other = pathToFileURL(join(root, 'docs/adr/0002-use-kafka.md')).href;
    expect((await openDocument(server, other, second)).map((problem) => problem.code)).toEqual(['adr-title-duplicate']);
    // The later record of the two is the one that reports the duplicate.
    expect(await openDocument(server, first, KAFKA)).toEqual([]);
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
    expect(await stopServer(server)).toBe(0);
  });

  it('an ADR opened with a text that is not its file\'s, and closed unsaved: the others of its folder see the text, then the file again', async () => {
    const second = KAFKA.replace('# 1.', '# 2.');
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, 'docs/adr/0002-use-kafka.md': second });
    const server = await startServer(root);
    const first = pathToFileURL(join(root, 'docs/adr/0001-use-kafka.md')).href;
    const other = pathToFileURL(join(root, 'docs/adr/0002-use-kafka.md')).href;
    expect((await openDocument(server, other, second)).map((problem) => problem.code)).toEqual(['adr-title-duplicate']);
    // Opened with a text that differs from its file, as an editor restores an unsaved buffer: the other sees it.
    expect(await openDocument(server, first, KAFKA.replace('Use Kafka', 'Use Pulsar'))).toEqual([]);
    expect(await server.diagnostics(other)).toEqual([]);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: first } });
    expect(await server.diagnostics(first)).toEqual([]);
    expect((await server.diagnostics(other)).map((problem) => problem.code)).toEqual(['adr-title-duplicate']);
    expect(await stopServer(server)).toBe(0);
  });

  it('refreshes only the ADRs that depend on a change: a body edit refreshes none, a heading an ADR links to refreshes that one', async () => {
    const rest = '\n## Decision\n\nYes.\n\n## Consequences\n\nFine.\n';
    const target = `# 1. Use Kafka\n\nStatus: accepted\n\n## Context\n\nEvents.\n${rest}`;
    const linking = `# 2. Orders\n\nStatus: accepted\n\n## Context\n\nSee [the context](0001-use-kafka.md#context).\n${rest}`;
    const bystander = `# 3. Billing\n\nStatus: accepted\n\n## Context\n\nInvoices.\n${rest}`;
    const root = fixture({ 'docs/adr/0001-use-kafka.md': target, 'docs/adr/0002-orders.md': linking, 'docs/adr/0003-billing.md': bystander });
    const server = await startServer(root);
    const uri = (name: string) => pathToFileURL(join(root, 'docs/adr', name)).href;
    expect(await openDocument(server, uri('0002-orders.md'), linking)).toEqual([]);
    expect(await openDocument(server, uri('0003-billing.md'), bystander)).toEqual([]);
    expect(await openDocument(server, uri('0001-use-kafka.md'), target)).toEqual([]);
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
    expect(await stopServer(server)).toBe(0);
  });
});

describe('adrlint lsp: settings and a broken config', () => {
  it('reads adrlint.config and adrlint.run through workspace/configuration, and again on didChangeConfiguration', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, 'docs/adr/0002-use-kafka.md': KAFKA.replace('# 1.', '# 2.'), 'strict.yml': 'rules:\n  adr-title-duplicate: error\n' });
    let settings: Record<string, unknown> = { config: 'strict.yml', run: 'onSave' };
    const asked: unknown[] = [];
    const server = await startServer(root, [], { capabilities: { workspace: { configuration: true } } });
    server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      asked.push(...params.items);
      return params.items.map(() => settings);
    });
    const uri = pathToFileURL(join(root, 'docs/adr/0002-use-kafka.md')).href;
    const text = KAFKA.replace('# 1.', '# 2.');
    // The config file of the setting (relative to the workspace folder) makes the duplicate an error.
    expect((await openDocument(server, uri, text)).map((problem) => [problem.code, problem.severity])).toEqual([['adr-title-duplicate', 1]]);
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
    expect(await stopServer(server)).toBe(0);
  });

  it('takes the settings from initializationOptions when the client has no workspace/configuration, and says which value it ignores', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, 'docs/adr/0002-use-kafka.md': KAFKA.replace('# 1.', '# 2.'), 'strict.yml': 'rules:\n  adr-title-duplicate: error\n' });
    const logged: string[] = [];
    const server = await startServer(root, [], { initializationOptions: { adrlint: { config: 'strict.yml', run: 'sometimes' } } });
    server.connection.onNotification('window/logMessage', (params: { message: string }) => void logged.push(params.message));
    const uri = pathToFileURL(join(root, 'docs/adr/0002-use-kafka.md')).href;
    expect((await openDocument(server, uri, KAFKA.replace('# 1.', '# 2.'))).map((problem) => [problem.code, problem.severity])).toEqual([['adr-title-duplicate', 1]]);
    expect(logged).toEqual(['adrlint: adrlint.run must be "onType" or "onSave", not "sometimes": ignored']);
    expect(await stopServer(server)).toBe(0);
  });

  it('shows a broken config on each ADR it stops and on the config file at its line; both clear once it is mended', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, '.adrlintrc.yml': 'rules:\n  adr-titel-duplicate: error\n' });
    const server = await startServer(root);
    const uri = pathToFileURL(join(root, 'docs/adr/0001-use-kafka.md')).href;
    const config = pathToFileURL(join(root, '.adrlintrc.yml')).href;
    const [blocked] = await openDocument(server, uri, KAFKA);
    expect(blocked).toMatchObject({ severity: 1, source: 'adrlint', range: { start: { line: 0, character: 0 }, end: { line: 0, character: '# 1. Use Kafka'.length } } });
    expect(blocked!.message).toMatch(/^adrlint cannot lint this file: .*\.adrlintrc\.yml: 2:3: rules: unknown rule "adr-titel-duplicate"; did you mean "adr-title-duplicate"\?$/);
    expect(await server.diagnostics(config)).toEqual([
      { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, severity: 1, source: 'adrlint', message: 'rules: unknown rule "adr-titel-duplicate"; did you mean "adr-title-duplicate"?' },
    ]);
    writeFileSync(join(root, '.adrlintrc.yml'), 'rules:\n  adr-title-duplicate: error\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    expect(await server.diagnostics(uri)).toEqual([]);
    expect(await server.diagnostics(config)).toEqual([]);
    expect(await stopServer(server)).toBe(0);
  });
});

describe('adrlint lsp: a link into another folder', () => {
  it("reads the anchors of a linked file from its open buffer, and refreshes the linking ADR when they change", async () => {
    const guide = '# Guide\n\n## Retries\n\nBack off.\n';
    const linking = KAFKA.replace('Events.', 'See [retries](../../handbook/guide.md#retries).');
    const root = fixture({ 'docs/adr/0001-use-kafka.md': linking, 'handbook/guide.md': guide });
    const server = await startServer(root);
    const adr = pathToFileURL(join(root, 'docs/adr/0001-use-kafka.md')).href;
    const other = pathToFileURL(join(root, 'handbook/guide.md')).href;
    expect(await openDocument(server, adr, linking)).toEqual([]);
    // Not an ADR: no problems of its own, but its text is what the link is checked against.
    expect(await openDocument(server, other, guide)).toEqual([]);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: other, version: 2 }, contentChanges: [{ text: guide.replace('## Retries', '## Timeouts') }] });
    expect(await server.diagnostics(other)).toEqual([]);
    expect((await server.diagnostics(adr)).map((problem) => problem.code)).toEqual(['adr-link']);
    expect(await stopServer(server)).toBe(0);
  });
});

describe('adrlint lsp: workspace folders', () => {
  it('a workspace folder added later is where its documents are linted from (its config), and its removal undoes it', async () => {
    const second = KAFKA.replace('# 1.', '# 2.');
    const root = fixture({ 'sub/docs/adr/0001-use-kafka.md': KAFKA, 'sub/docs/adr/0002-use-kafka.md': second, 'sub/.adrlintrc.yml': 'rules:\n  adr-title-duplicate: error\n' });
    const server = await startServer(root, [], { capabilities: { workspace: { workspaceFolders: true } } });
    const uri = pathToFileURL(join(root, 'sub/docs/adr/0002-use-kafka.md')).href;
    const severities = (diagnostics: Array<{ code?: unknown; severity?: number }>) => diagnostics.map((problem) => [problem.code, problem.severity]);
    // Linted from the workspace folder (root): sub's config is not upward from there.
    expect(severities(await openDocument(server, uri, second))).toEqual([['adr-title-duplicate', 2]]);
    const sub = { uri: pathToFileURL(join(root, 'sub')).href, name: 'sub' };
    await server.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [sub], removed: [] } });
    expect(severities(await server.diagnostics(uri))).toEqual([['adr-title-duplicate', 1]]);
    await server.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [sub] } });
    expect(severities(await server.diagnostics(uri))).toEqual([['adr-title-duplicate', 2]]);
    expect(await stopServer(server)).toBe(0);
  });
});

describe('adrlint lsp: trace', () => {
  it("traces each lint's server time when the client turns the trace on, and nothing when it is off", async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA });
    const file = join(root, 'docs/adr/0001-use-kafka.md');
    const traced: string[] = [];
    const server = await startServer(root, [], { trace: 'messages' });
    server.connection.onNotification('$/logTrace', (params: { message: string }) => void traced.push(params.message));
    await openDocument(server, pathToFileURL(file).href, KAFKA);
    expect(traced).toHaveLength(1);
    expect(traced[0]).toMatch(new RegExp(`^adrlint: linted ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in \\d+\\.\\d ms$`));
    expect(await stopServer(server)).toBe(0);

    const quiet = await startServer(root);
    const none: string[] = [];
    quiet.connection.onNotification('$/logTrace', (params: { message: string }) => void none.push(params.message));
    await openDocument(quiet, pathToFileURL(file).href, KAFKA);
    expect(none).toEqual([]);
    expect(await stopServer(quiet)).toBe(0);
  });
});
