// Configuration: found by searching upward, data formats only (a config that runs code would
// run code from pull requests), validated by data/schema/config.schema.json.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { compileInlineSchema, compileSchema, describeAjvError } from './schema.ts';
import { rules, rulesById } from '../rules/index.ts';
import { DEFAULT_STATUSES } from './status.ts';
import { createLineIndex } from './positions.ts';
import { ConfigError } from './errors.ts';
import { NotRegularFileError, readRegularFile } from './safe-write.ts';
import { distance } from 'fastest-levenshtein';
import type { Severity } from './types.ts';

export const CONFIG_FILE_NAMES = ['.adrlintrc.yml', '.adrlintrc.yaml', '.adrlintrc.json', 'package.json'] as const;
export const DEFAULT_ADR_FOLDERS = ['docs/adr', 'docs/decisions', 'doc/adr', 'docs/architecture/decisions'];
// Not ADRs: read-me and index pages, and all-capitals project files (AGENTS.md, CONTRIBUTING.md).
// Templates are never ADRs either, whatever this says (src/conventions.ts isTemplateName).
export const DEFAULT_NON_ADR_FILES = ['[Rr][Ee][Aa][Dd][Mm][Ee].*', '[Ii]ndex.*', '+([A-Z_]).{md,markdown}'];
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export type Preset = 'recommended' | 'strict' | 'madr' | 'nygard';

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown> | undefined;
}

export interface ResolvedConfig {
  /** The file the configuration came from, or null for the defaults. */
  file: string | null;
  /** Paths in the config are relative to this folder. */
  baseDir: string;
  adrs: string[] | null;
  ignore: string[];
  nonAdrFiles: string[];
  maxFileSize: number;
  catalogue: string | null;
  linkTemplate: string | null;
  statuses: string[];
  /** Whether the config wrote `statuses` (else they are the defaults): an explicit list wins over a folder template's. */
  statusesGiven: boolean;
  extends: Preset[];
  rules: Record<string, RuleSetting>;
  /**
   * The rules the configuration asks for by name: in its `rules`, `--rule`, the remark plugin's
   * rule options, or a preset that sets every rule (`strict`); in rule order. A rule that stays
   * quiet on a set that has not adopted its convention runs wherever it is asked for.
   */
  explicitRules: string[];
}

export { ConfigError };

interface RawConfig {
  adrs?: string | string[];
  ignore?: string[];
  nonAdrFiles?: string[];
  maxFileSize?: number;
  catalogue?: string;
  linkTemplate?: string;
  statuses?: string[];
  extends?: Preset | Preset[];
  rules?: Record<string, unknown>;
}

const SEVERITY_BY_NUMBER: Record<number, Severity> = { 0: 'off', 1: 'warn', 2: 'error' };

export function toSeverity(value: unknown): Severity | null {
  if (value === 'off' || value === 'warn' || value === 'error') return value;
  if (typeof value === 'number') return SEVERITY_BY_NUMBER[value] ?? null;
  return null;
}

