// Configuration resolved against the rules: validated by data/schema/config.schema.json and each
// rule's options schema, presets and severities applied. Found and read by src/io/config-file.ts.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { distance } from 'fastest-levenshtein';
import { compileInlineSchema, compileSchema, describeAjvError } from '../io/schema.ts';
import { rules, rulesById } from '../../rules/index.ts';
import { DEFAULT_STATUSES } from '../model/status.ts';
import { ConfigError, DEFAULT_MAX_FILE_SIZE, DEFAULT_NON_ADR_FILES, toSeverity, type Preset, type ResolvedConfig, type RuleSetting } from '../model/config.ts';
import { findConfigFile, readConfigData, type LoadedData } from '../io/config-file.ts';

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

let validateConfig: ReturnType<typeof compileSchema> | null = null;

/** "; did you mean ..." for a rule id a typo away from a rule's, else nothing. */
export function suggestRule(id: string): string {
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
