// The set's own conventions, read before it is judged: template names, the template's sections and
// statuses, and whether the set declares `patterns`.
import { describe, expect, it } from 'vitest';
import { conventionsFingerprint, conventionsOfRecords, declaresPatterns, folderConventions, missingPatternPages, templateStatuses, templateStatusesOpen, withPatternPages } from '../src/parse/conventions.ts';
import { isNumberedFolder, isNumberedName, isTemplateName } from '../src/model/naming.ts';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { memoryProject } from '../src/io/project-index.ts';
import { markdownAnchors } from '../src/parse/record.ts';

describe('isTemplateName', () => {
  it.each(['template.md', 'TEMPLATE.md', '0000-template.md', '000-template.md', 'adr-template.md', '0000-adr-template.md', '0000-TEMPLATE.md', 'template-madr.md', '0000-modele-adr.md', 'adr_template.markdown'])(
    '%s is a template',
    (name) => expect(isTemplateName(name)).toBe(true),
  );
  it.each(['0039-use-apache-velocity-as-template-engine.md', '0010-django-templates.md', '0001-record-architecture-decisions.md', 'templating.md', 'adr.md'])(
    '%s is not a template',
    (name) => expect(isTemplateName(name)).toBe(false),
  );
});

describe('numbered names and folders', () => {
  it.each(['0001-use-kafka.md', '0001.md', '12-x.markdown', 'ADR-001-x.md', 'adr_001_x.md', 'ADR0001.md', '20200924-use-markdown.md', '2020-09-24-x.md', '0002.draft.md'])(
    '%s carries a number or a date',
    (name) => expect(isNumberedName(name)).toBe(true),
  );
  it.each(['install.md', 'use-kafka.md', 'keep.draft.md', 'glossary-2024.md', 'architecture-decisions.md'])('%s does not', (name) => expect(isNumberedName(name)).toBe(false));

  it('a folder is numbered when at least two names, and most of them, carry a number', () => {
    expect(isNumberedFolder(['0001-a.md', '0002-b.md', 'install.md'])).toBe(true);
    expect(isNumberedFolder(['0001-a.md', 'install.md'])).toBe(false);
    expect(isNumberedFolder(['0001-a.md', '0002-b.md', 'install.md', 'usage.md'])).toBe(false);
    expect(isNumberedFolder(['use-kafka.md', 'use-grpc.md'])).toBe(false);
    expect(isNumberedFolder([])).toBe(false);
  });
});

describe('declaresPatterns', () => {
  it('sees a top-level patterns key in the frontmatter only', () => {
    expect(declaresPatterns('---\ntitle: x\npatterns: [saga-pattern]\n---\n# X\n')).toBe(true);
    expect(declaresPatterns('\uFEFF---\r\npatterns:\r\n  - saga-pattern\r\n---\r\n# X\r\n')).toBe(true);
    expect(declaresPatterns('---\ntitle: x\n  patterns: nested\n---\n# X\n')).toBe(false);
    expect(declaresPatterns('# X\n\npatterns: not frontmatter\n')).toBe(false);
  });
});

describe('templateStatuses', () => {
  it('reads the alternatives of a status line, a status bullet or the line under a Status heading', () => {
    expect(templateStatuses('---\nstatus: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}"\n---\n')).toEqual([
      'proposed',
      'rejected',
      'accepted',
      'deprecated',
      'superseded by',
    ]);
    expect(templateStatuses('* Statut: [proposé | rejeté | accepté | déprécié | … | remplacé par [ADR-0005](0005-example.md)] <!-- optionnel -->\n')).toEqual([
      'proposé',
      'rejeté',
      'accepté',
      'déprécié',
      'remplacé par',
    ]);
    expect(templateStatuses('# Title\n\n## Status\n\nProposed | Accepted | Deprecated | Superseded\n')).toEqual(['Proposed', 'Accepted', 'Deprecated', 'Superseded']);
    expect(templateStatuses('## Status\n\nAccepted\n')).toBeNull();
    // MADR 4 keeps the list in a commented-out frontmatter key.
    expect(templateStatuses('---\n# status: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123"\n---\n')).toEqual([
      'proposed',
      'rejected',
      'accepted',
      'deprecated',
      'superseded by',
    ]);
  });

  it('a list with "…", "..." or "etc" is open', () => {
    expect(templateStatusesOpen('* Status: [proposed | accepted | … | superseded by [x](x.md)]\n')).toBe(true);
    expect(templateStatusesOpen('status: proposed | accepted | ... \n')).toBe(true);
    expect(templateStatusesOpen('## Status\n\nProposed | Accepted | Deprecated | Superseded\n')).toBe(false);
    expect(templateStatusesOpen('# Title\n')).toBe(false);
  });
});

