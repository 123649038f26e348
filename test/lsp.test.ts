// `adrlint lsp --stdio`: the built command spawned as an editor would, spoken to in JSON-RPC over
// its standard input and output (vscode-jsonrpc's stream reader and writer): diagnostics on open
// and change, code actions applied as an editor applies them, UTF-16 columns, shutdown and exit.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { adrlint, fixture, removeFixtures } from './helpers/cli.ts';
import { killServers, openDocument, startServer, stopServer } from './helpers/lsp-client.ts';

afterAll(removeFixtures);
afterEach(killServers);

const KAFKA = '# 1. Use Kafka\n\nStatus: accepted\n\n## Context\n\nEvents.\n\n## Decision\n\nKafka.\n\n## Consequences\n\nFine.\n';
const TYPO = '---\nstatus: accepted\npatterns: [saga-patern]\n---\n\n# Orders\n\nWe coordinate the steps.\n';
const FIXED = TYPO.replace('saga-patern', 'saga-pattern');
const ORDERS = 'docs/adr/0002-orders.md';

/** The text once an action's edits of `uri` are made, as an editor makes them. */
function applied(text: string, uri: string, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
  expect(edits.length).toBeGreaterThan(0);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
}

describe('adrlint lsp --stdio: diagnostics and code actions', () => {
  it('publishes a slug typo with its rule and page, fixes it by a code action, and clears it on change; shutdown and exit end the process with 0', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, [ORDERS]: TYPO });
    const shown: Array<{ uri: string; external?: boolean }> = [];
    const server = await startServer(root, [], { onShow: (params) => shown.push(params) });
    const uri = pathToFileURL(join(root, ORDERS)).href;
    const [problem, ...others] = await openDocument(server, uri, TYPO);
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
    expect(await stopServer(server)).toBe(0);
    expect(server.stderr()).toBe('');
  });

  it('gives UTF-16 columns after non-ASCII text (é, an emoji); "Disable <rule> for this line" adds the comment adrlint reads; close clears the diagnostics', async () => {
    const text = `---\nstatus: accepted\npatterns: [saga-pattern]\n---\n\n# Orders\n\nCafé 🎉 see [the ADR](0009-nope.md).\n`;
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, [ORDERS]: text });
    const server = await startServer(root);
    const uri = pathToFileURL(join(root, ORDERS)).href;
    const [link, ...others] = await openDocument(server, uri, text);
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
    expect(await stopServer(server)).toBe(0);
  });

  it('"Disable <rule> for this file" on a frontmatter problem adds the rule to the adrlint-disable key, and the diagnostic clears', async () => {
    const text = TYPO.replace('patterns: [saga-patern]\n', 'patterns: [saga-patern]\nadrlint-disable: [adr-link]\n');
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, [ORDERS]: text });
    const server = await startServer(root);
    const uri = pathToFileURL(join(root, ORDERS)).href;
    const [problem] = await openDocument(server, uri, text);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: problem!.range, context: { diagnostics: [problem] } })) as CodeAction[];
    // A line of the frontmatter can hold no comment: the file, not the line.
    const titles = actions.map((action) => action.title);
    expect(titles).toContain('Disable pattern-slug for this file');
    expect(titles).not.toContain('Disable pattern-slug for this line');
    const disabled = applied(text, uri, actions.find((action) => action.title === 'Disable pattern-slug for this file')!);
    expect(disabled).toBe(text.replace('[adr-link]', '[adr-link, pattern-slug]'));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: disabled }] });
    expect(await server.diagnostics(uri)).toEqual([]);
    expect(await stopServer(server)).toBe(0);
  });
});

describe('adrlint lsp --stdio: fix all', () => {
  it('fixes all the problems of a file by source.fixAll.adrlint, one edit of the span that changed', async () => {
    const text = TYPO.replace('[saga-patern]', '[saga-patern, cqrs-patern]');
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, [ORDERS]: text });
    const server = await startServer(root);
    const uri = pathToFileURL(join(root, ORDERS)).href;
    expect((await openDocument(server, uri, text)).map((problem) => problem.code)).toEqual(['pattern-slug', 'pattern-slug']);
    const whole = { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } };
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    expect(actions.map((action) => [action.title, action.kind])).toEqual([['Fix all adrlint problems in this file', 'source.fixAll.adrlint']]);
    const edits = actions[0]!.edit!.changes![uri]!;
    expect(edits).toHaveLength(1);
    expect(edits[0]!.range.start.line).toBe(2);
    expect(applied(text, uri, actions[0]!)).toBe(TYPO.replace('[saga-patern]', '[saga-pattern, cqrs-pattern]'));
    expect(await stopServer(server)).toBe(0);
  });
});

