// `--rule`: a rule's setting from the command line, as in the config's `rules`. ESLint's forms:
// `id:severity`, `id:[severity, {options}]` (the value a YAML flow sequence, so `[warn,{minMentions:2}]`
// needs no JSON quotes), or a mapping of several, `{id: [warn, {...}], other: off}`. Checked as the
// config's settings are (src/run/config.ts): an unknown rule, a severity, the rule's options schema.
import { parse } from 'yaml';
import { ConfigError, toSeverity, type ResolvedConfig } from '../model/config.ts';
import { mergeRules, suggestRule } from './config.ts';
import { rulesById } from '../../rules/index.ts';

const FLAG = '--rule';

/**
 * `text` with a space after each colon that ends a plain key of a flow mapping (`{minMentions:2}`
 * → `{minMentions: 2}`): YAML reads `minMentions:2` as one word, the command line's habit (and
 * JSON's) is to write it so. Quoted text, and colons elsewhere (`[a,https://x]`), are left as they are.
 */
export function spacedFlowKeys(text: string): string {
  let out = '';
  const open: string[] = [];
  let atKey = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === '"' || char === "'") {
      const end = quotedEnd(text, at);
      out += text.slice(at, end);
      at = end - 1;
      atKey = false;
      continue;
    }
    out += char;
    if (char === '{' || char === '[') open.push(char);
    else if (char === '}' || char === ']') open.pop();
    if (char === '{' || (char === ',' && open.at(-1) === '{')) atKey = true;
    else if (char === ':' && atKey) {
      atKey = false;
      if (text[at + 1] !== undefined && !/[\s,}\]]/.test(text[at + 1]!)) out += ' ';
    }
  }
  return out;
}

/** Where the quoted text starting at `start` ends (after its closing quote, or the text's end). */
function quotedEnd(text: string, start: number): number {
  const quote = text[start];
  for (let at = start + 1; at < text.length; at++) {
    if (quote === '"' && text[at] === '\\') at++;
    else if (text[at] === quote) {
      if (quote === "'" && text[at + 1] === "'") at++;
      else return at + 1;
    }
  }
  return text.length;
}

/** The YAML value of `text`, or a ConfigError naming it. */
function flowValue(text: string, given: string): unknown {
  try {
    return parse(spacedFlowKeys(text), { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    throw new ConfigError(FLAG, `"${given}": ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The settings one `--rule` value gives, by rule id, as written in a config's `rules`. */
export function parseRuleFlag(given: string): Record<string, unknown> {
  const text = given.trim();
  if (text.startsWith('{')) {
    const value = flowValue(text, given);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(FLAG, `"${given}" is not a mapping of rule ids to settings`);
    return value as Record<string, unknown>;
  }
  const match = /^([a-z0-9-]+)\s*[:=]\s*(\S.*)$/s.exec(text);
  if (!match) throw new ConfigError(FLAG, `"${given}" is not of the form rule-id:severity or rule-id:[severity, {options}]`);
  const [, id = '', setting = ''] = match;
  if (!setting.startsWith('[')) return { [id]: /^\d$/.test(setting) ? Number(setting) : setting };
  const value = flowValue(setting, given);
  if (!Array.isArray(value) || value.length < 1 || value.length > 2) throw new ConfigError(FLAG, `${id}: "${setting}" is not [severity] or [severity, {options}]`);
  return { [id]: value };
}

/** Apply `--rule` values, in order, over the config's settings; a severity alone keeps the options the config gave. */
export function overrideRules(config: ResolvedConfig, overrides: readonly string[]): ResolvedConfig {
  let next = config;
  for (const override of overrides) {
    const settings = parseRuleFlag(override);
    for (const [id, value] of Object.entries(settings)) {
      if (!rulesById.has(id)) throw new ConfigError(FLAG, `unknown rule "${id}"${suggestRule(id)}`);
      const severity = Array.isArray(value) ? value[0] : value;
      if (!toSeverity(severity))
        throw new ConfigError(FLAG, `severity must be off, warn or error, not ${typeof severity === 'string' ? `"${severity}"` : JSON.stringify(severity)}`);
      try {
        next = mergeRules(next, { [id]: value }, FLAG);
      } catch (error) {
        // mergeRules names the setting as a config file would ("rules.id options: ..."): say it of the flag.
        if (error instanceof ConfigError) throw new ConfigError(FLAG, error.lines.map((line) => line.replace(/^--rule: rules\./, '')));
        throw error;
      }
    }
  }
  return next;
}