describe('folderConventions', () => {
  it('reads the template: its H2 sections (and H1s after its title), optional ones marked, placeholders left out', () => {
    const template = [
      '# {short title}',
      '',
      '## Context and Problem Statement',
      '',
      '{context}',
      '',
      '<!-- This is an optional element. Feel free to remove. -->',
      '## Decision Drivers',
      '',
      '## Considered Options',
      '',
      '## Decision Outcome',
      '',
      '### Consequences',
      '',
      '## More Information <!-- optional -->',
      '',
      '# Notes',
      '',
    ].join('\n');
    const conventions = folderConventions([{ path: '/a/0001-x.md', source: '# X\n' }], { path: '/a/template.md', source: template });
    expect(conventions).toEqual({
      patternsAdopted: false,
      template: {
        path: '/a/template.md',
        sections: [
          { title: 'Context and Problem Statement', depth: 2, optional: false, droppedBySet: false },
          { title: 'Decision Drivers', depth: 2, optional: true, droppedBySet: false },
          { title: 'Considered Options', depth: 2, optional: false, droppedBySet: false },
          { title: 'Decision Outcome', depth: 2, optional: false, droppedBySet: false },
          { title: 'More Information', depth: 2, optional: true, droppedBySet: false },
          { title: 'Notes', depth: 1, optional: false, droppedBySet: false },
        ],
        statuses: null,
        statusesOpen: false,
        h1Count: 2,
        titlePlaceholders: ['{short title}'],
      },
    });
  });

  it('marks a template section that fewer than half of 3 or more records write as dropped by the set', () => {
    const template = { path: '/a/template.md', source: '# [title]\n\n## Contexte\n\n## Solutions Étudiées\n\n## Résultat de la Décision\n' };
    const record = (name: string, body: string) => ({ path: `/a/${name}.md`, source: `# ${name}\n\n${body}` });
    const dropped = (adrs: Array<{ path: string; source: string }>) =>
      folderConventions(adrs, template).template!.sections.filter((section) => section.droppedBySet).map((section) => section.title);
    const three = [
      record('1', '## Contexte et définition du problème\n\n## Résultat de la Décision\n'),
      // A heading in a code block is no section.
      record('2', '## Contexte\n\n```md\n## Solutions Étudiées\n```\n\n## Décision\n'),
      // A combined heading is each section it names, in any language.
      record('3', '## Context\n\n## Options and Decision Outcome\n'),
    ];
    expect(dropped(three)).toEqual(['Solutions Étudiées']);
    // Two records are no habit: the template is followed as written.
    expect(dropped(three.slice(1))).toEqual([]);
    // Half of four is not fewer than half.
    expect(dropped([...three, record('4', '## Contexte\n\n## Solutions Étudiées\n\n## Décision\n')])).toEqual([]);
  });

  it('a set adopts patterns when one of its ADRs declares them; the fingerprint changes with the conventions', () => {
    const plain = folderConventions([{ path: '/a/0001-x.md', source: '# X\n' }], null);
    const adopted = folderConventions([{ path: '/a/0001-x.md', source: '# X\n' }, { path: '/a/0002-y.md', source: '---\npatterns: []\n---\n# Y\n' }], null);
    expect(plain.patternsAdopted).toBe(false);
    expect(adopted.patternsAdopted).toBe(true);
    expect(conventionsFingerprint(plain)).toBe('');
    expect(conventionsFingerprint(adopted)).not.toBe('');
  });
});

describe('missingPatternPages', () => {
  const catalogue = catalogueWithUser(null, null);
  const project = memoryProject('/repo', { '/repo/docs/patterns/saga-pattern.md': '# Saga\n', '/repo/docs/patterns/cqrs-pattern.md': '# CQRS\n' }, markdownAnchors);
  const folder = '/repo/docs/adr';

  it('lists the patterns whose templated page, from the folder, is not there', () => {
    const missing = missingPatternPages(folder, { linkTemplate: '../patterns/{slug}.md', catalogue, project });
    expect(missing).toHaveLength(catalogue.patterns.length - 2);
    expect(missing).not.toContain('saga-pattern');
    expect(missing).toContain('outbox-pattern');
    // From the repository root, the same.
    expect(missingPatternPages(folder, { linkTemplate: '/docs/patterns/{slug}.md', catalogue, project })).toEqual(missing);
  });

  it('is empty for a URL template or none', () => {
    expect(missingPatternPages(folder, { linkTemplate: 'https://wiki.example/{slug}', catalogue, project })).toEqual([]);
    expect(missingPatternPages(folder, { linkTemplate: null, catalogue, project })).toEqual([]);
  });

  it('goes into the conventions (and their fingerprint) only when some page is missing', () => {
    const plain = folderConventions([{ path: `${folder}/0001-x.md`, source: '# X\n' }], null);
    expect(withPatternPages(plain, folder, { linkTemplate: 'https://wiki.example/{slug}', catalogue, project })).toBe(plain);
    const missing = withPatternPages(plain, folder, { linkTemplate: '../patterns/{slug}.md', catalogue, project });
    expect(missing.missingPatternPages).toContain('outbox-pattern');
    expect(conventionsFingerprint(missing)).not.toBe('');
  });
});

describe('conventionsOfRecords', () => {
  it("adopts patterns for an in-memory lint when the linted text has the key, whatever it declares", () => {
    expect(conventionsOfRecords([]).patternsAdopted).toBe(false);
    expect(conventionsOfRecords([], { text: '---\npatterns: [sagapatern]\n---\n# X\n' }).patternsAdopted).toBe(true);
    expect(conventionsOfRecords([], { text: '# X\n\npatterns: [saga-pattern]\n' }).patternsAdopted).toBe(false);
  });
});
