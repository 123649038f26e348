// The configuration as the rest of adrlint sees it, once resolved: settings, rule severities and
// options, and the defaults. Finding and reading the file: src/io/config-file.ts; resolving it
// against the rules: src/run/config.ts.
import { ConfigError } from './errors.ts';
import type { Severity } from './types.ts';

export { ConfigError };

export const CONFIG_FILE_NAMES = ['.adrlintrc.yml', '.adrlintrc.yaml', '.adrlintrc.json', 'package.json'] as const;
export const DEFAULT_ADR_FOLDERS = ['docs/adr', 'docs/decisions', 'doc/adr', 'docs/architecture/decisions'];
// Not ADRs: read-me and index pages, and all-capitals project files (AGENTS.md, CONTRIBUTING.md).
// Templates are never ADRs either, whatever this says (src/parse/conventions.ts isTemplateName).
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


const SEVERITY_BY_NUMBER: Record<number, Severity> = { 0: 'off', 1: 'warn', 2: 'error' };

export function toSeverity(value: unknown): Severity | null {
  if (value === 'off' || value === 'warn' || value === 'error') return value;
  if (typeof value === 'number') return SEVERITY_BY_NUMBER[value] ?? null;
  return null;
}
