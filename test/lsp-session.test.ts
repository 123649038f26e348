// The language server's pieces that are plain functions: its settings, which open ADRs depend on a
// change, and the run options it lints with (open buffers in place of files, in-memory caches,
// files read again only when they change).
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSettings } from '../src/lsp/settings.ts';
import { dependentsOf, seenBySet, type OpenAdr } from '../src/lsp/dependents.ts';
import { lintProject } from '../src/run/lint-project.ts';
import { contentHash, MemoryCaches } from '../src/io/cache.ts';
import { SourceMemo } from '../src/io/source-memo.ts';
import { fixture, removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);

describe('readSettings', () => {
  const cases: Array<{ sections: unknown[]; settings: object; warnings?: string[] }> = [
    { sections: [], settings: { run: 'onType' } },
    { sections: [{ config: 'strict.yml', run: 'onSave' }], settings: { config: '/work/ws/strict.yml', run: 'onSave' } },
    { sections: [{ adrlint: { config: '/etc/adrlint.yml' } }], settings: { config: '/etc/adrlint.yml', run: 'onType' } },
    // The client's answer wins over the initialization options; a null leaves the earlier value.
    { sections: [{ config: 'a.yml', run: 'onSave' }, { config: null, run: 'onType' }], settings: { config: '/work/ws/a.yml', run: 'onType' } },
    { sections: [{ config: 3, run: 'sometimes' }], settings: { run: 'onType' }, warnings: ['adrlint.config must be a file path, not 3: ignored', 'adrlint.run must be "onType" or "onSave", not "sometimes": ignored'] },
    { sections: ['nonsense', null, 7], settings: { run: 'onType' } },
  ];
  it.each(cases)('$sections', ({ sections, settings, warnings = [] }) => {
    const said: string[] = [];
    expect(readSettings('/work/ws', sections, (message) => said.push(message))).toEqual(settings);
    expect(said).toEqual(warnings);
  });
});

describe('dependentsOf', () => {
  const record = (path: string, links: string[] = []) => ({ path, links: links.map((url) => ({ url, range: [0, 0] as [number, number] })) }) as unknown as OpenAdr['record'];
  const open: OpenAdr[] = [
    { uri: 'a', path: '/r/docs/adr/0001-a.md', record: record('/r/docs/adr/0001-a.md') },
    { uri: 'b', path: '/r/docs/adr/0002-b.md', record: record('/r/docs/adr/0002-b.md', ['0001-a.md#context']) },
    { uri: 'c', path: '/r/docs/adr/0003-c.md', record: record('/r/docs/adr/0003-c.md', ['https://example.com/0001-a.md']) },
    { uri: 'd', path: '/r/docs/other/0001-d.md', record: record('/r/docs/other/0001-d.md', ['/docs/adr/0001-a.md']) },
  ];
  const uris = (before: { head: string; anchors: string }, now: { head: string; anchors: string }) => dependentsOf('/r/docs/adr/0001-a.md', before, now, open, '/r').map((adr) => adr.uri);

  it('refreshes the rest of the folder when a head field changed, only the linking ADRs (relative or from the root) when anchors did, none for prose', () => {
    expect(uris({ head: '1', anchors: 'x' }, { head: '2', anchors: 'x' })).toEqual(['b', 'c']);
    expect(uris({ head: '1', anchors: 'x' }, { head: '1', anchors: 'y' })).toEqual(['b', 'd']);
    expect(uris({ head: '1', anchors: 'x' }, { head: '1', anchors: 'x' })).toEqual([]);
    // Both changed: the folder, and the ADRs of other folders that link to it.
    expect(uris({ head: '1', anchors: 'x' }, { head: '2', anchors: 'y' })).toEqual(['b', 'c', 'd']);
  });

  it('sees a head field or an anchor change in two records', () => {
    const base = { path: '/r/a.md', folder: '/r', name: 'a.md', fileNumber: 1, number: null, title: 'A', date: null, relations: [], anchors: ['context'] } as unknown as NonNullable<OpenAdr['record']>;
    expect(seenBySet(base)).toEqual(seenBySet({ ...base, links: [] }));
    expect(seenBySet(base).head).not.toBe(seenBySet({ ...base, title: 'B' }).head);
    expect(seenBySet(base).anchors).not.toBe(seenBySet({ ...base, anchors: ['background'] }).anchors);
  });
});

