// Configuration resolved against the rules: validated by data/schema/config.schema.json and each
// rule's options schema, presets and severities applied. Found and read by src/io/config-file.ts.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { nearStrings } from '../model/near-strings.ts';
import { compileInlineSchema, compileSchema, describeAjvError } from '../io/schema.ts';
import { rules, rulesById } from '../../rules/index.ts';
import { DEFAULT_STATUSES } from '../model/status.ts';
import { ConfigError, DEFAULT_MAX_FILE_SIZE, DEFAULT_NON_ADR_FILES, OVERRIDE_KEYS, toSeverity, type ConfigOverride, type Preset, type ResolvedConfig, type RuleSetting } from '../model/config.ts';
import type { Severity } from '../model/types.ts';
import { findConfigFile, readConfigText, configDataOf, type LoadedData } from '../io/config-file.ts';

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
  overrides?: unknown;
  index?: string;
  indexTemplate?: string;
}

let validateConfig: ReturnType<typeof compileSchema> | null = null;

/** "; did you mean ..." for a rule id a typo away from a rule's, else nothing. */
export function suggestRule(id: string): string {
  const best = nearStrings(id, rules.map((rule) => rule.meta.id), 4, { limit: 1 })[0];
  return best ? `; did you mean "${best}"?` : '';
}

type Locate = LoadedData['locate'];

/**
 * A `rules` mapping checked as adrlint reads it: known ids, severities, each rule's options against
 * its schema. `at` is where the mapping is (['rules'], ['overrides', 0, 'rules']). Before the
 * config schema, whose messages say less; test/config-schema-agreement.test.ts keeps the two in step.
 */
function checkRuleSettings(given: unknown, where: string, at: Array<string | number>, locate: Locate): Record<string, { severity: Severity; options?: Record<string, unknown> }> {
  const settings: Record<string, { severity: Severity; options?: Record<string, unknown> }> = {};
  if (!given || typeof given !== 'object' || Array.isArray(given)) return settings;
  const dotted = at.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').slice(1);
  for (const [id, value] of Object.entries(given)) {
    const position = locate([...at, id]);
    if (!rulesById.has(id)) throw new ConfigError(where, `${position}${dotted}: unknown rule "${id}"${suggestRule(id)}`);
    const [severityValue, options] = Array.isArray(value) ? value : [value, undefined];
    const severity = toSeverity(severityValue);
    if (!severity) throw new ConfigError(where, `${position}${dotted}.${id}: severity must be off, warn or error (or 0, 1, 2), not ${JSON.stringify(severityValue)}`);
    settings[id] = { severity };
    if (options === undefined) continue;
    const rule = rulesById.get(id)!;
    if (!rule.meta.schema) throw new ConfigError(where, `${locate([...at, id, 1])}${dotted}.${id}: this rule takes no options`);
    const validate = optionsValidator(rule.meta.schema);
    if (!validate(options)) {
      const error = validate.errors?.[0];
      throw new ConfigError(where, `${locate([...at, id, 1])}${dotted}.${id} options: ${error ? describeAjvError(error) : 'invalid'}`);
    }
    settings[id] = { severity, options: options as Record<string, unknown> };
  }
  return settings;
}

/** The config's `overrides`, checked: each entry an object with `files`, and only the keys that may be set per file. */
function checkOverrides(given: unknown, where: string, locate: Locate): ConfigOverride[] {
  if (!Array.isArray(given)) return [];
  return given.map((entry: unknown, index) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return {} as ConfigOverride;
    for (const key of Object.keys(entry)) {
      if (key === 'files' || key === 'excludedFiles' || (OVERRIDE_KEYS as readonly string[]).includes(key)) continue;
      const known = key in TOP_LEVEL_KEYS;
      throw new ConfigError(
        where,
        `${locate(['overrides', index, key])}overrides[${index}]: ${known ? `"${key}" applies to the whole run and cannot be set per file` : `unknown key "${key}"`} (an override takes files, excludedFiles, ${OVERRIDE_KEYS.join(', ')})`,
      );
    }
    const raw = entry as { files?: unknown; excludedFiles?: unknown; rules?: unknown; statuses?: string[]; linkTemplate?: string };
    const rules = checkRuleSettings(raw.rules, where, ['overrides', index, 'rules'], locate);
    const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : []);
    return {
      files: list(raw.files),
      excludedFiles: list(raw.excludedFiles),
      ...(raw.rules !== undefined ? { rules } : {}),
      ...(raw.statuses !== undefined ? { statuses: raw.statuses } : {}),
      ...(raw.linkTemplate !== undefined ? { linkTemplate: raw.linkTemplate } : {}),
    };
  });
}

