import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LintReport } from '../linter/lint-report.js';
import { SourceFile } from '../source/source-file.js';
import { diagnosticLocation, reportPath } from './diagnostic-location.js';
import type { Formatter } from './formatter.js';
import { TOOL_NAME } from './tool-info.js';
import { displayPath, guardLineStart, oneLine, safeLines } from './safe-text.js';
import { xmlAttr, xmlText } from './xml-text.js';

/**
 * JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure DevOps): one `<testsuite>`
 * per file, one `<testcase>` per finding (classname = file, name = rule id and location). Errors and
 * warnings are `<failure>`s; infos are passing test cases with the finding in `<system-out>`. A file
 * without findings gets one passing test case, so every linted file shows up.
 */
export const formatJunit: Formatter = (report: LintReport) => {
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const f of report.files) {
    const path = reportPath(f.path);
    const src = new SourceFile(f.path, f.text);
    const cases = f.diagnostics.map((d) => testCase(path, src, d));
    if (cases.length === 0) cases.push(`    <testcase classname="${xmlAttr(path)}" name="${xmlAttr(`${TOOL_NAME}: no problems`)}" file="${xmlAttr(path)}"/>`);
    const failed = f.diagnostics.filter(isFailure).length;
    tests += cases.length;
    failures += failed;
    suites.push(
      `  <testsuite name="${xmlAttr(path)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttr(TOOL_NAME)}" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

function isFailure(d: Diagnostic): boolean {
  return d.severity !== 'info';
}

function testCase(path: string, src: SourceFile, d: Diagnostic): string {
  const l = diagnosticLocation(src, d);
  const where = `${path}:${l.line}:${l.column}`;
  const detail = [`${displayPath(where)}: ${d.severity}: ${oneLine(d.message)} [${d.ruleId}]`, guardLineStart(`  ${oneLine(src.lineText(l.line))}`)];
  if (d.hint) detail.push(`hint: ${safeLines(d.hint)}`);
  if (d.fix) detail.push(`fix (${d.fix.applicability}): ${oneLine(d.fix.title)}`);
  const open = `    <testcase classname="${xmlAttr(path)}" name="${xmlAttr(`${d.ruleId} at ${path}:${l.line}:${l.column}`)}" file="${xmlAttr(path)}" line="${l.line}">`;
  const body = isFailure(d)
    ? `      <failure message="${xmlAttr(d.message)}" type="${xmlAttr(`${d.severity}: ${d.ruleId}`)}">${xmlText(detail.join('\n'))}</failure>`
    : `      <system-out>${xmlText(detail.join('\n'))}</system-out>`;
  return `${open}\n${body}\n    </testcase>`;
}
