import type { Hover, HoverParams } from 'vscode-languageserver/node';
import type { Session } from './session.js';

export function hover(_session: Session, _params: HoverParams): Hover | null {
  return null;
}
