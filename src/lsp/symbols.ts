import type { DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver/node';
import type { Session } from './session.js';

export function documentSymbols(_session: Session, _params: DocumentSymbolParams): DocumentSymbol[] {
  return [];
}
