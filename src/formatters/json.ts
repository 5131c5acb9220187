import { SourceFile } from '../source/source-file.js';
import type { Formatter } from './formatter.js';

/**
 * Stable JSON: an array of `{ filePath, diagnostics: [{ ruleId, severity, message, line, column,
 * endLine, endColumn, hint?, fix? }] }` with 1-based lines and columns. `fix` carries the edits in
 * offsets and in line/column so tools can apply it without re-reading the file.
 */
export const formatJson: Formatter = (report) => {
  const out = report.files.map((f) => {
    const src = new SourceFile(f.path, f.text);
    return {
      filePath: f.path,
      diagnostics: f.diagnostics.map((d) => {
        const s = src.positionAt(d.range.start);
        const e = src.positionAt(d.range.end);
        return {
          ruleId: d.ruleId,
          severity: d.severity,
          message: d.message,
          line: s.line,
          column: s.column,
          endLine: e.line,
          endColumn: e.column,
          ...(d.hint ? { hint: d.hint } : {}),
          ...(d.fix
            ? {
                fix: {
                  title: d.fix.title,
                  applicability: d.fix.applicability,
                  edits: d.fix.edits.map((x) => ({ start: x.range.start, end: x.range.end, text: x.text })),
                },
              }
            : {}),
        };
      }),
    };
  });
  return `${JSON.stringify(out, null, 2)}\n`;
};
