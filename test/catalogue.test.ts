import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInCatalogueText, catalogueWithUser, CatalogueError, parseCatalogueSource } from '../src/io/catalogue-file.ts';
import { parseAdr } from '../src/parse/parse-adr.ts';

const SEED = new URL('../../shared/seed/000_394e971c070d8c36.txt', import.meta.url);

describe('built-in catalogue', () => {
  const catalogue = catalogueWithUser(null, null);

  it('passes its JSON Schema', () => {
    expect(() => parseCatalogueSource('data/catalogue.yaml', builtInCatalogueText())).not.toThrow();
  });

  it('has 12 complete patterns, each with aliases and an https url', () => {
    expect(catalogue.patterns).toHaveLength(12);
    for (const pattern of catalogue.patterns) {
      expect(pattern.code).toMatch(/^\d\d$/);
      expect(pattern.description.length).toBeGreaterThan(20);
      expect(pattern.url).toMatch(/^https:\/\//);
      expect(pattern.aliases.length).toBeGreaterThan(0);
      expect(catalogue.categories).toContain(pattern.category);
    }
  });

  it('lists exactly the categories the patterns use', () => {
    expect(new Set(catalogue.categories)).toEqual(new Set(catalogue.patterns.map((p) => p.category)));
  });

  describe.skipIf(!existsSync(SEED))('matches the seed verbatim', () => {
    it('has every seed row', () => {
      const rows = readFileSync(SEED, 'utf8')
        .split('\n')
        .filter((line) => /^\| \d\d \|/.test(line))
        .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
      expect(rows).toHaveLength(12);
      expect(catalogue.patterns.map((p) => [p.code, p.slug, p.name, p.description, p.category])).toEqual(rows);
    });
  });

  it('resolves slugs, names, codes and aliases in any case', () => {
    expect(catalogue.resolve('saga-pattern')).toMatchObject({ form: 'slug', pattern: { slug: 'saga-pattern' } });
    expect(catalogue.resolve('Saga Pattern')).toMatchObject({ form: 'name', pattern: { slug: 'saga-pattern' } });
    expect(catalogue.resolve('05')).toMatchObject({ form: 'code', pattern: { slug: 'cqrs-pattern' } });
    expect(catalogue.resolve('command query responsibility segregation')).toMatchObject({ form: 'alias', pattern: { slug: 'cqrs-pattern' } });
    expect(catalogue.resolve('SAGA-PATTERN')).toMatchObject({ pattern: { slug: 'saga-pattern' } });
    expect(catalogue.resolve('nothing-like-it')).toBeNull();
  });

  it('suggests up to three close slugs, closest first', () => {
    expect(catalogue.suggestSlugs('sagapattern')).toEqual(['saga-pattern']);
    expect(catalogue.suggestSlugs('event-sourcing')[0]).toBe('event-sourcing-pattern');
    expect(catalogue.suggestSlugs('xyzzy')).toEqual([]);
    expect(catalogue.suggestSlugs('pattern').length).toBeLessThanOrEqual(3);
  });
});

describe('user catalogue', () => {
  it('adds patterns and categories', () => {
    const catalogue = catalogueWithUser(
      'patterns.yaml',
      'categories: [Security Pattern]\npatterns:\n  - slug: zero-trust\n    name: Zero Trust\n    category: Security Pattern\n    aliases: [zero trust architecture]\n',
    );
    expect(catalogue.patterns).toHaveLength(13);
    expect(catalogue.get('zero-trust')?.category).toBe('Security Pattern');
    expect(catalogue.findMentions('We adopt a zero trust architecture.')).toEqual([{ slug: 'zero-trust', index: 11, text: 'zero trust architecture' }]);
  });

  it('overrides aliases and url of a built-in pattern by slug', () => {
    const catalogue = catalogueWithUser('patterns.yaml', 'patterns:\n  - slug: saga-pattern\n    aliases: [process manager]\n    url: https://example.org/saga\n');
    expect(catalogue.get('saga-pattern')).toMatchObject({ aliases: ['process manager'], url: 'https://example.org/saga', name: 'Saga Pattern' });
    expect(catalogue.findMentions('a process manager').map((m) => m.slug)).toEqual(['saga-pattern']);
  });

  it('replaces the built-in catalogue with extendsBuiltIn: false', () => {
    const catalogue = catalogueWithUser('patterns.yaml', 'extendsBuiltIn: false\ncategories: [Ours]\npatterns:\n  - slug: ours\n    name: Ours\n    category: Ours\n');
    expect(catalogue.patterns.map((p) => p.slug)).toEqual(['ours']);
    expect(catalogue.categories).toEqual(['Ours']);
  });

  it.each([
    ['patterns:\n  - slug: Not A Slug\n    name: X\n    category: Data Pattern\n', /patterns\.yaml: 2:11: patterns\[0\] \(Not A Slug\): patterns\.0\.slug: must match pattern/],
    ['patterns:\n  - slug: new-one\n    name: New\n    category: Nowhere\n', /^patterns\.yaml: 4:15: patterns\[0\] \(new-one\): category "Nowhere" is not in the catalogue's categories/],
    ['patterns:\n  - slug: new-one\n    category: Data Pattern\n', /^patterns\.yaml: 2:5: patterns\[0\] \(new-one\): a new pattern needs a name$/],
    ['patterns:\n  - slug: saga-pattern\n    name: Renamed\n', /^patterns\.yaml: 3:5: patterns\[0\] \(saga-pattern\): a built-in pattern may only have its aliases, excludes and url overridden, not name$/],
    ['patterns:\n  - slug: x-y\n    name: X\n    category: Data Pattern\n    code: "05"\n', /^patterns\.yaml: 5:11: patterns\[0\] \(x-y\): code "05" is already used by cqrs-pattern$/],
    ['patterns:\n  - slug: x\n    colour: red\n', /^patterns\.yaml: 3:5: patterns\[0\] \(x\): patterns\.0: unknown key "colour"$/],
    ['patterns: [\n', /patterns\.yaml: \d+:\d+: invalid YAML/],
  ])('rejects a broken file with a message naming it, the line and the entry: %#', (text, message) => {
    let caught: unknown;
    try {
      catalogueWithUser('patterns.yaml', text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CatalogueError);
    expect((caught as Error).message).toMatch(message);
  });
});

describe('a user catalogue with several mistakes', () => {
  const text = [
    'categories: [Security Pattern]', // 1
    'patterns:', // 2
    '  - slug: Zero Trust', // 3: not a slug (the schema)
    '    name: Zero Trust',
    '    category: Security Pattern',
    '  - slug: mtls', // 6
    '    name: Mutual TLS',
    '    category: Security Patern', // 8: a typo of a category
    '  - slug: saga-pattern', // 9
    '    name: Sagas', // 10: a built-in pattern renamed
    '  - slug: waf',
    '    name: Web Application Firewall',
    '    category: Security Pattern',
    '',
  ].join('\n');

  it('reports every mistake at once, one line each, at its line, in file order', () => {
    let caught: unknown;
    try {
      catalogueWithUser('patterns.yaml', text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CatalogueError);
    expect((caught as CatalogueError).lines).toEqual([
      'patterns.yaml: 3:11: patterns[0] (Zero Trust): patterns.0.slug: must match pattern "^[a-z0-9]+(?:-[a-z0-9]+)*$"',
      'patterns.yaml: 8:15: patterns[1] (mtls): category "Security Patern" is not in the catalogue\'s categories (Service Decomposition Pattern, Communication Pattern, Enterprise Pattern, Data Pattern, Transaction Pattern, Deployment Pattern, Migration Pattern, Fault Tolerance Pattern, Security Pattern); did you mean "Security Pattern"?',
      'patterns.yaml: 10:5: patterns[2] (saga-pattern): a built-in pattern may only have its aliases, excludes and url overridden, not name',
    ]);
    expect((caught as Error).message).toBe((caught as CatalogueError).lines.join('\n'));
  });

  it('reports each invalid YAML error at its line', () => {
    expect(() => catalogueWithUser('patterns.yaml', 'patterns:\n  - slug: [a\n  - slug: b: c\n')).toThrow(/^patterns\.yaml: \d+:\d+: invalid YAML/);
  });
});

/** The message lines of the CatalogueError a user catalogue's text throws. */
function catalogueErrors(text: string): string[] {
  try {
    catalogueWithUser('patterns.yaml', text);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueError);
    return (error as CatalogueError).lines;
  }
  throw new Error('the catalogue was accepted');
}

describe('a slug defined more than once', () => {
  it('names the slug and both lines, once, at the second entry', () => {
    const text = [
      'categories: [Security Pattern]', // 1
      'patterns:', // 2
      '  - slug: zero-trust', // 3
      '    name: Zero Trust',
      '    category: Security Pattern',
      '  - slug: zero-trust', // 6
      '    name: Zero Trust Network',
      '    category: Security Pattern',
      '',
    ].join('\n');
    expect(catalogueErrors(text)).toEqual(['patterns.yaml: 6:11: patterns[1] (zero-trust): slug "zero-trust" is defined twice (lines 3 and 6)']);
  });

  it('says so for a built-in slug overridden twice, not that a built-in pattern may only have its aliases overridden', () => {
    const text = 'patterns:\n  - slug: saga-pattern\n    aliases: [saga]\n  - slug: saga-pattern\n    url: https://example.org/saga\n  - slug: saga-pattern\n    aliases: [process manager]\n';
    expect(catalogueErrors(text)).toEqual(['patterns.yaml: 4:11: patterns[1] (saga-pattern): slug "saga-pattern" is defined 3 times (lines 2, 4 and 6)']);
  });
});

describe('a term another pattern already has', () => {
  const user = (entries: string) => `categories: [Security Pattern]\npatterns:\n${entries}`;

  it('an alias that is another new pattern’s alias, in another case: both named, with their lines', () => {
    const text = user(
      [
        '  - slug: zero-trust', // 3
        '    name: Zero Trust',
        '    category: Security Pattern',
        '    aliases: [ZTA]', // 6
        '  - slug: zero-trust-network', // 7
        '    name: Zero Trust Network',
        '    category: Security Pattern',
        '    aliases:',
        '      - zta', // 11
        '',
      ].join('\n'),
    );
    expect(catalogueErrors(text)).toEqual(['patterns.yaml: 11:9: patterns[1] (zero-trust-network): alias "zta" is also the alias "ZTA" of zero-trust (line 6)']);
  });

  it('an alias that is a built-in pattern’s name or alias, a hyphen standing for a space', () => {
    const text = user('  - slug: process-manager\n    name: Process Manager\n    category: Security Pattern\n    aliases: [saga, Event-Sourcing Pattern]\n');
    expect(catalogueErrors(text)).toEqual([
      'patterns.yaml: 6:15: patterns[0] (process-manager): alias "saga" is also an alias of saga-pattern (built-in catalogue)',
      'patterns.yaml: 6:21: patterns[0] (process-manager): alias "Event-Sourcing Pattern" is also the name "Event Sourcing Pattern" of event-sourcing-pattern (built-in catalogue)',
    ]);
  });

  it('a name that is another pattern’s slug', () => {
    const text = user('  - slug: mtls\n    name: Mutual TLS\n    category: Security Pattern\n  - slug: tls-both-ways\n    name: MTLS\n    category: Security Pattern\n');
    expect(catalogueErrors(text)).toEqual(['patterns.yaml: 7:11: patterns[1] (tls-both-ways): name "MTLS" is also the slug of mtls (line 3)']);
  });

  it('a new slug that reads as another pattern’s name', () => {
    const text = user('  - slug: mtls\n    name: Mutual TLS\n    category: Security Pattern\n  - slug: mutual-tls\n    name: Mutual Transport Layer Security\n    category: Security Pattern\n');
    expect(catalogueErrors(text)).toEqual(['patterns.yaml: 6:11: patterns[1] (mutual-tls): slug "mutual-tls" is also the name "Mutual TLS" of mtls (line 4)']);
  });

  it('an alias given to a built-in pattern that another built-in pattern has', () => {
    expect(catalogueErrors('patterns:\n  - slug: saga-pattern\n    aliases: [saga, CQRS]\n')).toEqual([
      'patterns.yaml: 3:21: patterns[0] (saga-pattern): alias "CQRS" is also an alias of cqrs-pattern (built-in catalogue)',
    ]);
  });

  it('accepts a term once its built-in holder lost it to an override, and a pattern repeating its own name', () => {
    const text = user('  - slug: saga-pattern\n    aliases: [saga orchestration]\n  - slug: process-manager\n    name: Process Manager\n    category: Security Pattern\n    aliases: [saga, process-manager, Process Manager]\n');
    const catalogue = catalogueWithUser('patterns.yaml', text);
    expect(catalogue.findMentions('a saga and a saga orchestration').map((m) => m.slug)).toEqual(['process-manager', 'saga-pattern']);
  });
});

describe('catalogue messages stay short', () => {
  it('cuts a long value and does not list thousands of categories', () => {
    const categories = Array.from({ length: 2000 }, (_, i) => `Category ${i}`);
    const long = 'x'.repeat(5000);
    const text = `categories: [${categories.join(', ')}]\npatterns:\n  - slug: zero-trust\n    name: Zero Trust\n    category: ${long}\n`;
    const [line, ...rest] = catalogueErrors(text);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^patterns\.yaml: 5:15: patterns\[0\] \(zero-trust\): category "x{59}…" is not in the catalogue's categories$/);
  });
});

// Issue #12: 5,000 patterns × 3 aliases made every ADR fail with "Regular expression too large"
// (and the 1.3 MB regex in the message); 2,000 patterns took 7 s for one small file.
describe('a catalogue of 10,000 patterns, each with three aliases', () => {
  const count = 10_000;
  const entries = Array.from({ length: count }, (_, i) =>
    [`  - slug: generated-${i}`, `    name: Generated Pattern ${i}`, '    category: Data Pattern', `    aliases: [gen ${i} mesh, gen ${i} grid-relay, GX${i.toString(36).toUpperCase()}]`].join('\n'),
  );
  const catalogue = catalogueWithUser('patterns.yaml', `patterns:\n${entries.join('\n')}\n`);

  it('finds mentions of the first and the last patterns, their plurals and acronyms, and the built-in ones', () => {
    const last = (count - 1).toString(36).toUpperCase();
    const text = `We use a saga, CQRS, a Generated Pattern 0, two gen 9999 grid relays and GX${last}; not gen 9999 meshy.`;
    expect(catalogue.findMentions(text).map(({ slug, text }) => [slug, text])).toEqual([
      ['saga-pattern', 'saga'],
      ['cqrs-pattern', 'CQRS'],
      ['generated-0', 'Generated Pattern 0'],
      ['generated-9999', 'gen 9999 grid relays'],
      ['generated-9999', `GX${last}`],
    ]);
  });

  it('suggests the slug a reference is a typo of, among 10,000', () => {
    expect(catalogue.suggestSlugs('generatd-9999')[0]).toBe('generated-9999');
    expect(catalogue.typoOf('generated-99999')).toBeNull();
    expect(catalogue.typoOf('sagapattern')).toBe('saga-pattern');
  });

  it('parses a small ADR with it well under the issue’s 0.5 s of matching', () => {
    const markdown = `# 1. Use a saga\n\n## Context\n\n${'A saga with CQRS and a gen 42 mesh; the order service stays small. '.repeat(20)}\n`;
    const started = performance.now();
    const adr = parseAdr('/adr/0001-use-a-saga.md', markdown, catalogue);
    // The issue's own bound (0.5 s for one small file); the matching takes a few milliseconds.
    expect(performance.now() - started).toBeLessThan(500);
    expect(adr.mentions).toHaveLength(61);
  });
});
