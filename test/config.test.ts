import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, mergeRules, resolveConfig } from '../src/run/config.ts';
import { overrideRules } from '../src/run/rule-flag.ts';
import { findConfigFile } from '../src/io/config-file.ts';
import { ConfigError } from '../src/model/config.ts';
import { rules } from '../rules/index.ts';
import { readFileSync } from 'node:fs';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'adrlint-config-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

function configError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('defaults to the recommended preset', () => {
    const config = resolveConfig({}, null, '/');
    for (const rule of rules) expect(config.rules[rule.meta.id]?.severity).toBe(rule.meta.defaultSeverity);
    expect(config.statuses).toEqual(['proposed', 'accepted', 'rejected', 'deprecated', 'superseded']);
    expect(config.statusesGiven).toBe(false);
  });

  it('turns every rule on as an error with strict, and rules override presets', () => {
    const config = resolveConfig({ extends: 'strict', rules: { 'pattern-link': 'off', 'pattern-undeclared': 1 } }, null, '/');
    expect(config.rules['pattern-unmentioned']?.severity).toBe('error');
    expect(config.rules['pattern-link']?.severity).toBe('off');
    expect(config.rules['pattern-undeclared']?.severity).toBe('warn');
  });

  it('remembers the rules the config asks for by name or by a preset that names them', () => {
    expect(resolveConfig({}, null, '/').explicitRules).toEqual([]);
    // madr names adr-sections only through its options; a catalogue or statuses name no rule.
    expect(resolveConfig({ extends: 'madr', catalogue: 'p.yml' }, null, '/').explicitRules).toEqual([]);
    expect(resolveConfig({ extends: 'strict' }, null, '/').explicitRules).toEqual(rules.map((rule) => rule.meta.id));
    const named = resolveConfig({ rules: { 'pattern-link': 'off', 'pattern-undeclared': 'warn' } }, null, '/');
    expect(named.explicitRules).toEqual(['pattern-undeclared', 'pattern-link']);
    expect(overrideRules(resolveConfig({}, null, '/'), ['pattern-link:warn']).explicitRules).toEqual(['pattern-link']);
    expect(mergeRules(named, { 'pattern-slug': 'warn' }, 'plugin').explicitRules).toEqual(['pattern-slug', 'pattern-undeclared', 'pattern-link']);
  });

  it('has madr and nygard presets: recommended, with adr-sections checking that template', () => {
    const madr = resolveConfig({ extends: 'madr' }, null, '/');
    expect(madr.rules['adr-sections']).toEqual({ severity: 'warn', options: { template: 'madr' } });
    expect(madr.rules['pattern-unmentioned']?.severity).toBe('off');
    const strictNygard = resolveConfig({ extends: ['strict', 'nygard'], rules: { 'adr-sections': 'error' } }, null, '/');
    expect(strictNygard.rules['adr-sections']).toEqual({ severity: 'error', options: { template: 'nygard' } });
    expect(strictNygard.rules['pattern-unmentioned']?.severity).toBe('error');
    const own = resolveConfig({ extends: 'nygard', rules: { 'adr-sections': ['warn', { template: ['Context', 'Decision'] }] } }, null, '/');
    expect(own.rules['adr-sections']?.options).toEqual({ template: ['Context', 'Decision'] });
    expect(configError(() => resolveConfig({ extends: 'adr-tools' }, 'x.yml', '/'))).toMatch(/x\.yml: extends/);
  });

  it('takes [severity, options] and validates options against the rule schema', () => {
    const config = resolveConfig({ rules: { 'pattern-undeclared': ['error', { minMentions: 2 }] } }, null, '/');
    expect(config.rules['pattern-undeclared']).toEqual({ severity: 'error', options: { minMentions: 2 } });
    expect(configError(() => resolveConfig({ rules: { 'pattern-undeclared': ['error', { minMentions: 0 }] } }, 'x.yml', '/'))).toMatch(
      /x\.yml: rules\.pattern-undeclared options: minMentions: must be >= 1/,
    );
    expect(configError(() => resolveConfig({ rules: { 'pattern-slug': ['error', { a: 1 }] } }, 'x.yml', '/'))).toMatch(/takes no options/);
  });

  it('names the file, the line and the key of a mistake', () => {
    const root = folder({ '.adrlintrc.yml': 'adrs: docs/adr\nrules:\n  pattern-slugg: error\n' });
    expect(configError(() => loadConfig(root))).toMatch(/\.adrlintrc\.yml: 3:3: rules: unknown rule "pattern-slugg"; did you mean "pattern-slug"\?/);
    const bad = folder({ '.adrlintrc.yml': 'rules:\n  pattern-slug: loud\n' });
    expect(configError(() => loadConfig(bad))).toMatch(/rules\.pattern-slug: severity must be off, warn or error/);
    const unknownKey = folder({ '.adrlintrc.yml': 'adrs: docs\nplugins: [x]\n' });
    expect(configError(() => loadConfig(unknownKey))).toMatch(/unknown key "plugins"/);
    const badYaml = folder({ '.adrlintrc.yml': 'rules: [\n' });
    expect(configError(() => loadConfig(badYaml))).toMatch(/\.adrlintrc\.yml: \d+:\d+: invalid YAML/);
  });

  it('finds the nearest config upward, including package.json#adrlint', () => {
    const root = folder({ 'package.json': JSON.stringify({ name: 'x', adrlint: { statuses: ['open', 'closed'] } }), 'a/b/.keep': '' });
    expect(findConfigFile(join(root, 'a/b'))).toBe(join(root, 'package.json'));
    expect(loadConfig(join(root, 'a/b')).statuses).toEqual(['open', 'closed']);
    expect(loadConfig(join(root, 'a/b')).statusesGiven).toBe(true);
    const plain = folder({ 'package.json': '{"name":"x"}', 'a/.adrlintrc.json': '{"linkTemplate":"../p/{slug}.md"}' });
    expect(loadConfig(join(plain, 'a')).linkTemplate).toBe('../p/{slug}.md');
    expect(findConfigFile(plain)).toBeNull();
  });

  it('resolves the catalogue path against the config file', () => {
    const root = folder({ 'cfg/.adrlintrc.yaml': 'catalogue: ../patterns.yaml\n' });
    expect(loadConfig(join(root, 'cfg')).catalogue).toBe(join(root, 'patterns.yaml'));
  });

  it('applies --rule overrides and rejects bad ones', () => {
    const config = overrideRules(resolveConfig({}, null, '/'), ['pattern-link:off', 'pattern-unmentioned=2']);
    expect(config.rules['pattern-link']?.severity).toBe('off');
    expect(config.rules['pattern-unmentioned']?.severity).toBe('error');
    expect(configError(() => overrideRules(config, ['nope:error']))).toMatch(/unknown rule "nope"/);
    expect(configError(() => overrideRules(config, ['pattern-link']))).toMatch(/rule-id:severity/);
  });

  it('lists every rule id in the config schema, so editors validate them', () => {
    const schema = JSON.parse(readFileSync(new URL('../data/schema/config.schema.json', import.meta.url), 'utf8'));
    expect(schema.properties.rules.propertyNames.enum).toEqual(rules.map((rule) => rule.meta.id));
  });
});
