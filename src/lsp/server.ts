// `adrlint lsp --stdio`: a language server over standard input and output. The documents' state,
// linting and settings: src/lsp/session.ts. Open ADRs are linted on open, and on change after a
// pause (`adrlint.run`: onType) or on save (onSave). Code actions: src/lsp/actions.ts. Shutdown
// stops every timer; exit ends the process.
import { CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocumentSyncKind, type CodeAction, type CodeActionParams, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node';
import { filePathOf } from './lint-document.ts';
import { FIX_ALL_KIND, fixAllAction, OPEN_DOCS_COMMAND, quickFixes } from './actions.ts';
import { completions, offersCompletion } from './completion.ts';
import { hover } from './hover.ts';
import { definition, readOpenOrDisk } from './definition.ts';
import type { LspSetView } from './set-view.ts';
import { rules } from '../../rules/index.ts';
import { Session, type ServerOptions } from './session.ts';
import type { RunWhen } from './settings.ts';

export { DEBOUNCE_MS, type ServerOptions } from './session.ts';

/** The files whose change on the disk re-lints every open document: configs, catalogues (YAML or JSON) and markdown. */
const WATCHED = ['**/.adrlintrc.{yml,yaml,json}', '**/*.{yml,yaml,json}', '**/*.{md,markdown}'];

const RULE_PAGES = new Set(rules.map((rule) => rule.meta.docs.url));

interface Capabilities {
  /** The client watches files for the server when asked (dynamic registration). */
  watchFiles: boolean;
  /** The client takes a dynamic registration of workspace/didChangeConfiguration. */
  configurationChanges: boolean;
  /** The client has workspace folders, and says when they change. */
  workspaceFolders: boolean;
}

function initialize(session: Session, params: InitializeParams, capabilities: Capabilities): InitializeResult {
  const workspace = params.capabilities.workspace;
  capabilities.watchFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  capabilities.configurationChanges = workspace?.didChangeConfiguration?.dynamicRegistration === true;
  capabilities.workspaceFolders = workspace?.workspaceFolders === true;
  session.asksConfiguration = workspace?.configuration === true;
  session.givenSettings = params.initializationOptions;
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
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'adrlint' },
  };
}

/** Ask the client for what it can tell the server of: files changed on the disk, settings changed. */
function registerWatches(connection: Connection, capabilities: Capabilities): void {
  const failed = (what: string) => (error: unknown) => connection.console.error(`adrlint: ${what}: ${error instanceof Error ? error.message : String(error)}`);
  if (capabilities.watchFiles) {
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) }).catch(failed('the client watches no files'));
  }
  if (capabilities.configurationChanges) connection.client.register(DidChangeConfigurationNotification.type, { section: 'adrlint' }).catch(failed('no settings changes'));
}

/** A workspace folder added or removed: each document's folder (its config, its settings) may be another now. */
function followWorkspaceFolders(session: Session): void {
  session.connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
    const gone = new Set(removed.flatMap((folder) => filePathOf(folder.uri) ?? []));
    session.folders = [...session.folders.filter((folder) => !gone.has(folder)), ...added.flatMap((folder) => filePathOf(folder.uri) ?? [])];
    session.settingsChanged();
  });
}

