import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInCatalogueText, catalogueWithUser, CatalogueError, parseCatalogueSource } from '../src/catalogue.ts';

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
