// What the language server keeps between requests: the open documents, their pending lint timers,
// their last problems and records, each folder's settings, and the in-memory caches that make a
// keystroke's lint cost the parse of one file (the other files of its set are kept by content, and
// read again only when their stat changes). Each open ADR is linted as the file it is, its unsaved
// text in place of the file on disk and the other open ADRs' texts in place of theirs.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocuments, type Connection, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AdrRecord, Diagnostic } from '../model/types.ts';
import { FileError } from '../model/errors.ts';
import { MemoryCaches } from '../io/cache.ts';
import { findRepositoryRoot } from '../io/project-index.ts';
import type { RunOutcome } from '../run/lint-project.ts';
import { toLspDiagnostic } from './convert.ts';
import { filePathOf, folderOf, lintText, type LintedText } from './lint-document.ts';
import { readSettings, type Settings } from './settings.ts';
import { dependentsOf, NOTHING_SEEN, seenBySet, seenInText, type SeenBySet } from './dependents.ts';
import { blockedDiagnostic, failedDiagnostic, faultDiagnostics } from './config-problems.ts';
import type { LspSetView } from './set-view.ts';

/** The pause after a keystroke before the text is linted again. */
export const DEBOUNCE_MS = 150;

export interface ServerOptions {
  /** `--config`: this config file for every document, instead of the one found upward from its folder (an `adrlint.config` setting wins). */
  configFile?: string;
}

/** A document's last lint: of which version, its problems, its record, and the run it came from. */
export interface Linted {
  version: number;
  messages: Diagnostic[];
  record: AdrRecord | null;
  /** What the other ADRs may read of it (for a markdown file that is not an ADR: its anchors). */
  seen: SeenBySet;
  outcome: RunOutcome | null;
}

/** Where a document is linted from: its file, its workspace folder, the config file to use if not the one found. */
export interface Place {
  path: string;
  folder: string;
  configFile?: string;
}

export class Session {
  readonly documents = new TextDocuments(TextDocument);
  readonly linted = new Map<string, Linted>();
  /** The open documents linted once (the next change waits for a pause). */
  readonly seen = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  private readonly caches = new MemoryCaches();
  private readonly settings = new Map<string, Promise<Settings>>();
  /** Config and catalogue files the server put problems on (URI → the folder whose lint found them): cleared once that folder lints again. */
  private readonly faulty = new Map<string, string>();
  folders: string[] = [];
  /** Settings from the initialize request's options or a pushed workspace/didChangeConfiguration. */
  givenSettings: unknown = undefined;
  /** Whether the client answers workspace/configuration. */
  asksConfiguration = false;

  constructor(
    readonly connection: Connection,
    readonly options: ServerOptions,
  ) {}

  /** The file a document is and the workspace folder it is linted from; null for a buffer that is no file. */
  async where(uri: string): Promise<Place | null> {
    const path = filePathOf(uri);
    if (path === null) return null;
    const folder = folderOf(path, this.folders);
    const configFile = (await this.settingsOf(folder)).config ?? this.options.configFile;
    return { path, folder, ...(configFile !== undefined ? { configFile } : {}) };
  }

  /** The folder's settings: asked of the client once (until they change), over those given. */
  settingsOf(folder: string): Promise<Settings> {
    let settings = this.settings.get(folder);
    if (!settings) this.settings.set(folder, (settings = this.fetchSettings(folder)));
    return settings;
  }

  private async fetchSettings(folder: string): Promise<Settings> {
    const warn = (message: string) => this.connection.console.warn(`adrlint: ${message}`);
    if (!this.asksConfiguration) return readSettings(folder, [this.givenSettings], warn);
    try {
      const asked: unknown = await this.connection.workspace.getConfiguration({ scopeUri: pathToFileURL(folder).href, section: 'adrlint' });
      return readSettings(folder, [this.givenSettings, asked], warn);
    } catch (error) {
      warn(`could not read the settings: ${error instanceof Error ? error.message : String(error)}`);
      return readSettings(folder, [this.givenSettings], warn);
    }
  }

  /** The settings changed: ask again, and lint every open document again. */
  settingsChanged(): void {
    this.settings.clear();
    this.relintAll();
  }

  /** The open documents' texts by path, but the one at `except`: read in place of their files. */
  private buffers(except: string): Map<string, string> {
    const buffers = new Map<string, string>();
    for (const document of this.documents.all()) {
      const path = filePathOf(document.uri);
      if (path !== null && path !== except) buffers.set(path, document.getText());
    }
    return buffers;
  }

  /** Lint the document's text as it is now (with `fix`, the fixed text too), with the set's other open texts. */
  async lintNow(document: TextDocument, place: Place, fix = false): Promise<LintedText> {
    return lintText(place.folder, place.path, document.getText(), {
      ...(place.configFile !== undefined ? { configFile: place.configFile } : {}),
      buffers: this.buffers(place.path),
      caches: this.caches,
      fix,
    });
  }

