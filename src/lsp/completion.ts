import type { CompletionItem, CompletionParams } from 'vscode-languageserver/node';
import type { Session } from './session.js';

export const COMPLETION_TRIGGERS = [':', ' ', '(', ';', ','];

export function completion(_session: Session, _params: CompletionParams): CompletionItem[] {
  return [];
}