// The top level's keys (config.schema.json), to tell a key that cannot be set per file from a mistyped one.
const TOP_LEVEL_KEYS: Record<string, true> = { $schema: true, adrs: true, ignore: true, nonAdrFiles: true, maxFileSize: true, catalogue: true, linkTemplate: true, statuses: true, extends: true, rules: true, overrides: true, index: true, indexTemplate: true };

/** Check a parsed config object and turn it into a ResolvedConfig. */
export function resolveConfig(raw: unknown, file: string | null, baseDir: string, locate: Locate = () => ''): ResolvedConfig {
  const where = file ?? '<config>';
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(where, 'the configuration must be a mapping of keys to values');
  const config = raw as RawConfig;
  // Rule ids, severities and options first: their messages can say more than the schema's.
  const ruleSettings = checkRuleSettings(config.rules, where, ['rules'], locate);
  const overrides = checkOverrides(config.overrides, where, locate);
  validateConfig ??= compileSchema('config.schema.json');
  if (!validateConfig(config)) {
    const error = validateConfig.errors?.[0];
    const path = (error?.instancePath ?? '').split('/').slice(1);
    if (error?.keyword === 'additionalProperties') path.push((error.params as { additionalProperty: string }).additionalProperty);
    throw new ConfigError(where, `${locate(path)}${error ? describeAjvError(error) : 'invalid configuration'}`);
  }

  const presets: Preset[] = config.extends === undefined ? ['recommended'] : Array.isArray(config.extends) ? config.extends : [config.extends];
  const { settings, explicit } = presetSettings(presets);
  for (const [id, setting] of Object.entries(ruleSettings)) {
    // A severity alone keeps the options a preset gave the rule, as in ESLint.
    settings[id] = { severity: setting.severity, options: setting.options ?? settings[id]?.options };
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
    ...(overrides.length ? { overrides } : {}),
    ...(config.index !== undefined ? { index: resolve(baseDir, config.index) } : {}),
    ...(config.indexTemplate !== undefined ? { indexTemplate: config.indexTemplate } : {}),
  };
}

/** The rule settings of the presets, applied in order over the rules' defaults. */
function presetSettings(presets: readonly Preset[]): { settings: Record<string, RuleSetting>; explicit: Set<string> } {
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
  return { settings, explicit };
}

function inRuleOrder(ids: ReadonlySet<string>): string[] {
  return rules.map((rule) => rule.meta.id).filter((id) => ids.has(id));
}

/** Load the named config file, or the nearest one above `cwd`, or the defaults. */
export function loadConfig(cwd: string, explicitFile?: string): ResolvedConfig {
  const file = explicitFile ? resolve(cwd, explicitFile) : findConfigFile(cwd);
  if (explicitFile && !existsSync(file!)) throw new ConfigError(file!, 'config file not found');
  // Without a file, the defaults for the folder (a text no file has).
  const [key, text] = file ? [file, readConfigText(file)] : [resolve(cwd), null];
  if (lastLoaded?.key === key && lastLoaded.text === text) return lastLoaded.config;
  let config: ResolvedConfig;
  if (file && text !== null) {
    const { data, locate } = configDataOf(file, text);
    config = resolveConfig(data ?? {}, file, dirname(file), locate);
  } else config = resolveConfig({}, null, key);
  lastLoaded = { key, text, config };
  return config;
}

// The last config resolved from a file, with the text it was resolved from: a long-lived process
// (the language server, which loads the config at each keystroke) reads the same text again and
// again. A resolved config depends on nothing else (its presets are built in).
let lastLoaded: { key: string; text: string | null; config: ResolvedConfig } | null = null;

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
    next.overrides = overOverrides(next.overrides, id, setting.severity, hasOptions);
  }
  if (!next.overrides) delete next.overrides;
  next.explicitRules = inRuleOrder(new Set([...config.explicitRules, ...Object.keys(rules)]));
  return next;
}

/**
 * A rule set from outside the config file (--rule, the remark plugin's options) wins over what
 * `overrides` set for some files, as ESLint's --rule does: their severity gives way to it, and
 * their options too when it gives options of its own.
 */
function overOverrides(overrides: ConfigOverride[] | undefined, id: string, severity: Severity, withOptions: boolean): ConfigOverride[] | undefined {
  return overrides?.map((override) => {
    const setting = override.rules?.[id];
    if (!setting) return override;
    const rules = { ...override.rules };
    if (withOptions) delete rules[id];
    else rules[id] = { ...setting, severity };
    return { ...override, rules };
  });
}

// A rule's options schema compiled once per process, not at each config load (the language server loads one per keystroke).
const optionValidators = new WeakMap<object, ReturnType<typeof compileInlineSchema>>();

function optionsValidator(schema: object): ReturnType<typeof compileInlineSchema> {
  let validate = optionValidators.get(schema);
  if (!validate) optionValidators.set(schema, (validate = compileInlineSchema(schema)));
  return validate;
}