  /**
   * Lint the document as it is now and publish its problems; the last lint of its version is kept
   * for the code actions. The open ADRs that depend on it are linted again when what they see of it changed.
   */
  async lint(document: TextDocument): Promise<Linted> {
    const place = await this.where(document.uri);
    const before = this.linted.get(document.uri);
    let done: Linted = { version: document.version, messages: [], record: null, seen: NOTHING_SEEN, outcome: null };
    const extra: LspDiagnostic[] = [];
    if (place !== null) {
      try {
        const started = performance.now();
        const linted = await this.lintNow(document, place);
        // With the client's trace on ($/setTrace or initialize's `trace`): the server time of each lint (npm run bench reads it).
        this.connection.tracer.log(`adrlint: linted ${place.path} in ${(performance.now() - started).toFixed(1)} ms`);
        const seen = linted.record ? seenBySet(linted.record) : seenInText(place.path, document.getText());
        done = { version: document.version, messages: linted.result?.messages ?? [], record: linted.record, seen, outcome: linted.outcome };
        this.clearFaults(place.folder);
      } catch (error) {
        if (error instanceof FileError) extra.push(this.blocked(error, document, place.folder));
        else {
          // Not a clean file: the problem is shown where the diagnostics are, and logged whole.
          const message = error instanceof Error ? error.message : String(error);
          this.connection.console.error(`adrlint: ${place.path}: ${error instanceof Error ? (error.stack ?? message) : message}`);
          extra.push(failedDiagnostic(`adrlint could not lint this file: ${message.split('\n')[0]}`, firstLineLength(document)));
        }
      }
    }
    // A newer text may have been linted meanwhile, or the document closed: publish only the latest.
    if (this.documents.get(document.uri)?.version !== document.version) return done;
    this.linted.set(document.uri, done);
    await this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [...done.messages.map(toLspDiagnostic), ...extra] });
    if (place === null) return done;
    if (before && before.version !== document.version) this.refreshDependents(document.uri, place.path, before.seen, done.seen);
    // Opened with a text that is not its file's (an editor restoring an unsaved buffer): the rest of its folder read the file.
    else if (!before && !sameAsFile(place.path, document.getText())) this.scheduleFolder(place.path);
    return done;
  }

  /** The document's set as a lint of its text now sees it (records, catalogue, config, conventions): its last lint's when the text is the same; null for a buffer that is no file, or a broken config (the diagnostics say why). */
  async setView(uri: string): Promise<LspSetView | null> {
    const document = this.documents.get(uri);
    if (!document) return null;
    const known = this.linted.get(uri);
    const { outcome } = known?.version === document.version ? known : await this.lint(document);
    return outcome ? { records: outcome.records, catalogue: outcome.catalogue, config: outcome.config, conventions: outcome.conventions } : null;
  }

  /** The problem shown on an ADR whose config or catalogue cannot be used, also put on the file at fault. */
  private blocked(error: FileError, document: TextDocument, folder: string): LspDiagnostic {
    const fault = faultDiagnostics(error);
    this.faulty.set(fault.uri, folder);
    void this.connection.sendDiagnostics(fault);
    return blockedDiagnostic(error, firstLineLength(document));
  }

  private clearFaults(folder: string): void {
    for (const [uri, found] of this.faulty) {
      if (found !== folder) continue;
      this.faulty.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  /** Lint again, after the pause, the open ADRs that read what changed in the one at `path`. */
  private refreshDependents(uri: string, path: string, before: SeenBySet, now: SeenBySet): void {
    const open = [...this.linted].flatMap(([other, linted]) => {
      const otherPath = other === uri ? null : filePathOf(other);
      return otherPath === null ? [] : [{ uri: other, path: otherPath, record: linted.record }];
    });
    for (const dependent of dependentsOf(path, before, now, open, findRepositoryRoot(dirname(path)))) {
      const document = this.documents.get(dependent.uri);
      if (document) this.schedule(document);
    }
  }

  schedule(document: TextDocument): void {
    // After shutdown, a lint still running may ask for more: no timer is started again.
    if (this.stopped) return;
    clearTimeout(this.timers.get(document.uri));
    const timer = setTimeout(() => {
      this.timers.delete(document.uri);
      const current = this.documents.get(document.uri);
      if (current) void this.lint(current);
    }, DEBOUNCE_MS);
    this.timers.set(document.uri, timer);
  }

  /** Lint every open document again, after the pause (a config, catalogue or file on the disk changed). */
  relintAll(): void {
    for (const document of this.documents.all()) this.schedule(document);
  }

  /** The document closed: forget it. The other ADRs of its folder read its file again: they are linted again if its text was not the file's. */
  close(document: TextDocument): void {
    const { uri } = document;
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.linted.delete(uri);
    this.seen.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    const path = filePathOf(uri);
    if (path !== null && !sameAsFile(path, document.getText())) this.scheduleFolder(path);
  }

  /** Lint again, after the pause, the other open documents of the folder of `path`. */
  private scheduleFolder(path: string): void {
    for (const open of this.documents.all()) {
      const openPath = filePathOf(open.uri);
      if (openPath !== null && openPath !== path && dirname(openPath) === dirname(path)) this.schedule(open);
    }
  }

  /** Shutdown: every pending lint is dropped, and none is scheduled again. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Whether the file at `path` holds `text` (false when it cannot be read: the set may have changed). */
function sameAsFile(path: string, text: string): boolean {
  try {
    return readFileSync(path, 'utf8') === text;
  } catch {
    return false;
  }
}

/** The length of the document's first line, where a problem of the whole file is shown. */
function firstLineLength(document: TextDocument): number {
  return document.getText().split('\n', 1)[0]!.replace(/\r$/, '').length;
}
