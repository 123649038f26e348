// The cache file is adrlint's own, but it lives on a disk anyone can touch: a location that is not
// a regular file is never written (nor opened, for a FIFO), and an entry damaged by hand or by
// another tool is a miss, never a broken run.
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../scripts/bench-corpus.ts';
import { lintProject } from '../src/run/lint-project.ts';
import { adrlint, fixture, removeFixtures } from './helpers/cli.ts';
import { adrlintBounded, closeSpecials, makeSpecial, SPECIAL_KINDS, spot } from './helpers/special-files.ts';

afterAll(async () => {
  await closeSpecials();
  removeFixtures();
});

/** A generated ADR set (the benchmark's generator, with its planted defects) in a fresh repository. */
function generated(count: number): { root: string; files: string[] } {
  const root = fixture();
  const { files } = generateCorpus({ count, seed: 11, root });
  return { root, files };
}

const tempFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

describe('a --cache-location that is not a regular file', () => {
  it.each(SPECIAL_KINDS)('%s: one warning, the run goes on without a cache, and the thing is left as it was', async (kind) => {
    const { root } = generated(3);
    // A folder as --cache-location holds .adrlintcache; a folder named .adrlintcache is the case.
    const name = kind === 'folder' ? '.adrlintcache' : 'cache.json';
    const location = await makeSpecial(kind, join(root, name));
    const before = spot(join(root, name));
    const args = kind === 'folder' ? ['docs/adr', '--cache', '--format', 'json'] : ['docs/adr', '--cache', '--cache-location', location, '--format', 'json'];

    const run = await adrlintBounded(root, args);
    expect(run.signal, 'the run must not wait on the FIFO').toBeNull();
    const uncached = await adrlint(root, ['docs/adr', '--format', 'json']);
    expect(run.code).toBe(uncached.code);
    expect(run.stdout).toBe(uncached.stdout);
    expect(run.stderr).toMatch(new RegExp(`^adrlint: warning: not using the cache: ${location.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} [^\n]+\n$`));
    expect(spot(join(root, name))).toBe(before);
    // Nothing written beside it, nor where a dangling link points.
    expect(tempFiles(root)).toEqual([]);
    expect(existsSync(join(root, 'nowhere.json'))).toBe(false);
  });

  it('says what it is', async () => {
    const { root } = generated(1);
    const run = async (location: string) => (await adrlintBounded(root, ['docs/adr', '--cache', '--cache-location', location])).stderr;
    await makeSpecial('fifo', join(root, 'fifo'));
    expect(await run('fifo')).toBe(`adrlint: warning: not using the cache: ${join(root, 'fifo')} is a FIFO (named pipe), not a regular file\n`);
    await makeSpecial('link to a device', join(root, 'null.json'));
    expect(await run('null.json')).toBe(`adrlint: warning: not using the cache: ${join(root, 'null.json')} is a symbolic link to a character device, not to a regular file\n`);
    await makeSpecial('dangling link', join(root, 'dangling.json'));
    expect(await run('dangling.json')).toBe(
      `adrlint: warning: not using the cache: ${join(root, 'dangling.json')} is a symbolic link to nothing; adrlint does not create files through links\n`,
    );
    writeFileSync(join(root, 'file'), 'a file\n');
    expect(await run('file/cache.json')).toBe(`adrlint: warning: not using the cache: ${join(root, 'file/cache.json')} is under ${join(root, 'file')}, which is a file, not a folder\n`);
  });

  it('a link to a regular file is followed: the file behind it is the cache, and the link stays', async () => {
    const { root } = generated(3);
    writeFileSync(join(root, 'real-cache.json'), '');
    symlinkSync('real-cache.json', join(root, 'cache.json'));
    const args = ['docs/adr', '--cache', '--cache-location', 'cache.json', '--format', 'json'];
    const cold = await adrlint(root, args);
    expect(cold.stderr).toMatch(/ignoring the cache file .*cache\.json: not valid JSON; it will be rewritten/);
    expect(lstatSync(join(root, 'cache.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 'cache.json'))).toBe('real-cache.json');
    expect(JSON.parse(readFileSync(join(root, 'real-cache.json'), 'utf8')).format).toBe('adrlint-cache');
    const warm = await lintProject({ cwd: root, paths: ['docs/adr'], cache: { location: join(root, 'cache.json') }, concurrency: 'off' });
    expect(warm.stats).toMatchObject({ cacheHits: 3, cacheMisses: 0 });
  });
});

type Entries = Record<string, Record<string, unknown> & { record: Record<string, unknown> }>;

describe('a damaged cache entry', () => {
  // Each damage is to the entry of one file; the run must be the uncached run, byte for byte.
  const damages: Array<[string, (entries: Entries, file: string) => void]> = [
    ['messages: "x"', (entries, file) => void (entries[file]!.messages = 'x')],
    ['record: {}', (entries, file) => void (entries[file]!.record = {})],
    ['a message without its text', (entries, file) => void (entries[file]!.messages = [{ ruleId: 'adr-link', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 2 }])],
    ['links: "x" in the record\'s body', (entries, file) => void (entries[file]!.body = JSON.stringify({ ...JSON.parse((entries[file]!.body as string | undefined) ?? '{}'), links: 'x' }))],
    ['a body that is not JSON', (entries, file) => void (entries[file]!.body = '{"links": [')],
    ['a whole record without its body', (entries, file) => void delete entries[file]!.body],
    ['a date of the wrong shape in the record\'s head', (entries, file) => void (entries[file]!.record.date = '2024-01-01')],
    ['a relation of an unknown kind', (entries, file) => void (entries[file]!.record.relations = [{ kind: 'replaces', target: null, number: 1, raw: '1', range: [0, 1] }])],
    ['the record of another file', (entries, file) => void (entries[file]!.record.path = `${file}.other`)],
    ['null', (entries, file) => void ((entries as Record<string, unknown>)[file] = null)],
    ['a number', (entries, file) => void ((entries as Record<string, unknown>)[file] = 5)],
  ];

  it.each(damages)('%s is a miss: the run is the uncached one, and the entry is written again', async (_damage, damage) => {
    const { root, files } = generated(4);
    const location = join(root, 'cache.json');
    const args = ['docs/adr', '--cache', '--cache-location', 'cache.json', '--format', 'json'];
    const uncached = await adrlint(root, ['docs/adr', '--format', 'json']);
    await adrlint(root, args);
    const data = JSON.parse(readFileSync(location, 'utf8')) as { entries: Entries };
    const file = files[1]!;
    damage(data.entries, file);
    writeFileSync(location, JSON.stringify(data));

    const run = await adrlint(root, args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(uncached.code);
    expect(run.stdout).toBe(uncached.stdout);
    const again = await lintProject({ cwd: root, paths: ['docs/adr'], cache: { location }, concurrency: 'off' });
    expect(again.stats).toMatchObject({ cacheHits: 4, cacheMisses: 0 });
  });

  it.each(damages)('%s in the entry of a file only read for the set is a miss too', async (_damage, damage) => {
    const { root, files } = generated(4);
    const location = join(root, 'cache.json');
    const one = files[0]!;
    const args = [one, '--cache', '--cache-location', 'cache.json', '--format', 'json'];
    const uncached = await adrlint(root, [one, '--format', 'json']);
    await adrlint(root, args);
    const data = JSON.parse(readFileSync(location, 'utf8')) as { entries: Entries };
    damage(data.entries, files[2]!);
    writeFileSync(location, JSON.stringify(data));
    const run = await adrlint(root, args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(uncached.code);
    expect(run.stdout).toBe(uncached.stdout);
  });
});
