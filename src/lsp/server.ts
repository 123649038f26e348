// `adrlint lsp --stdio`: a language server over standard input and output. Each open ADR is linted
// as the file it is, its unsaved text in place of the file on disk, with its workspace folder's
// config and set (src/lsp/lint-document.ts): on open, and on change after a pause of DEBOUNCE_MS.
// Code actions: src/lsp/actions.ts. Shutdown stops every timer; exit ends the process.
import { CodeActionKind, DidChangeWatchedFilesNotification, TextDocuments, TextDocumentSyncKind, type CodeAction, type CodeActionParams, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../model/types.ts';
import { toLspDiagnostic } from './convert.ts';
import { filePathOf, folderOf, lintText } from './lint-document.ts';
import { FIX_ALL_KIND, fixAllAction, OPEN_DOCS_COMMAND, quickFixes } from './actions.ts';
import { completions, offersCompletion } from './completion.ts';
import { hover } from './hover.ts';
import { definition, readOpenOrDisk } from './definition.ts';
import type { LspSetView } from './set-view.ts';
import { rules } from '../../rules/index.ts';

/** The files whose change on the disk re-lints every open document: configs, catalogues (YAML or JSON) and markdown. */
const WATCHED = ['**/.adrlintrc.{yml,yaml,json}', '**/*.{yml,yaml,json}', '**/*.{md,markdown}'];

const RULE_PAGES = new Set(rules.map((rule) => rule.meta.docs.url));

/** The pause after a keystroke before the text is linted again. */
export const DEBOUNCE_MS = 150;

export interface ServerOptions {
  /** `--config`: this config file for every document, instead of the one found upward from its folder. */
  configFile?: string;
}

interface Linted {
  version: number;
  messages: Diagnostic[];
}

/** What the server keeps: the open documents, their pending lint timers and their last problems. */
class Session {
  readonly documents = new TextDocuments(TextDocument);
  readonly timers = new Map<string, NodeJS.Timeout>();
  readonly linted = new Map<string, Linted>();
  /** The open documents linted once (the next change waits for a pause). */
  readonly seen = new Set<string>();
  folders: string[] = [];
  /** Whether the client watches files for the server when asked (dynamic registration). */
  watchFiles = false;

  constructor(
    readonly connection: Connection,
    readonly options: ServerOptions,
  ) {}

  /** The file a document is and the workspace folder it is linted from; null for a buffer that is no file. */
  where(uri: string): { path: string; folder: string; configFile?: string } | null {
    const path = filePathOf(uri);
    return path === null ? null : { path, folder: folderOf(path, this.folders), ...(this.options.configFile !== undefined ? { configFile: this.options.configFile } : {}) };
  }

  /** Lint the document as it is now and publish its problems; the last lint of its version is kept for the code actions. */
  async lint(document: TextDocument): Promise<Linted> {
    const where = this.where(document.uri);
    let messages: Diagnostic[] = [];
    if (where !== null) {
      try {
        messages = (await lintText(where.folder, where.path, document.getText(), where)).result?.messages ?? [];
      } catch (error) {
        this.connection.console.error(`adrlint: ${where.path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const done = { version: document.version, messages };
    // A newer text may have been linted meanwhile, or the document closed: publish only the latest.
    if (this.documents.get(document.uri)?.version === document.version) {
      this.linted.set(document.uri, done);
      await this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: messages.map(toLspDiagnostic) });
    }
    return done;
  }

  schedule(document: TextDocument): void {
    clearTimeout(this.timers.get(document.uri));
    const timer = setTimeout(() => {
      this.timers.delete(document.uri);
      const current = this.documents.get(document.uri);
      if (current) void this.lint(current);
    }, DEBOUNCE_MS);
    this.timers.set(document.uri, timer);
  }

  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.linted.delete(uri);
    this.seen.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The document's set as a lint of its text now sees it (records, catalogue, config, conventions); null for a buffer that is no file, or a broken config (the diagnostics say why). */
  async setView(uri: string): Promise<LspSetView | null> {
    const document = this.documents.get(uri);
    const where = this.where(uri);
    if (!document || where === null) return null;
    try {
      const { records, catalogue, config, conventions } = (await lintText(where.folder, where.path, document.getText(), where)).outcome;
      return { records, catalogue, config, conventions };
    } catch {
      return null;
    }
  }

  /** Lint again, after the pause, the open documents of `uri`'s workspace folder but itself (whose set `uri` is part of). */
  relintOthers(uri: string): void {
    const folder = this.where(uri)?.folder;
    for (const document of this.documents.all()) if (document.uri !== uri && this.where(document.uri)?.folder === folder) this.schedule(document);
  }

  stopTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const document = this.documents.get(params.textDocument.uri);
    const where = document ? this.where(document.uri) : null;
    if (!document || where === null) return [];
    const known = this.linted.get(document.uri);
    // The offsets of a fix are those of the text it was found in: lint the text as it is now if it changed since.
    const { messages } = known?.version === document.version ? known : await this.lint(document);
    const only = params.context.only;
    const wants = (kind: string): boolean => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
    const actions = wants(CodeActionKind.QuickFix) ? quickFixes(document, messages, params.range) : [];
    if (wants(FIX_ALL_KIND) && messages.some((message) => message.fix)) {
      const fixAll = fixAllAction(document, (await lintText(where.folder, where.path, document.getText(), { ...where, fix: true })).output);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }
}

function initialize(session: Session, params: InitializeParams): InitializeResult {
  session.watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  session.folders = (params.workspaceFolders ?? []).flatMap((folder) => filePathOf(folder.uri) ?? []);
  const root = params.rootUri ? filePathOf(params.rootUri) : (params.rootPath ?? null);
  if (session.folders.length === 0 && root) session.folders = [root];
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      completionProvider: { triggerCharacters: ['[', ',', ':', ' ', '(', '/', '#', '"'] },
      hoverProvider: true,
      definitionProvider: true,
      executeCommandProvider: { commands: [OPEN_DOCS_COMMAND] },
    },
    serverInfo: { name: 'adrlint' },
  };
}

/**
 * Serve the protocol on these streams; settles when the client sends exit, after which
 * vscode-languageserver ends the process (code 0 after a shutdown request, else 1), as it does
 * when the input ends.
 */
export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: ServerOptions = {}): Promise<void> {
  // Given the streams themselves, vscode-languageserver also ends the process when the input ends
  // (a client gone without exit): code 0 after a shutdown request, else 1.
  const connection = createConnection(input, output);
  const session = new Session(connection, options);
  const { documents } = session;
  connection.onInitialize((params) => initialize(session, params));
  // Fired on open too: the first text is linted at once, later ones after a pause in the typing.
  documents.onDidChangeContent(({ document }) => {
    if (session.seen.has(document.uri)) return session.schedule(document);
    session.seen.add(document.uri);
    void session.lint(document);
  });
  // The other ADRs of a set are read from the disk: once one is saved, the others' set problems may change.
  documents.onDidSave(({ document }) => session.relintOthers(document.uri));
  // A config, catalogue or ADR file changed on the disk (the client watches what it registered).
  connection.onDidChangeWatchedFiles(() => {
    for (const document of documents.all()) session.schedule(document);
  });
  connection.onInitialized(() => {
    if (!session.watchFiles) return;
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) })
      .catch((error: unknown) => connection.console.error(`adrlint: the client watches no files: ${error instanceof Error ? error.message : String(error)}`));
  });
  documents.onDidClose(({ document }) => session.close(document.uri));
  connection.onCodeAction((params) => session.codeActions(params));
  // Completion, hover and definition: pure functions of the text, the position, the file and its set.
  const withView = async <T>(uri: string, answer: (text: string, path: string, view: LspSetView) => T, none: T): Promise<T> => {
    const text = documents.get(uri)?.getText();
    const path = filePathOf(uri);
    const view = text === undefined || path === null ? null : await session.setView(uri);
    return view && text !== undefined && path !== null ? answer(text, path, view) : none;
  };
  connection.onCompletion(({ textDocument, position }) => (offersCompletion(documents.get(textDocument.uri)?.getText() ?? '', position) ? withView(textDocument.uri, (text, path, view) => completions(text, position, path, view), []) : []));
  connection.onHover(({ textDocument, position }) => withView(textDocument.uri, (text, path, view) => hover(text, position, path, view), null));
  connection.onDefinition(({ textDocument, position }) => withView(textDocument.uri, (text, path, view) => definition(text, position, path, view, readOpenOrDisk(documents)), null));
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const url = args?.[0];
    // Only a rule's page, as the code action gave it: never any address a client passes.
    if (command !== OPEN_DOCS_COMMAND || typeof url !== 'string' || !RULE_PAGES.has(url)) return;
    await connection.window.showDocument({ uri: url, external: true });
  });
  connection.onShutdown(() => session.stopTimers());
  const exited = new Promise<void>((resolve) =>
    connection.onExit(() => {
      session.stopTimers();
      resolve();
    }),
  );
  documents.listen(connection);
  connection.listen();
  return exited;
}
