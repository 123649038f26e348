// The server's settings, per workspace folder: `adrlint.config` (a config file, relative to the
// folder, instead of the one found upward from the document) and `adrlint.run` (`onType`: lint as
// the text changes, after a pause; `onSave`: on open and save only). Read from the client through
// workspace/configuration (section `adrlint`), over what the initialize request's
// initializationOptions or a pushed workspace/didChangeConfiguration gave.
import { isAbsolute, resolve } from 'node:path';

export type RunWhen = 'onType' | 'onSave';

export interface Settings {
  /** The config file for the folder's documents (absolute), or none: found as the CLI finds it. */
  config?: string;
  run: RunWhen;
}

const RUN_WHEN: readonly RunWhen[] = ['onType', 'onSave'];

/** The `adrlint` part of a settings object: itself when it has our keys (`{config, run}`), else its `adrlint` key. */
export function adrlintSection(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return {};
  const object = value as Record<string, unknown>;
  if ('config' in object || 'run' in object) return object;
  const nested = object.adrlint;
  return typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : {};
}

/**
 * The settings a folder's documents are linted with, from the sections given (later ones win; a
 * key absent or null in one leaves the earlier value). A value of the wrong kind is left out, and
 * said through `warn` in one line.
 */
export function readSettings(folder: string, sections: readonly unknown[], warn: (message: string) => void): Settings {
  const settings: Settings = { run: 'onType' };
  for (const section of sections.map(adrlintSection)) {
    const { config, run } = section;
    if (typeof config === 'string' && config !== '') settings.config = isAbsolute(config) ? config : resolve(folder, config);
    else if (config !== undefined && config !== null && config !== '') warn(`adrlint.config must be a file path, not ${JSON.stringify(config)}: ignored`);
    if (RUN_WHEN.includes(run as RunWhen)) settings.run = run as RunWhen;
    else if (run !== undefined && run !== null) warn(`adrlint.run must be "onType" or "onSave", not ${JSON.stringify(run)}: ignored`);
  }
  return settings;
}
