// `adrlint new`: the next number of a real folder (gaps, duplicates, widths, images, dates), the
// file name and text of each template, and a new ADR that the default config finds nothing wrong with.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { runCli, type CliIo } from '../src/cli.ts';
import { loadConfig, resolveConfig } from '../src/run/config.ts';
import { DEFAULT_NON_ADR_FILES, type ResolvedConfig } from '../src/model/config.ts';
import { UsageError } from '../src/io/files.ts';
import {
  adrFileName,
  adrFolder,
  adrNames,
  createAdr,
  fillTemplate,
  folderTemplate,
  formatLocalDate,
  renderAdr,
  titlePatterns,
  titleSlug,
  type NewAdrOptions,
} from '../src/commands/new-adr.ts';
import { lintProject } from '../src/run/lint-project.ts';
import { DATE_SCHEME, DEFAULT_SCHEME, namingFor, nextFreeNumber as nextAdrNumber } from '../src/model/naming.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const catalogue = catalogueWithUser(null, null);
const defaults = resolveConfig({}, null, '/');
const TODAY = '2026-11-24';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A fresh folder holding `files` (relative paths; folders made as needed). */
function project(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'adrlint-new-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function create(folder: string, title: string, options: Partial<NewAdrOptions> = {}) {
  return createAdr({ title, folder, date: TODAY, config: defaults, catalogue, ...options });
}

