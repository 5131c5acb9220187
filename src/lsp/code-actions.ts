import type { CodeAction, CodeActionParams, ExecuteCommandParams } from 'vscode-languageserver/node';
import type { Session } from './session.js';

export const FIX_ALL_COMMAND = 'suricata-lint.fixAll';

export function codeActions(_session: Session, _params: CodeActionParams): CodeAction[] {
  return [];
}

export async function executeFixAll(_session: Session, _params: ExecuteCommandParams): Promise<boolean> {
  return false;
}