const ADR = (n: number, title: string) => `# ${n}. ${title}\n\nStatus: accepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nSo.\n`;

describe('lintProject for an editor', () => {
  it('reads an open buffer in place of its file, and keeps the set in memory between runs', async () => {
    const root = fixture({ 'docs/adr/0001-kafka.md': ADR(1, 'Use Kafka'), 'docs/adr/0002-kafka.md': ADR(2, 'Use Kafka') });
    const caches = new MemoryCaches();
    const lint = (buffers: Map<string, string>) =>
      lintProject({ cwd: root, stdin: { text: ADR(2, 'Use Kafka'), filename: 'docs/adr/0002-kafka.md' }, concurrency: 'off', buffers, cache: { memory: caches } });
    const codes = async (buffers: Map<string, string>) => (await lint(buffers)).results[0]!.messages.map((message) => message.ruleId);
    expect(await codes(new Map())).toEqual(['adr-title-duplicate']);
    // The first ADR's unsaved title is no longer the same.
    expect(await codes(new Map([[join(root, 'docs/adr/0001-kafka.md'), ADR(1, 'Use Pulsar')]]))).toEqual([]);
    const again = await lint(new Map());
    expect(again.results[0]!.messages.map((message) => message.ruleId)).toEqual(['adr-title-duplicate']);
    // A text linted before: its record and file problems from the memory cache, not parsed again
    // (the sibling's entry is its buffer's now, so its file is read from its head again).
    expect(again.stats).toMatchObject({ linted: 0, indexed: 1 });
  });

  it('a memory cache is never written to the disk, and a file changed on the disk is read again', async () => {
    const root = fixture({ 'docs/adr/0001-kafka.md': ADR(1, 'Use Kafka'), 'docs/adr/0002-kafka.md': ADR(2, 'Use Kafka') });
    const caches = new MemoryCaches();
    const lint = async () => (await lintProject({ cwd: root, stdin: { text: ADR(2, 'Use Kafka'), filename: 'docs/adr/0002-kafka.md' }, concurrency: 'off', cache: { memory: caches } })).results[0]!.messages.map((message) => message.ruleId);
    expect(await lint()).toEqual(['adr-title-duplicate']);
    writeFileSync(join(root, 'docs/adr/0001-kafka.md'), ADR(1, 'Use Pulsa'));
    expect(await lint()).toEqual([]);
    expect(await lint()).toEqual([]);
    expect(readdirSync(root).filter((name) => name.includes('cache'))).toEqual([]);
  });
});

describe('SourceMemo', () => {
  it('reads a file again when its stat changes, even to the same size and time', () => {
    const root = fixture({ 'a.md': '# One\n' });
    const file = join(root, 'a.md');
    const memo = new SourceMemo();
    const first = memo.read(file, 1000, contentHash);
    expect(first).toMatchObject({ ok: true, source: '# One\n' });
    expect(memo.read(file, 1000, contentHash)).toBe(first);
    const mtime = new Date(2020, 0, 1);
    writeFileSync(file, '# Two\n');
    utimesSync(file, mtime, mtime);
    // Same size; the modification time set back: the change time still moved.
    expect(memo.read(file, 1000, contentHash)).toMatchObject({ ok: true, source: '# Two\n' });
    expect(memo.read(file, 3, contentHash)).toMatchObject({ ok: false });
  });

  it('keeps at most its limit of files, dropping the least recently read', () => {
    const root = fixture({ 'a.md': '# A\n', 'b.md': '# B\n', 'c.md': '# C\n' });
    const memo = new SourceMemo(2);
    const [a, b, c] = ['a.md', 'b.md', 'c.md'].map((name) => join(root, name));
    const first = memo.read(a!, 100, contentHash);
    const firstB = memo.read(b!, 100, contentHash);
    expect(memo.read(a!, 100, contentHash)).toBe(first);
    // c pushes out b (a was read since), so a is still the same read.
    memo.read(c!, 100, contentHash);
    expect(memo.read(a!, 100, contentHash)).toBe(first);
    // b was dropped: read again, a new read of the same text.
    const secondB = memo.read(b!, 100, contentHash);
    expect(secondB).not.toBe(firstB);
    expect(secondB).toEqual(firstB);
  });
});