const nygardAdr = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n`;

describe('numbering', () => {
  it('takes one more than the highest number; gaps stay gaps, duplicates count once', () => {
    expect(nextAdrNumber(['0001-a.md', '0003-c.md'])).toBe(4);
    expect(nextAdrNumber(['0002-a.md', '0002-b.md', '0001-x.md'])).toBe(3);
    expect(nextAdrNumber([])).toBe(1);
    expect(nextAdrNumber(['0000-use-madr.md'])).toBe(1);
    // Date-named records have no number.
    expect(nextAdrNumber(['20240105-use-kafka.md', '0007-x.md'])).toBe(8);
  });

  it('counts ADR markdown files only: not images named like ADRs, read-mes or templates', () => {
    const names = adrNames(['0001-a.md', '0008-flow.png', '0009-diagram.svg', 'README.md', 'index.md', '0000-adr-template.md', 'template.md', '0002-b.markdown', '.0099-hidden.md'], DEFAULT_NON_ADR_FILES);
    expect(names).toEqual(['0001-a.md', '0002-b.markdown']);
    expect(nextAdrNumber(names)).toBe(3);
  });

  it('leaves out an unnumbered page in a folder of numbered records, as a lint run does', () => {
    expect(adrNames(['0001-a.md', '0002-b.md', 'install.md'], DEFAULT_NON_ADR_FILES)).toEqual(['0001-a.md', '0002-b.md']);
    // Where numbers are not the rule, every markdown name is an ADR's.
    expect(adrNames(['0001-a.md', 'use-kafka.md'], DEFAULT_NON_ADR_FILES)).toEqual(['0001-a.md', 'use-kafka.md']);
  });

  it('writes numbers as wide as the folder does: 3 digits when most names have 3, else 4', () => {
    const name = (names: string[], number: number) => adrFileName('use-kafka', namingFor(names), number, TODAY);
    expect(name(['001-a.md', '002-b.md', '0003-c.md'], 4)).toBe('004-use-kafka.md');
    expect(name(['001-a.md', '0002-b.md'], 3)).toBe('0003-use-kafka.md');
    expect(name([], 4)).toBe('0004-use-kafka.md');
    expect(adrFileName('use-kafka', DEFAULT_SCHEME, 12345, TODAY)).toBe('12345-use-kafka.md');
  });

  it('names as the folder does: its prefix, separators and padding', () => {
    const name = (names: string[], number: number) => adrFileName('use-kafka', namingFor(names), number, TODAY);
    expect(name(['ADR-001-service-notifications.md', 'ADR-002-keycloak.md'], 5)).toBe('ADR-005-use-kafka.md');
    expect(name(['adr_001_record_decisions.md', 'adr_002_use_shell.md'], 3)).toBe('adr_003_use_kafka.md');
    expect(name(['1-record-decisions.md', '2-use-shell.md', '10-use-bats.md'], 11)).toBe('11-use-kafka.md');
  });

  it('uses a YYYYMMDD- date where most of the folder does (log4brains), else numbers', () => {
    expect(namingFor(['20200924-a.md', '20200925-b.md', '0001-c.md']).kind).toBe('date');
    expect(namingFor(['20200924-a.md', '0001-c.md']).kind).toBe('number');
    expect(namingFor(['20200924-a.md', '20200925-b.md'], 'number').kind).toBe('number');
    expect(namingFor([], 'date').kind).toBe('date');
    expect(adrFileName('use-kafka', DATE_SCHEME, 4, TODAY)).toBe('20261124-use-kafka.md');
  });

  it('kebab-cases the title for the file name', () => {
    expect(titleSlug('Use the outbox pattern')).toBe('use-the-outbox-pattern');
    expect(titleSlug("  Don't use   MongoDB (for orders)! ")).toBe('dont-use-mongodb-for-orders');
    expect(titleSlug('Übergang zu Kafka / CQRS')).toBe('übergang-zu-kafka-cqrs');
    expect(titleSlug('!!!')).toBe('');
    const long = titleSlug('Record every decision that changes how two or more services exchange events with each other');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toBe('record-every-decision-that-changes-how-two-or-more-services');
  });

  it("formats today's date in the local time zone", () => {
    expect(formatLocalDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('templates', () => {
  const fields = { title: 'Use the outbox pattern', number: 7, date: TODAY, status: 'proposed', patterns: ['outbox-pattern'] };

  it('madr: MADR 4 frontmatter, the title, and the sections adr-sections asks for', () => {
    expect(renderAdr('madr', fields)).toBe(
      [
        '---',
        'status: proposed',
        'date: 2026-11-24',
        'patterns: [outbox-pattern]',
        '---',
        '',
        '# Use the outbox pattern',
        '',
        '## Context and Problem Statement',
        '',
        '<!-- The context and the problem in two or three sentences, or as the question to answer. -->',
        '',
        '## Considered Options',
        '',
        '<!-- One bullet per option, by its title. -->',
        '',
        '## Decision Outcome',
        '',
        '<!-- Chosen option: "…", because … (the justification). -->',
        '',
        '### Consequences',
        '',
        '<!-- Good, because …; Bad, because … -->',
        '',
      ].join('\n'),
    );
  });

  it('madr quotes a status YAML would read as something else', () => {
    expect(renderAdr('madr', { ...fields, status: 'on hold' })).toContain('\nstatus: on hold\n');
    expect(renderAdr('madr', { ...fields, status: 'no' })).toContain('\nstatus: "no"\n');
    expect(renderAdr('madr', { ...fields, status: 'accepted: partly' })).toContain('\nstatus: "accepted: partly"\n');
  });

  it('nygard: adr-tools layout, with a frontmatter only to declare the patterns the title names', () => {
    expect(renderAdr('nygard', fields)).toBe(
      [
        '---',
        'patterns: [outbox-pattern]',
        '---',
        '',
        '# 7. Use the outbox pattern',
        '',
        'Date: 2026-11-24',
        '',
        '## Status',
        '',
        'Proposed',
        '',
        '## Context',
        '',
        '<!-- The forces at play (technical, political, social, project-local) and why a decision is needed now. -->',
        '',
        '## Decision',
        '',
        '<!-- "We will …", in full sentences and the active voice. -->',
        '',
        '## Consequences',
        '',
        '<!-- What becomes easier and what becomes harder because of this decision. -->',
        '',
      ].join('\n'),
    );
    const plain = renderAdr('nygard', { ...fields, number: null, patterns: [] });
    expect(plain.startsWith('# Use the outbox pattern\n\nDate: 2026-11-24\n')).toBe(true);
  });

  it('fills a user template: {{title}}, {{number}}, {{date}}, {{status}}, {{patterns}}; other braces stay', () => {
    const text = '# {{number}}. {{ title }}\n\n{{date}} · {{status}} · {{patterns}} · {{unknown}}\n';
    expect(fillTemplate(text, fields)).toBe('# 7. Use the outbox pattern\n\n2026-11-24 · proposed · [outbox-pattern] · {{unknown}}\n');
    expect(fillTemplate('{{number}}|', { ...fields, number: null })).toBe('|');
  });

  it('takes the patterns the title mentions, as slugs, once each', () => {
    expect(titlePatterns('Use the outbox pattern and CQRS', catalogue)).toEqual(['outbox-pattern', 'cqrs-pattern']);
    expect(titlePatterns('Transactional outbox, then the outbox pattern', catalogue)).toEqual(['outbox-pattern']);
    expect(titlePatterns('Use PostgreSQL', catalogue)).toEqual([]);
  });

  it('defaults to the format most of the folder uses, else madr', () => {
    expect(folderTemplate(['nygard', 'nygard', 'madr'])).toBe('nygard');
    expect(folderTemplate(['nygard', 'madr2'])).toBe('madr');
    expect(folderTemplate(['unknown'])).toBe('madr');
    expect(folderTemplate([])).toBe('madr');
  });
});

describe('createAdr', () => {
  it('numbers after the highest ADR of the folder (gaps, duplicates, an image named like an ADR)', () => {
    const root = project({ 'adr/0001-a.md': nygardAdr(1, 'A'), 'adr/0003-c.md': nygardAdr(3, 'C'), 'adr/0003-d.md': nygardAdr(3, 'D'), 'adr/0008-flow.png': 'PNG', 'adr/README.md': '# ADRs\n' });
    const adr = create(join(root, 'adr'), 'Use the outbox pattern');
    expect(adr.path).toBe(join(root, 'adr', '0004-use-the-outbox-pattern.md'));
    expect(readFileSync(adr.path, 'utf8')).toBe(adr.text);
  });

  it('keeps the folder\'s 3-digit numbers', () => {
    const root = project({ 'adr/001-a.md': nygardAdr(1, 'A'), 'adr/002-b.md': nygardAdr(2, 'B') });
    expect(create(join(root, 'adr'), 'Use Kafka').path).toBe(join(root, 'adr', '003-use-kafka.md'));
  });

  it('follows the folder\'s ADR-NNN- names (pass-emploi), beside its template', () => {
    const root = project({ 'adr/ADR-001-a.md': nygardAdr(1, 'A'), 'adr/ADR-002-b.md': nygardAdr(2, 'B'), 'adr/adr-template.md': '# Titre\n' });
    expect(create(join(root, 'adr'), 'Use Kafka').path).toBe(join(root, 'adr', 'ADR-003-use-kafka.md'));
  });

  it('makes a missing folder, and starts an empty one at 0001', () => {
    const root = project();
    const first = create(join(root, 'docs', 'adr'), 'Record architecture decisions');
    expect(first.path).toBe(join(root, 'docs', 'adr', '0001-record-architecture-decisions.md'));
    const empty = project({ 'adr/.keep': '' });
    expect(create(join(empty, 'adr'), 'First').number).toBe(1);
  });

  it('names by today\'s date in a log4brains folder, and never overwrites a same-day record', () => {
    const root = project({ 'adr/20240105-use-kafka.md': '# Use Kafka\n', 'adr/20240201-use-cqrs.md': '# Use CQRS\n', 'adr/template.md': '# Template\n' });
    const adr = create(join(root, 'adr'), 'Use the outbox pattern');
    expect(adr.path).toBe(join(root, 'adr', '20261124-use-the-outbox-pattern.md'));
    expect(adr.number).toBeNull();
    writeFileSync(adr.path, 'edited by hand\n');
    expect(() => create(join(root, 'adr'), 'Use the outbox pattern')).toThrow(/20261124-use-the-outbox-pattern\.md already exists/);
    expect(readFileSync(adr.path, 'utf8')).toBe('edited by hand\n');
  });

  it('two runs make two files', () => {
    const root = project();
    const folder = join(root, 'adr');
    const first = create(folder, 'Use the outbox pattern');
    const second = create(folder, 'Use the outbox pattern');
    expect(first.path).not.toBe(second.path);
    expect(readdirSync(folder).sort()).toEqual(['0001-use-the-outbox-pattern.md', '0002-use-the-outbox-pattern.md']);
  });

  it('writes the nygard template with the next number in the title', () => {
    const root = project({ 'adr/0001-a.md': nygardAdr(1, 'A') });
    const adr = create(join(root, 'adr'), 'Use Kafka', { template: 'nygard' });
    expect(adr.text.startsWith('# 2. Use Kafka\n\nDate: 2026-11-24\n\n## Status\n\nProposed\n')).toBe(true);
  });

  it('defaults to the folder\'s format: nygard for adr-tools records, madr otherwise', () => {
    const nygard = project({ 'adr/0001-a.md': nygardAdr(1, 'A'), 'adr/0002-b.md': nygardAdr(2, 'B') });
    expect(create(join(nygard, 'adr'), 'Use Kafka').template).toBe('nygard');
    const fresh = project();
    expect(create(join(fresh, 'adr'), 'Use Kafka').template).toBe('madr');
  });

  it('fills a template file', () => {
    const root = project({ 'tpl.md': '---\nstatus: {{status}}\npatterns: {{patterns}}\n---\n\n# {{title}}\n\nADR {{number}}, {{date}}.\n' });
    const adr = create(join(root, 'adr'), 'Use a saga', { template: { path: join(root, 'tpl.md') }, status: 'accepted' });
    expect(adr.template).toBe('file');
    expect(readFileSync(adr.path, 'utf8')).toBe('---\nstatus: accepted\npatterns: [saga-pattern]\n---\n\n# Use a saga\n\nADR 1, 2026-11-24.\n');
    expect(() => create(join(root, 'adr'), 'X', { template: { path: join(root, 'missing.md') } })).toThrow(UsageError);
  });

  it('writes the given status, and refuses one adr-status would report', () => {
    const root = project();
    const adr = create(join(root, 'adr'), 'Use Kafka', { status: 'accepted', template: 'madr' });
    expect(adr.text).toContain('\nstatus: accepted\n');
    // A synonym of a default status is taken as adr-status takes it: silently, as written.
    expect(create(join(root, 'adr'), 'Use Kafka', { status: 'approved', template: 'madr' }).text).toContain('\nstatus: approved\n');
    expect(() => create(join(root, 'adr'), 'Use Kafka', { status: 'maybe' })).toThrow(/--status "maybe" is not a known status; use one of proposed, accepted/);
    const exact = resolveConfig({ rules: { 'adr-status': ['error', { exactVocabulary: true }] } }, null, '/');
    expect(() => create(join(root, 'adr'), 'Use Kafka', { status: 'approved', config: exact })).toThrow(/^--status "approved" means "accepted"; use --status "accepted"$/);
    const custom = resolveConfig({ statuses: ['Draft', 'Approved'] }, null, '/');
    expect(create(join(root, 'adr'), 'Use Kafka', { status: 'Approved', config: custom }).text).toContain('\nstatus: Approved\n');
    expect(() => create(join(root, 'adr'), 'Use Kafka', { status: 'maybe', config: custom })).toThrow(/--status "maybe" is not a configured status; use one of Draft, Approved/);
    // No --status: the configured word for "proposed".
    expect(create(join(root, 'adr'), 'Use Kafka', { config: custom, template: 'madr' }).text).toContain('\nstatus: Draft\n');
  });

  it('takes the statuses the folder\'s template lists, unless the config gives its own', () => {
    const root = project({ 'adr/adr-template.md': '# [titre]\n\n* Statut: [proposé | rejeté | accepté | … | remplacé par [ADR-0005](0005-example.md)]\n\n## Contexte\n' });
    const folder = join(root, 'adr');
    expect(create(folder, 'Utiliser Kafka', { template: 'madr' }).text).toContain('\nstatus: proposé\n');
    expect(create(folder, 'Utiliser Kafka', { status: 'accepté', template: 'madr' }).text).toContain('\nstatus: accepté\n');
    expect(() => create(folder, 'Utiliser Kafka', { status: 'accepted' })).toThrow(/^--status "accepted" means "accepté"; use --status "accepté"$/);
    // The list ends open ("… |"): a word of the set's own is taken, a misspelt listed one is not.
    expect(create(folder, 'Utiliser Kafka', { status: 'mergé', template: 'madr' }).text).toContain('\nstatus: mergé\n');
    expect(() => create(folder, 'Utiliser Kafka', { status: 'acepté' })).toThrow(/--status "acepté" is not one of the statuses adr-template\.md lists; use one of proposé, rejeté, accepté, remplacé par/);
    const custom = resolveConfig({ statuses: ['proposed', 'accepted'] }, null, '/');
    expect(create(folder, 'Use Kafka', { status: 'accepted', config: custom, template: 'madr' }).text).toContain('\nstatus: accepted\n');
  });

  it('declares the patterns the title names', () => {
    const root = project();
    const adr = create(join(root, 'adr'), 'Use the outbox pattern and CQRS');
    expect(adr.patterns).toEqual(['outbox-pattern', 'cqrs-pattern']);
    expect(adr.text).toContain('\npatterns: [outbox-pattern, cqrs-pattern]\n');
  });

  it('follows the adr-filename pattern option, and says so when no name fits it', () => {
    const root = project();
    const threeDigits = resolveConfig({ rules: { 'adr-filename': ['warn', { pattern: '^\\d{3}-[a-z-]+\\.md$' }] } }, null, '/');
    expect(create(join(root, 'adr'), 'Use Kafka', { config: threeDigits }).path).toBe(join(root, 'adr', '001-use-kafka.md'));
    const impossible = resolveConfig({ rules: { 'adr-filename': ['warn', { pattern: '^ADR-\\d+\\.md$' }] } }, null, '/');
    expect(() => create(join(root, 'adr'), 'Use Kafka', { config: impossible })).toThrow(/matches the adr-filename pattern/);
  });

  it('warns when the name is one adrlint skips as a template, and not for an ADR about templates', () => {
    const root = project();
    expect(create(join(root, 'adr'), 'Template').warnings).toEqual([expect.stringMatching(/0001-template\.md is named like a template/)]);
    expect(create(join(root, 'adr'), 'Adopt a template engine').warnings).toEqual([]);
  });

  it('refuses a title without a letter or digit, and writes nothing on a dry run', () => {
    const root = project();
    expect(() => create(join(root, 'adr'), '?!')).toThrow(UsageError);
    const dry = create(join(root, 'adr'), 'Use Kafka', { dryRun: true });
    expect(dry.path).toBe(join(root, 'adr', '0001-use-kafka.md'));
    expect(existsSync(join(root, 'adr'))).toBe(false);
  });
});

describe('adrFolder', () => {
  it('the config\'s first adrs entry (a glob\'s folder), else the first usual folder that exists, else docs/adr', () => {
    const root = project({ 'doc/adr/0001-a.md': '# 1. A\n', 'decisions/0001-b.md': '# 1. B\n' });
    expect(adrFolder(root, resolveConfig({}, null, root))).toBe(join(root, 'doc', 'adr'));
    expect(adrFolder(root, resolveConfig({ adrs: ['decisions', 'other'] }, join(root, '.adrlintrc.yml'), root))).toBe(join(root, 'decisions'));
    expect(adrFolder(root, resolveConfig({ adrs: 'records/**/*.md' }, join(root, '.adrlintrc.yml'), root))).toBe(join(root, 'records'));
    expect(adrFolder(project(), defaults).endsWith(join('docs', 'adr'))).toBe(true);
  });
});

/** The problems lintProject finds in the folder, as "file rule: message". */
async function problems(root: string, paths: string[] = []): Promise<string[]> {
  const outcome = await lintProject({ cwd: root, paths, concurrency: 'off' });
  return outcome.results.flatMap((result) => result.messages.map((m) => `${result.filePath.slice(root.length + 1)} ${m.ruleId}: ${m.message}`));
}

describe('a new ADR lints clean', () => {
  const titles = ['Use the outbox pattern and CQRS', 'Coordinate orders with a saga', 'Use PostgreSQL'];

  it.each(['madr', 'nygard'] as const)('%s, under the default config and under strict with pattern-unmentioned on', async (template) => {
    const root = project({ '.git/HEAD': 'ref: refs/heads/main\n' });
    for (const title of titles) create(join(root, 'docs', 'adr'), title, { template, config: loadConfig(root) });
    expect(await problems(root)).toEqual([]);
    writeFileSync(join(root, '.adrlintrc.yml'), 'extends: strict\nrules:\n  pattern-unmentioned: error\n');
    expect(await problems(root)).toEqual([]);
  });

  it('in the date-named log4brains folder and beside the adr-tools and madr records of the corpus', async () => {
    if (!existsSync(CORPUS)) return;
    for (const folder of ['log4brains', 'adr-tools', 'madr']) {
      const root = project({ '.git/HEAD': 'ref: refs/heads/main\n' });
      cpSync(join(CORPUS, folder), join(root, 'adr'), { recursive: true });
      const adr = create(join(root, 'adr'), 'Use the outbox pattern', { config: loadConfig(root) });
      expect(await problems(root, [adr.path])).toEqual([]);
    }
  });
});

describe('adrlint new (CLI)', () => {
  function io(cwd: string, now = Date.UTC(2026, 10, 24, 12)): CliIo & { out: string; err: string } {
    const sink = {
      cwd,
      env: {},
      now: () => now,
      out: '',
      err: '',
      stdout: { write: (text: string) => (sink.out += text) },
      stderr: { write: (text: string) => (sink.err += text) },
    };
    return sink;
  }

  it('writes the next ADR of the usual folder and prints its path', async () => {
    const root = project({ 'docs/adr/0001-a.md': nygardAdr(1, 'A') });
    const first = io(root);
    expect(await runCli(['new', 'Use the outbox pattern'], first)).toBe(0);
    expect(first.out).toBe(`${join('docs', 'adr', '0002-use-the-outbox-pattern.md')}\n`);
    expect(first.err).toBe('');
    // Unquoted words are one title; a second run makes a second file.
    const second = io(root);
    expect(await runCli(['new', 'Use', 'the', 'outbox', 'pattern', '--template', 'madr', '--status', 'accepted'], second)).toBe(0);
    expect(second.out).toBe(`${join('docs', 'adr', '0003-use-the-outbox-pattern.md')}\n`);
    expect(readFileSync(join(root, 'docs', 'adr', '0003-use-the-outbox-pattern.md'), 'utf8')).toMatch(/^---\nstatus: accepted\ndate: 2026-11-24\npatterns: \[outbox-pattern\]\n---\n/);
  });

  it('--folder, --dry-run and a template file', async () => {
    const root = project({ 'templates/adr.md': '# {{number}}. {{title}}\n' });
    const run = io(root);
    expect(await runCli(['new', 'Use Kafka', '--folder', 'records', '--template', 'templates/adr.md', '--dry-run'], run)).toBe(0);
    expect(run.out).toBe(`${join('records', '0001-use-kafka.md')} (dry run: not written)\n\n# 1. Use Kafka\n`);
    expect(existsSync(join(root, 'records'))).toBe(false);
  });

  it('exits 2 on a missing title, an unknown template or status, and options of new given elsewhere', async () => {
    const root = project();
    const cases: Array<[string[], RegExp]> = [
      [['new'], /needs a title/],
      [['new', 'X', '--template', 'fancy'], /--template takes madr, nygard or a template file/],
      [['new', 'X', '--status', 'maybe'], /not a known status/],
      [['new', 'X', '--format', 'json'], /"adrlint new" takes a title.*not --format/],
      [['docs', '--template', 'madr'], /--template is an option of "adrlint new"/],
    ];
    for (const [argv, message] of cases) {
      const run = io(root);
      expect(await runCli(argv, run)).toBe(2);
      expect(run.err).toMatch(message);
    }
    expect(existsSync(join(root, 'docs'))).toBe(false);
  });
});
