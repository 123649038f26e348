// `adrlint lsp --stdio` spawned as an editor would: completion (slugs, categories, statuses, ADR
// references, link paths and anchors), hover (a slug, a link) and go to definition, over JSON-RPC,
// with non-ASCII text before the cursor (UTF-16 columns).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CompletionItem, Hover, Location, Position } from 'vscode-languageserver-protocol';
import { fixture, removeFixtures } from './helpers/cli.ts';
import { killServers, openDocument, startServer, stopServer, type LspServer } from './helpers/lsp-client.ts';
import { cursor } from './helpers/lsp-cursor.ts';

afterAll(removeFixtures);
afterEach(killServers);

const KAFKA = '# 1. Use Kafka\n\nDate: 2024-01-05\n\n## Status\n\naccepted\n\n## Context\n\nEvents.\n\n## Decision\n\nKafka.\n';
const ORDERS = '---\nstatus: proposed\ndate: 2024-02-01\n---\n\n# Orders\n\n## Decision Outcome\n\nSagas.\n';
const SET = { 'docs/adr/0001-use-kafka.md': KAFKA, 'docs/adr/0002-orders.md': ORDERS };
const NEW = 'docs/adr/0003-new.md';

/** A server over the set with the document `NEW` open as `marked` (its cursor `‸` taken out), and that cursor. */
async function session(marked: string): Promise<{ server: LspServer; root: string; uri: string; position: Position }> {
  const { text, position } = cursor(marked);
  const root = fixture({ ...SET, [NEW]: text });
  const server = await startServer(root);
  const uri = pathToFileURL(join(root, NEW)).href;
  await openDocument(server, uri, text);
  return { server, root, uri, position };
}

async function completionLabels(marked: string): Promise<{ items: CompletionItem[]; labels: string[] }> {
  const { server, uri, position } = await session(marked);
  const items = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionItem[];
  expect(await stopServer(server)).toBe(0);
  return { items, labels: items.map((item) => item.label) };
}

describe('adrlint lsp --stdio: completion', () => {
  it('completes the 12 catalogue slugs under patterns:, after non-ASCII text', async () => {
    const { items } = await completionLabels('---\ntitle: Café 🎉\npatterns: [saga-pattern, cq‸]\n---\n\n# New\n');
    expect(items).toHaveLength(12);
    expect(items.find((item) => item.label === 'cqrs-pattern')!.textEdit).toEqual({ range: { start: { line: 2, character: 25 }, end: { line: 2, character: 27 } }, newText: 'cqrs-pattern' });
  });

  it('completes the categories under categories:', async () => {
    const { labels } = await completionLabels('---\ncategories:\n  - Da‸\n---\n\n# New\n');
    expect(labels).toHaveLength(8);
    expect(labels).toContain('Data Pattern');
  });

  it('completes the statuses under status:', async () => {
    expect((await completionLabels('---\nstatus: ‸\n---\n\n# New\n')).labels).toEqual(['proposed', 'accepted', 'rejected', 'deprecated', 'superseded']);
  });

  it('completes the other ADRs after supersedes:, with title, status and date', async () => {
    const { items } = await completionLabels('---\nsupersedes: [‸]\n---\n\n# New\n');
    expect(items.map((item) => [item.label, item.detail, item.textEdit?.newText])).toEqual([
      ['0001', '1. Use Kafka — accepted · 2024-01-05', '"0001"'],
      ['0002', 'Orders — proposed · 2024-02-01', '"0002"'],
    ]);
  });

  it("completes the set's ADR paths after `](` and a linked ADR's anchors after `#`, in UTF-16 columns", async () => {
    const { items } = await completionLabels('# 3. New\n\nÉté 🎉 [x](00‸)\n');
    expect(items.map((item) => item.label)).toEqual(['0001-use-kafka.md', '0002-orders.md']);
    expect(items[0]!.textEdit).toEqual({ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 13 } }, newText: '0001-use-kafka.md' });
    expect((await completionLabels('# 3. New\n\nSee [x](0001-use-kafka.md#‸)\n')).labels).toEqual(['1-use-kafka', 'status', 'context', 'decision']);
  });
});

describe('adrlint lsp --stdio: hover and definition', () => {
  it("hovers saga-pattern with its description, and a link to an ADR with that ADR's title, status and date", async () => {
    const { server, uri } = await session('---\npatterns: [saga-pattern]\n---\n\n# New\n\nÉté 🎉 [K](0001-use-kafka.md) ‸\n');
    const hoverAt = (position: Position) => server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Promise<Hover | null>;
    const slug = await hoverAt({ line: 1, character: 14 });
    expect((slug!.contents as { value: string }).value).toContain('A pattern that manages distributed transactions');
    // The link starts at UTF-16 column 7 (🎉 is two units).
    const link = await hoverAt({ line: 6, character: 7 });
    expect((link!.contents as { value: string }).value).toBe('**1. Use Kafka** (`0001-use-kafka.md`)\n\nStatus: accepted · Date: 2024-01-05');
    expect(link!.range).toEqual({ start: { line: 6, character: 7 }, end: { line: 6, character: 29 } });
    expect(await hoverAt({ line: 6, character: 6 })).toBeNull();
    expect(await stopServer(server)).toBe(0);
  });

  it('goes to the ADR a link names (at the heading of its #anchor), and to the one a supersede reference names', async () => {
    const { server, root, uri } = await session('---\nsupersedes: ["0002"]\n---\n\n# New\n\nSee [K](0001-use-kafka.md#decision). ‸\n');
    const definitionAt = (position: Position) => server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position }) as Promise<Location | null>;
    const kafka = pathToFileURL(join(root, 'docs/adr/0001-use-kafka.md')).href;
    expect(await definitionAt({ line: 6, character: 12 })).toEqual({ uri: kafka, range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } } });
    expect(await definitionAt({ line: 1, character: 15 })).toEqual({ uri: pathToFileURL(join(root, 'docs/adr/0002-orders.md')).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    expect(await definitionAt({ line: 4, character: 3 })).toBeNull();
    expect(await stopServer(server)).toBe(0);
    expect(server.stderr()).toBe('');
  });
});
