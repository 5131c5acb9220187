import { buildRuleStatement } from './build-tree.js';
import { splitStatements } from './split-statements.js';
import type { RulesFile, Statement } from './tree.js';

/**
 * Parses a rules text into a lossless tree. Never throws: syntax errors are attached to the rule
 * statement they belong to, and every other statement is still parsed.
 */
export function parseRules(text: string): RulesFile {
  const { bom, spans, lineEnding } = splitStatements(text);
  const statements: Statement[] = spans.map((span): Statement => {
    if (span.kind === 'blank') return { kind: 'blank', range: span.range, eol: span.eol };
    if (span.kind === 'comment') return { kind: 'comment', range: span.range, eol: span.eol, body: { start: span.contentStart + 1, end: span.range.end } };
    return buildRuleStatement(text, span);
  });
  return { kind: 'rules-file', text, bom, statements, lineEnding };
}
