import type { WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { HostAdapter } from '../inputs/host-adapter.js';
import type { EffectiveConfig } from '../config/merge-config.js';
import type { Statement } from '../syntax/tree.js';
import type { DocumentConfig } from './document-config.js';

/** The last lint of one open document: the text it was run on and its findings (offsets of that text). */
export interface DocumentState {
  readonly uri: string;
  readonly path: string;
  /** The document snapshot that was linted (its version and text). */
  readonly doc: TextDocument;
  readonly adapter: HostAdapter;
  readonly diagnostics: readonly Diagnostic[];
  readonly options: EffectiveConfig;
}

/** What the request handlers (code actions, hover, completion, symbols, navigation) may ask the server. */
export interface Session {
  /** The open document at `uri` as the editor has it now. */
  document(uri: string): TextDocument | undefined;
  /** The last lint of `uri`, only when it is of the current text. */
  state(uri: string): DocumentState | undefined;
  /** The parsed statements of a `.rules` document's last lint (shared: do not modify). */
  statements(uri: string): readonly Statement[] | undefined;
  /** The lint options (config file + editor settings) for `uri`. */
  configFor(uri: string): DocumentConfig;
  openDocuments(): readonly TextDocument[];
  /** Asks the client to apply an edit (`workspace/applyEdit`); true when it did. */
  applyEdit(edit: WorkspaceEdit): Promise<boolean>;
}