async function codeActions(session: Session, params: CodeActionParams): Promise<CodeAction[]> {
  const document = session.documents.get(params.textDocument.uri);
  const place = document ? await session.where(document.uri) : null;
  if (!document || place === null) return [];
  const known = session.linted.get(document.uri);
  // The offsets of a fix are those of the text it was found in: lint the text as it is now if it changed since.
  const { messages } = known?.version === document.version ? known : await session.lint(document);
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const actions = wants(CodeActionKind.QuickFix) ? quickFixes(document, messages, params.range) : [];
  if (wants(FIX_ALL_KIND) && messages.some((message) => message.fix)) {
    // A config broken since the last lint: no fix-all (the next lint says why), not a failed request.
    const output = await session.lintNow(document, place, true).then(
      (linted) => linted.output,
      () => undefined,
    );
    const fixAll = fixAllAction(document, output);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** Lint on open, then on change (after a pause) or on save, as the folder's `adrlint.run` says. */
function lintOnChanges(session: Session): void {
  const { documents } = session;
  const runOf = async (uri: string): Promise<RunWhen> => {
    const place = await session.where(uri);
    return place === null ? 'onType' : (await session.settingsOf(place.folder)).run;
  };
  // Fired on open too: the first text is linted at once.
  documents.onDidChangeContent(({ document }) => {
    if (!session.seen.has(document.uri)) {
      session.seen.add(document.uri);
      return void session.lint(document);
    }
    void runOf(document.uri).then((run) => {
      if (run === 'onType') session.schedule(document);
    });
  });
  documents.onDidSave(({ document }) => {
    void runOf(document.uri).then((run) => {
      if (run === 'onSave') void session.lint(document);
    });
  });
  documents.onDidClose(({ document }) => session.close(document));
}

/** Completion, hover and definition: pure functions of the text, the position, the file and its set as its last lint saw it. */
function answerFromTheSet(session: Session): void {
  const { connection, documents } = session;
  const withView = async <T>(uri: string, answer: (text: string, path: string, view: LspSetView) => T, none: T): Promise<T> => {
    const text = documents.get(uri)?.getText();
    const path = filePathOf(uri);
    const view = text === undefined || path === null ? null : await session.setView(uri);
    return view && text !== undefined && path !== null ? answer(text, path, view) : none;
  };
  connection.onCompletion(({ textDocument, position }) =>
    offersCompletion(documents.get(textDocument.uri)?.getText() ?? '', position) ? withView(textDocument.uri, (text, path, view) => completions(text, position, path, view), []) : [],
  );
  connection.onHover(({ textDocument, position }) => withView(textDocument.uri, (text, path, view) => hover(text, position, path, view), null));
  connection.onDefinition(({ textDocument, position }) => withView(textDocument.uri, (text, path, view) => definition(text, position, path, view, readOpenOrDisk(documents)), null));
}

/**
 * Serve the protocol on these streams; settles when the client sends exit, after which
 * vscode-languageserver ends the process (code 0 after a shutdown request, else 1), as it does
 * when the input ends (a client gone without exit).
 */
export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: ServerOptions = {}): Promise<void> {
  const connection = createConnection(input, output);
  const session = new Session(connection, options);
  const capabilities: Capabilities = { watchFiles: false, configurationChanges: false, workspaceFolders: false };
  connection.onInitialize((params) => initialize(session, params, capabilities));
  connection.onInitialized(() => {
    registerWatches(connection, capabilities);
    if (capabilities.workspaceFolders) followWorkspaceFolders(session);
  });
  lintOnChanges(session);
  // A config, catalogue or ADR file changed on the disk (the client watches what it registered).
  connection.onDidChangeWatchedFiles(() => session.relintAll());
  connection.onDidChangeConfiguration(({ settings }) => {
    // A client that pushes its settings (no workspace/configuration) sends them here.
    if (!session.asksConfiguration && settings !== undefined && settings !== null) session.givenSettings = settings;
    session.settingsChanged();
  });
  connection.onCodeAction((params) => codeActions(session, params));
  answerFromTheSet(session);
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const url = args?.[0];
    // Only a rule's page, as the code action gave it: never any address a client passes.
    if (command !== OPEN_DOCS_COMMAND || typeof url !== 'string' || !RULE_PAGES.has(url)) return;
    await connection.window.showDocument({ uri: url, external: true });
  });
  connection.onShutdown(() => session.stop());
  const exited = new Promise<void>((resolve) =>
    connection.onExit(() => {
      session.stop();
      resolve();
    }),
  );
  session.documents.listen(connection);
  connection.listen();
  return exited;
}