/** The config file that applies in `cwd`: the nearest one upward, or null. */
export function findConfigFile(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (!existsSync(candidate)) continue;
      if (name !== 'package.json') return candidate;
      if (packageHasConfig(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Whether a package.json met while looking for the config has an "adrlint" key. One that cannot be
 * read or is not JSON may be the config, broken: a ConfigError, rather than a run under the defaults.
 */
function packageHasConfig(file: string): boolean {
  let pkg: unknown;
  try {
    pkg = JSON.parse(readRegularFile(file));
  } catch (error) {
    // A folder or a FIFO named package.json is no package file (and a FIFO is never opened).
    if (error instanceof NotRegularFileError) return false;
    const reason = error instanceof SyntaxError ? `invalid JSON: ${error.message.split('\n')[0]}` : `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    throw new ConfigError(file, `${reason}; adrlint looks for its configuration in this file's "adrlint" key`);
  }
  return typeof pkg === 'object' && pkg !== null && 'adrlint' in pkg;
}

interface LoadedData {
  data: unknown;
  /** "line:col: " of a dotted key path, when the format keeps positions. */
  locate: (path: Array<string | number>) => string;
}

function readConfigData(file: string): LoadedData {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new ConfigError(file, 'is a folder, not a config file');
    text = readRegularFile(file);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if (error instanceof NotRegularFileError) throw new ConfigError(file, error.reason);
    throw new ConfigError(file, `cannot read the config file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const noPosition = () => '';
  if (file.endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(file, `invalid JSON: ${(error as Error).message}`);
    }
    if (file.endsWith('package.json')) return { data: (parsed as Record<string, unknown>)?.adrlint, locate: noPosition };
    return { data: parsed, locate: noPosition };
  }
  const document = parseDocument(text, { prettyErrors: false });
  const lines = createLineIndex(text);
  const at = (offset: number) => {
    const { line, column } = lines.position(offset);
    return `${line}:${column}: `;
  };
  const error = document.errors[0];
  if (error) throw new ConfigError(file, `${at(error.pos[0])}invalid YAML: ${error.message.split('\n')[0]}`);
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (caught) {
    throw new ConfigError(file, `invalid YAML: ${(caught as Error).message}`);
  }
  return {
    data: data ?? {},
    locate: (path) => {
      // Point at the key itself when the path ends in one ("rules.pattern-slugg"), else at the value.
      const parent = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents;
      const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]) : undefined;
      const node = (pair?.key ?? document.getIn(path, true)) as { range?: [number, number, number] } | undefined;
      return node?.range ? at(node.range[0]) : '';
    },
  };
}

let validateConfig: ReturnType<typeof compileSchema> | null = null;

function suggestRule(id: string): string {
  const best = rules.map((rule) => rule.meta.id).sort((a, b) => distance(id, a) - distance(id, b))[0];
  return best && distance(id, best) <= 4 ? `; did you mean "${best}"?` : '';
}

/** Check a parsed config object and turn it into a ResolvedConfig. */
export function resolveConfig(raw: unknown, file: string | null, baseDir: string, locate: LoadedData['locate'] = () => ''): ResolvedConfig {
  const where = file ?? '<config>';
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(where, 'the configuration must be a mapping of keys to values');
  const config = raw as RawConfig;
  // Rule ids and severities first: their messages can say more than the schema's.
  if (config.rules && typeof config.rules === 'object' && !Array.isArray(config.rules)) {
    for (const [id, value] of Object.entries(config.rules)) {
      const at = locate(['rules', id]);
      if (!rulesById.has(id)) throw new ConfigError(where, `${at}rules: unknown rule "${id}"${suggestRule(id)}`);
      const severity = toSeverity(Array.isArray(value) ? value[0] : value);
      if (!severity)
        throw new ConfigError(where, `${at}rules.${id}: severity must be off, warn or error (or 0, 1, 2), not ${JSON.stringify(Array.isArray(value) ? value[0] : value)}`);
    }
  }
  validateConfig ??= compileSchema('config.schema.json');
  if (!validateConfig(config)) {
    const error = validateConfig.errors?.[0];
    const path = (error?.instancePath ?? '').split('/').slice(1);
    if (error?.keyword === 'additionalProperties') path.push((error.params as { additionalProperty: string }).additionalProperty);
    throw new ConfigError(where, `${locate(path)}${error ? describeAjvError(error) : 'invalid configuration'}`);
  }

  const presets: Preset[] = config.extends === undefined ? ['recommended'] : Array.isArray(config.extends) ? config.extends : [config.extends];
  const settings: Record<string, RuleSetting> = {};
  const explicit = new Set<string>();
  for (const rule of rules) settings[rule.meta.id] = { severity: rule.meta.defaultSeverity, options: undefined };
  for (const preset of presets) {
    if (preset === 'strict') {
      for (const rule of rules) {
        settings[rule.meta.id] = { severity: 'error', options: undefined };
        explicit.add(rule.meta.id);
      }
    }
    // A template preset: recommended (or what came before it), with adr-sections checking that template.
    if (preset === 'madr' || preset === 'nygard') {
      const current = settings['adr-sections']?.severity ?? 'warn';
      settings['adr-sections'] = { severity: current === 'off' ? 'warn' : current, options: { template: preset } };
    }
  }
  for (const [id, value] of Object.entries(config.rules ?? {})) {
    const [severityValue, options] = Array.isArray(value) ? value : [value, undefined];
    const rule = rulesById.get(id);
    if (options !== undefined && rule) {
      if (!rule.meta.schema) throw new ConfigError(where, `${locate(['rules', id, 1])}rules.${id}: this rule takes no options`);
      const validate = compileInlineSchema(rule.meta.schema);
      if (!validate(options)) {
        const error = validate.errors?.[0];
        throw new ConfigError(where, `${locate(['rules', id, 1])}rules.${id} options: ${error ? describeAjvError(error) : 'invalid'}`);
      }
    }
    // A severity alone keeps the options a preset gave the rule, as in ESLint.
    settings[id] = { severity: toSeverity(severityValue) ?? 'error', options: (options as Record<string, unknown> | undefined) ?? settings[id]?.options };
    explicit.add(id);
  }

  return {
    file,
    baseDir,
    adrs: config.adrs === undefined ? null : Array.isArray(config.adrs) ? config.adrs : [config.adrs],
    ignore: config.ignore ?? [],
    nonAdrFiles: config.nonAdrFiles ?? DEFAULT_NON_ADR_FILES,
    maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    catalogue: config.catalogue ? resolve(baseDir, config.catalogue) : null,
    linkTemplate: config.linkTemplate ?? null,
    statuses: config.statuses ?? DEFAULT_STATUSES,
    statusesGiven: config.statuses !== undefined,
    extends: presets,
    rules: settings,
    explicitRules: inRuleOrder(explicit),
  };
}

function inRuleOrder(ids: ReadonlySet<string>): string[] {
  return rules.map((rule) => rule.meta.id).filter((id) => ids.has(id));
}

/** Load the named config file, or the nearest one above `cwd`, or the defaults. */
export function loadConfig(cwd: string, explicitFile?: string): ResolvedConfig {
  const file = explicitFile ? resolve(cwd, explicitFile) : findConfigFile(cwd);
  if (!file) return resolveConfig({}, null, resolve(cwd));
  if (explicitFile && !existsSync(file)) throw new ConfigError(file, 'config file not found');
  const { data, locate } = readConfigData(file);
  return resolveConfig(data ?? {}, file, dirname(file), locate);
}

/**
 * Rule settings written as in a config file's `rules` (a severity, or `[severity, options]`) over a
 * resolved config's, checked as the file's are. A severity alone keeps the options the config gave.
 * `where` names their origin in errors (plugin options, say).
 */
export function mergeRules(config: ResolvedConfig, rules: Record<string, unknown>, where: string): ResolvedConfig {
  const given = resolveConfig({ rules }, where, config.baseDir).rules;
  const next = { ...config, rules: { ...config.rules } };
  for (const [id, value] of Object.entries(rules)) {
    const setting = given[id]!;
    const hasOptions = Array.isArray(value) && value[1] !== undefined;
    next.rules[id] = hasOptions ? setting : { severity: setting.severity, options: config.rules[id]?.options };
  }
  next.explicitRules = inRuleOrder(new Set([...config.explicitRules, ...Object.keys(rules)]));
  return next;
}

/** Apply `--rule id:severity` overrides. */
export function overrideRules(config: ResolvedConfig, overrides: string[]): ResolvedConfig {
  const next = { ...config, rules: { ...config.rules } };
  for (const override of overrides) {
    const match = /^([a-z0-9-]+)\s*[:=]\s*(\w+)$/.exec(override.trim());
    if (!match) throw new ConfigError('--rule', `"${override}" is not of the form rule-id:severity`);
    const [, id = '', severityText = ''] = match;
    if (!rulesById.has(id)) throw new ConfigError('--rule', `unknown rule "${id}"${suggestRule(id)}`);
    const severity = toSeverity(/^\d$/.test(severityText) ? Number(severityText) : severityText);
    if (!severity) throw new ConfigError('--rule', `severity must be off, warn or error, not "${severityText}"`);
    next.rules[id] = { severity, options: next.rules[id]?.options };
    next.explicitRules = inRuleOrder(new Set([...next.explicitRules, id]));
  }
  return next;
}
