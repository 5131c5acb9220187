import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TextRange } from '../source/text-range.js';

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'suricata-lint';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** An offset range of the document's text as an LSP range (lines and UTF-16 columns, as our offsets are). */
export function toLspRange(doc: TextDocument, r: TextRange): Range {
  return { start: doc.positionAt(r.start), end: doc.positionAt(r.end) };
}

/**
 * One finding as an LSP diagnostic: `code` is the rule id, the hint follows the message on its own line
 * (as the CLI prints it), and `data.index` is the finding's place in the server's list for the document
 * (code actions and hovers look the finding up there, with its fixes, instead of trusting the client's copy).
 */
export function toLspDiagnostic(doc: TextDocument, d: Diagnostic, index: number): LspDiagnostic {
  return {
    range: toLspRange(doc, d.range),
    severity: SEVERITY[d.severity],
    code: d.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: d.hint ? `${d.message}\nhelp: ${d.hint}` : d.message,
    data: { index },
  };
}
