import { buildStatement } from '../syntax/parse.js';
import { splitStatements } from '../syntax/split-statements.js';
import type { RuleOption, RuleStatement, Statement } from '../syntax/tree.js';
import type { Session } from './session.js';

/** The index of the last statement starting at or before `offset` (statements are in text order). */
function lastStartingBefore<T extends { range: { start: number } }>(items: readonly T[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (items[mid].range.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The parsed statements of a `.rules` document's current text: the incremental linter's when they are
 * of this text, else parsed now. Offsets are of `text`.
 */
export function statementsOf(session: Session, uri: string, text: string): readonly Statement[] {
  const state = session.state(uri);
  const cached = state && state.doc.getText() === text ? session.statements(uri) : undefined;
  if (cached) return cached;
  return splitStatements(text).spans.map((span) => buildStatement(text, span));
}

/** The statement holding `offset` (its line terminator included), parsing only that one. */
export function statementAt(session: Session, uri: string, text: string, offset: number): Statement | undefined {
  const state = session.state(uri);
  const cached = state && state.doc.getText() === text ? session.statements(uri) : undefined;
  if (cached) return cached.length ? cached[lastStartingBefore(cached, offset)] : undefined;
  const { spans } = splitStatements(text);
  if (!spans.length) return undefined;
  return buildStatement(text, spans[lastStartingBefore(spans, offset)]);
}

/** The rule option whose text (keyword to `;`) holds `offset`. */
export function optionAt(rule: RuleStatement, offset: number): RuleOption | undefined {
  return rule.options.find((o) => o.range.start <= offset && offset <= o.range.end);
}
