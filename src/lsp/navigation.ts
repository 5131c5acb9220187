import type { DefinitionParams, Location, ReferenceParams } from 'vscode-languageserver/node';
import type { Session } from './session.js';

export function definition(_session: Session, _params: DefinitionParams): Location[] {
  return [];
}

export function references(_session: Session, _params: ReferenceParams): Location[] {
  return [];
}
