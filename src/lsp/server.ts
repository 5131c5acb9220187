import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../config/load-config.js';
import { VERSION } from '../cli/version.js';
import { codeActions, executeFixAll, FIX_ALL_COMMAND } from './code-actions.js';
import { completion, COMPLETION_TRIGGERS } from './completion.js';
import { DocumentConfigs, type ServerSettings } from './document-config.js';
import { toLspDiagnostic } from './diagnostics.js';
import { hover } from './hover.js';
import { pathOfUri } from './paths.js';
import { DocumentLinter } from './lint-document.js';
import { definition, references } from './navigation.js';
import type { DocumentState, Session } from './session.js';
import { documentSymbols } from './symbols.js';

/** How long typing must pause before the cross-rule checks run again on an edited `.rules` document. */
export const FILE_LEVEL_DELAY_MS = 300;

/**
 * `suricata-lint lsp`: the language server on stdin/stdout (the only output: nothing else may write to
 * stdout while it runs). Built on Microsoft's vscode-languageserver; the process ends on the protocol's
 * `exit` (code 0 after `shutdown`, else 1) or when the client goes away.
 */
export function startLanguageServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Connection {
  const connection = createConnection(ProposedFeatures.all, input, output);
  const documents = new TextDocuments(TextDocument);
  const linter = new DocumentLinter();
  const states = new Map<string, DocumentState>();
  let configs = new DocumentConfigs();
  const reported = new Set<string>();
  let watchConfigs = false;

  const session: Session = {
    document: (uri) => documents.get(uri),
    state: (uri) => {
      const s = states.get(uri);
      const doc = documents.get(uri);
      // Only findings of the text the editor shows now (a newer edit is being linted).
      return s && doc && s.doc.version === doc.version ? s : undefined;
    },
    statements: (uri) => linter.rulesLinter(uri)?.statements(),
    configFor: (uri) => configs.forPath(pathOfUri(uri)),
    openDocuments: () => documents.all(),
    applyEdit: (edit) => connection.workspace.applyEdit(edit).then((r) => r.applied),
  };

  const pending = new Set<string>();
  /** Documents whose cross-rule findings wait for a pause in typing, with their timer. */
  const complete = new Map<string, NodeJS.Timeout>();
  function schedule(uri: string): void {
    if (pending.has(uri)) return;
    pending.add(uri);
    setImmediate(() => {
      pending.delete(uri);
      void validate(uri, 'carry');
    });
  }

  /**
   * Lints a document and publishes its findings. After an edit of a `.rules` document, first the findings of
   * the statements the edit touched with the cross-rule findings of the others carried over (fast: under
   * 100 ms on 30,000 rules, scripts/bench-lsp.mjs), then, once typing has paused for FILE_LEVEL_DELAY_MS,
   * everything again with the cross-rule checks run (the same findings as the CLI).
   */
  async function validate(uri: string, fileLevel: 'run' | 'carry'): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    clearTimeout(complete.get(uri));
    complete.delete(uri);
    try {
      const path = pathOfUri(uri);
      const config = configs.forPath(path);
      for (const e of config.errors) {
        if (reported.has(e)) continue;
        reported.add(e);
        void connection.window.showWarningMessage(`suricata-lint: config: ${e}`);
      }
      const result = config.ignored
        ? { adapter: 'rules' as const, diagnostics: [], fileLevelPending: false }
        : await linter.lint(uri, path, doc.getText(), config.options, fileLevel);
      if (documents.get(uri) !== doc) return;
      states.set(uri, { uri, path, doc, adapter: result.adapter, diagnostics: result.diagnostics, options: config.options });
      if (result.fileLevelPending) complete.set(uri, setTimeout(() => void validate(uri, 'run'), FILE_LEVEL_DELAY_MS));
      await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: result.diagnostics.map((d, i) => toLspDiagnostic(doc, d, i)) });
    } catch (e) {
      // Never on user input by design; if it happens, say so instead of taking the editor's server down.
      connection.console.error(`suricata-lint: internal error while linting ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  connection.onInitialize((params): InitializeResult => {
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    configs = new DocumentConfigs((params.initializationOptions ?? {}) as ServerSettings, root ? pathOfUri(root) : undefined);
    watchConfigs = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
      },
      serverInfo: { name: 'suricata-lint', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (watchConfigs) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: CONFIG_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` })),
      });
    }
  });

  const relint = (): void => {
    configs.clear();
    for (const d of documents.all()) void validate(d.uri, 'run');
  };
  connection.onDidChangeWatchedFiles(relint);
  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings as { 'suricata-lint'?: ServerSettings } | undefined)?.['suricata-lint'];
    if (settings) configs.configure(settings);
    relint();
  });

  documents.onDidChangeContent((e) => {
    // An edited config file (unsaved) does not change what is on disk; a saved one comes as a watched-file change.
    schedule(e.document.uri);
  });
  documents.onDidSave((e) => {
    if (CONFIG_FILE_NAMES.some((n) => e.document.uri.endsWith(`/${n}`))) relint();
  });
  documents.onDidClose((e) => {
    clearTimeout(complete.get(e.document.uri));
    complete.delete(e.document.uri);
    states.delete(e.document.uri);
    linter.close(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => codeActions(session, params));
  connection.onExecuteCommand((params) => executeFixAll(session, params));
  connection.onHover((params) => hover(session, params));
  connection.onCompletion((params) => completion(session, params));
  connection.onDocumentSymbol((params) => documentSymbols(session, params));
  connection.onDefinition((params) => definition(session, params));
  connection.onReferences((params) => references(session, params));

  documents.listen(connection);
  connection.listen();
  return connection;
}
