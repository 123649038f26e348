// The records adrlint extracts from real ADR collections (../shared/corpus): every status that is
// written is found, formats are recognised, and relations are read from every style.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { parseAdr } from '../src/parse/parse-adr.ts';
import { buildRecord } from '../src/parse/record.ts';
import { headRecord } from '../src/parse/record-head.ts';
import type { AdrRecord } from '../src/model/types.ts';
import { corpusFiles } from '../scripts/bench-corpus.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const catalogue = catalogueWithUser(null, null);

function records(folder: string): Map<string, AdrRecord> {
  const dir = `${CORPUS}${folder}`;
  const out = new Map<string, AdrRecord>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md') && !/^(readme|index)\.md$|template/i.test(n) && !/^[A-Z]+\.md$/.test(n))) {
    out.set(name, buildRecord(parseAdr(`${dir}/${name}`, readFileSync(`${dir}/${name}`, 'utf8'), catalogue), catalogue));
  }
  return out;
}

/** Does the file write a status anywhere a reader would look? */
function writesStatus(source: string): boolean {
  const text = source.replace(/^(```|~~~)[^]*?^\1/gm, '');
  return /^status:\s*\S/m.test(text) || /^\s*[-*]?\s*\**status\**:\s*\S/im.test(text) || /^#{2,}\s+status\s*$/im.test(text);
}

describe.skipIf(!existsSync(CORPUS))('records of the shared corpus', () => {
  it.each(['madr', 'adr-tools', 'log4brains', 'konflux'])('%s: a status for every file that writes one, and a title', (folder) => {
    for (const [name, record] of records(folder)) {
      const text = readFileSync(`${CORPUS}${folder}/${name}`, 'utf8');
      if (writesStatus(text)) expect(record.status?.value, `${folder}/${name}`).toBeTruthy();
      expect(record.title, `${folder}/${name}`).toBeTruthy();
    }
  });

  it('recognises each folder\'s format', () => {
    expect(new Set([...records('adr-tools').values()].map((r) => r.format))).toEqual(new Set(['nygard']));
    expect(new Set([...records('log4brains').values()].map((r) => r.format))).toEqual(new Set(['madr2']));
    expect(new Set([...records('madr').values()].map((r) => r.format))).toEqual(new Set(['madr']));
  });

  it('reads numbers from file names and titles, and leaves date prefixes alone', () => {
    const nygard = records('adr-tools').get('0005-help-comments.md');
    expect(nygard).toMatchObject({ fileNumber: 5, number: { value: 5 }, title: 'Help comments', status: { value: 'Accepted' }, date: { value: '2016-02-13' } });
    for (const record of records('log4brains').values()) expect(record.fileNumber).toBeNull();
    expect(records('konflux').get('0009-pipeline-service-via-operator.md')).toMatchObject({ fileNumber: 9, number: { value: 9 }, status: { value: 'Implemented' } });
  });

  it('reads supersede and amend relations in every style', () => {
    const kinds = (record: AdrRecord | undefined) => record?.relations.map((r) => [r.kind, r.number ?? r.target]);
    expect(kinds(records('adr-tools').get('0005-help-comments.md'))).toEqual([['amended-by', '0009-help-scripts.md']]);
    expect(kinds(records('adr-tools').get('0009-help-scripts.md'))).toEqual([['amends', '0005-help-comments.md']]);
    expect(kinds(records('log4brains').get('20200926-use-the-adr-number-as-its-unique-id.md'))).toEqual([
      ['superseded-by', '20201016-use-the-adr-slug-as-its-unique-id.md'],
    ]);
    expect(kinds(records('log4brains').get('20201016-use-the-adr-slug-as-its-unique-id.md'))).toEqual([
      ['supersedes', '20200926-use-the-adr-number-as-its-unique-id.md'],
    ]);
    expect(kinds(records('konflux').get('0009-pipeline-service-via-operator.md'))).toEqual([['supersedes', 1]]);
    expect(kinds(records('konflux').get('0008-environment-provisioning.md'))).toEqual([['superseded-by', 32]]);
  });

  it('reads the French sets\' translated MADR 2 bullets ("* Statut : mergé", "* statut : proposé") and their dates', () => {
    const status = (folder: string) => [...records(folder).entries()].map(([name, record]) => [name, record.status?.value, record.date?.value, record.format]);
    expect(status('pass-emploi')).toEqual([
      ['ADR-001-service-notifications.md', 'mergé', '2022-06-15', 'unknown'],
      ['ADR-002-keycloak-creation-jeune-milo.md', 'proposé', '2022-06-20', 'unknown'],
      ['ADR-003-gestion-des-dates.md', 'mergé', '2022-10-05', 'unknown'],
      ['ADR-004-pipeline-analytics.md', 'brouillon', '2023-04-04', 'unknown'],
    ]);
    const ans = records('ans');
    for (const name of ['0001-choix-du-modele-adr.md', '0002-licence-des-projets-github.md']) expect([ans.get(name)?.status?.value, ans.get(name)?.date?.value]).toEqual(['proposé', '2025-05-27']);
  });
});

describe.skipIf(!existsSync(CORPUS))('one record, however it was read', () => {
  it('a record read from its head equals the full record in every field (the rest read on first use)', () => {
    let fromHead = 0;
    for (const folder of readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const name of readdirSync(`${CORPUS}${folder.name}`).filter((n) => n.endsWith('.md'))) {
        const path = `${CORPUS}${folder.name}/${name}`;
        const source = readFileSync(path, 'utf8');
        const head = headRecord(path, source, catalogue);
        if (!head) continue;
        fromHead++;
        expect({ ...head }, path).toEqual({ ...buildRecord(parseAdr(path, source, catalogue), catalogue) });
      }
    }
    expect(fromHead).toBeGreaterThan(20);
  });

  it('a record with its date in the frontmatter or in a Date: line is read from its head the same', () => {
    const { files } = corpusFiles(80, 7);
    const moved = (text: string) => {
      const date = /^date: (.*)$/m.exec(text)?.[1];
      return date === undefined ? text : text.replace(/^date: .*\n/m, '').replace(/^# .*\n/m, (title) => `${title}\nDate: ${date}\n`);
    };
    // Each record as generated, and with its date moved from the frontmatter to a Date: line.
    const shapes = [...files].flatMap(([name, text]) => [[name, text], [`dated-${name}`, moved(text)]] as const);
    let fromHead = 0;
    for (const [name, source] of shapes) {
      const path = `/set/docs/adr/${name}`;
      const head = headRecord(path, source, catalogue);
      if (!head) continue;
      fromHead++;
      expect({ ...head }, name).toEqual({ ...buildRecord(parseAdr(path, source, catalogue), catalogue) });
    }
    expect(fromHead).toBeGreaterThan(40);
  });

  it('is kept in the cache as read from the head until its body is read, then in full', () => {
    const path = '/r/docs/adr/0003-title.md';
    const source = '# 3. Title\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n';
    const head = headRecord(path, source, catalogue)!;
    const stored = JSON.parse(JSON.stringify(head)) as AdrRecord & { partial?: true };
    expect(stored).toMatchObject({ partial: true, status: null, number: { value: 3 }, date: { value: '2024-01-02' } });
    expect(head.status?.value).toBe('Accepted');
    expect(JSON.parse(JSON.stringify(head))).toEqual(JSON.parse(JSON.stringify(buildRecord(parseAdr(path, source, catalogue), catalogue))));
  });
});

describe('where a status and a date are written', () => {
  const record = (text: string, name = '0004-x.md') => buildRecord(parseAdr(`/r/docs/adr/${name}`, text, catalogue), catalogue);

  it.each([
    ['a French MADR 2 bullet', '# Titre\n\n* Statut : accepté\n* Date : 2024-01-05\n', 'accepté', '2024-01-05'],
    ['a Spanish one', '# Título\n\n- Estado: aceptado\n- Fecha: 2024-01-05\n', 'aceptado', '2024-01-05'],
    ['a German one', '# Titel\n\n* Status: akzeptiert\n* Datum: 2024-01-05\n', 'akzeptiert', '2024-01-05'],
    ['an Italian one', '# Titolo\n\n* Stato: accettato\n', 'accettato', undefined],
    ['an H1 Status section after the title', '# 4. Title\n\nDate: 2024-01-05\n\n# Status\n\nAccepted\n\n# Context\n\nText.\n', 'Accepted', '2024-01-05'],
    ['a translated Status heading', '# 4. Titre\n\n## Statut\n\nAccepté\n', 'Accepté', undefined],
  ])('%s', (_, text, status, date) => {
    const read = record(text);
    expect([read.status?.value, read.date?.value]).toEqual([status, date]);
    expect(text.slice(...read.status!.range)).toBe(status);
  });

  it('an H1 "# Status" is not the title\'s, and a title named "Status" is no Status section', () => {
    expect(record('# 4. Title\n\n# Status\n\nAccepted\n').format).toBe('nygard');
    expect(record('# Status\n\nAccepted\n').status).toBeNull();
  });

  it('a translated bullet is not the English MADR 2 format (its headings are not MADR\'s)', () => {
    expect(record('# Titre\n\n* Statut : accepté\n').format).toBe('unknown');
    expect(record('# Title\n\n* Status: accepted\n').format).toBe('madr2');
  });

  it('reads a successor named with a synonym in the status as a supersede', () => {
    const kinds = (text: string) => record(text).relations.map((relation) => [relation.kind, relation.number ?? relation.target]);
    expect(kinds('# 1. A\n\n## Status\n\nReplaced by [2. B](0002-b.md)\n')).toEqual([['superseded-by', '0002-b.md']]);
    expect(kinds('---\nstatus: remplacé par ADR-0002\n---\n# A\n')).toEqual([['superseded-by', 2]]);
    expect(kinds('# 1. A\n\n## Status\n\nPartly superseded by ADR-0002\n')).toEqual([]);
  });
});

describe('formats and sections', () => {
  const record = (text: string) => buildRecord(parseAdr('/repo/docs/adr/0012-x.md', text, catalogue), catalogue);

  it('a Nygard record (Status, Context, Decision, a Date: line) that adds "Considered Options" stays Nygard', () => {
    const head = '# Cache sessions\n\nDate: 2019-03-04\n\n';
    const body = '## Context\n\nLost sessions.\n\n## Considered Options\n\n* Redis\n\n## Decision\n\nRedis.\n';
    expect(record(`${head}Status: Accepted\n\n${body}`).format).toBe('nygard');
    expect(record(`# 12. Cache sessions\n\n## Status\n\nAccepted\n\n${body}`).format).toBe('nygard');
    // MADR's own headings and bullets keep a MADR record MADR.
    expect(record('# Cache sessions\n\n- Status: accepted\n- Date: 2019-03-04\n\n## Context\n\nX.\n\n## Considered Options\n\n## Decision\n').format).toBe('madr2');
    expect(record('---\nstatus: accepted\n---\n# Cache sessions\n\n## Context and Problem Statement\n\n## Considered Options\n\n## Decision Outcome\n').format).toBe('madr');
  });

  it('an H1 after the title is a section: its status is read, and header lines end at it', () => {
    const adr = record('# 12. Cache sessions\n\n# Status\n\nAccepted\n\n# Context\n\nDate: 2019-03-04\n');
    expect(adr.sections.map((section) => section.title)).toEqual(['Status', 'Context']);
    expect(adr.status?.value).toBe('Accepted');
    expect(adr.date).toBeNull();
    expect(adr.h1Count).toBe(3);
  });
});
