import { buildRuleStatement } from './build-tree.js';
import { splitStatements, type StatementSpan } from './split-statements.js';
import type { RulesFile, Statement } from './tree.js';

/** The statement a span of `text` holds (a rule is parsed here). Never throws. */
export function buildStatement(text: string, span: StatementSpan): Statement {
  if (span.kind === 'blank') return { kind: 'blank', range: span.range, eol: span.eol };
  if (span.kind === 'comment') return { kind: 'comment', range: span.range, eol: span.eol, body: { start: span.contentStart + 1, end: span.range.end } };
  return buildRuleStatement(text, span);
}

/**
 * Parses a rules text into a lossless tree. Never throws: syntax errors are attached to the rule
 * statement they belong to, and every other statement is still parsed.
 */
export function parseRules(text: string): RulesFile {
  const { bom, spans, lineEnding } = splitStatements(text);
  const statements: Statement[] = spans.map((span) => buildStatement(text, span));
  return { kind: 'rules-file', text, bom, statements, lineEnding };
}