describe('adrlint lsp --stdio: which files, which config, completion, the end', () => {
  it('lints only what adrlint would lint: a README of the ADR folder, a markdown file outside the ADR folders and one the config leaves out get no problems', async () => {
    const readme = '# ADRs\n\nSee [x](0009-nope.md).\n';
    const root = fixture({
      'docs/adr/0001-use-kafka.md': KAFKA,
      'docs/adr/README.md': readme,
      'docs/guides/guide.md': readme,
      'docs/adr/drafts/0002-draft.md': readme,
      '.adrlintrc.yml': 'adrs: [docs/adr, "!docs/adr/drafts"]\n',
    });
    const server = await startServer(root);
    for (const file of ['docs/adr/README.md', 'docs/guides/guide.md', 'docs/adr/drafts/0002-draft.md']) {
      expect(await openDocument(server, pathToFileURL(join(root, file)).href, readme)).toEqual([]);
    }
    // An ADR of the folder is linted.
    expect((await openDocument(server, pathToFileURL(join(root, 'docs/adr/0003-x.md')).href, readme)).length).toBeGreaterThan(0);
    expect(await stopServer(server)).toBe(0);
  });

  it('--config: every document is linted with that config file', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, [ORDERS]: TYPO, 'lint/lenient.yml': 'rules:\n  pattern-slug: warn\n' });
    const server = await startServer(root, ['--config', 'lint/lenient.yml']);
    // A warning (2) where the default config gives an error (1).
    expect((await openDocument(server, pathToFileURL(join(root, ORDERS)).href, TYPO)).map((problem) => [problem.code, problem.severity])).toEqual([['pattern-slug', 2]]);
    expect(await stopServer(server)).toBe(0);
  });

  it('completes the catalogue slugs under patterns: (flow and block lists), and nowhere else; hover on a slug shows its entry', async () => {
    const flow = '---\nstatus: accepted\npatterns: [saga-pattern, cq]\n---\n\n# Orders\n\nText.\n';
    const block = '---\nstatus: accepted\npatterns:\n  - sa\n---\n\n# Orders\n\nText.\n';
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, [ORDERS]: flow, 'docs/adr/0003-block.md': block });
    const server = await startServer(root);
    const uri = pathToFileURL(join(root, ORDERS)).href;
    await openDocument(server, uri, flow);
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
    await openDocument(server, blockUri, block);
    const blockItems = (await complete(blockUri, 3, '  - sa'.length))!;
    expect(blockItems.map((item) => item.label)).toContain('saga-pattern');
    expect(blockItems[0]!.textEdit.range).toEqual({ start: { line: 3, character: 4 }, end: { line: 3, character: 6 } });

    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 14 } })) as { contents: { value: string } } | null;
    expect(hover!.contents.value).toMatch(/^\*\*Saga\b/);
    expect(hover!.contents.value).toMatch(/saga-pattern/);
    expect(hover!.contents.value).toContain('manages distributed transactions');
    expect(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } })).toBeNull();
    expect(await stopServer(server)).toBe(0);
  });

  it('ends when the client closes its end without exit: code 0 after shutdown, 1 without', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA });
    const polite = await startServer(root);
    await polite.connection.sendRequest('shutdown');
    polite.child.stdin.end();
    expect(await polite.exited).toBe(0);
    const gone = await startServer(root);
    gone.child.stdin.end();
    expect(await gone.exited).toBe(1);
  });

  it('without --stdio: a one-line error and exit code 2', async () => {
    const run = await adrlint(fixture(), ['lsp']);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: 'adrlint: "adrlint lsp" speaks on standard input and output only: run "adrlint lsp --stdio"\n' });
  });
});
