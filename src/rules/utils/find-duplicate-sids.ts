import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { rulesMentioning } from '../../linter/linter.js';
import type { LintOptions } from '../../linter/lint-options.js';
import { Reporter } from '../../linter/report.js';
import duplicateSid from '../duplicate-sid.js';
import { SourceFile } from '../../source/source-file.js';
import { hasRequires, ruleSid, SidIndex, type RuleSid } from './sid-index.js';

export interface FileDiagnostic {
  readonly path: string;
  readonly diagnostic: Diagnostic;
}

interface FileSid extends RuleSid {
  readonly path: string;
  /** 1-based line of the sid option in its file. */
  readonly line: number;
}

/**
 * Duplicate sids ACROSS files of one run (duplicates within one file are reported by the lint rule).
 * Pure: the caller passes the files' texts in the order it loads them; only the rules that mention
 * `sid` are parsed, one at a time. The severity follows the profile table and
 * `options.rules['duplicate-sid']`; nothing is returned when the rule is off (the default under
 * aws-nfw, where each file is its own rule group).
 */
export function findDuplicateSids(files: readonly { path: string; text: string }[], options: LintOptions = {}): FileDiagnostic[] {
  const reporter = new Reporter(options);
  if (!reporter.isOn(duplicateSid.meta.id)) return [];
  const resolved = reporter.options;
  const index = new SidIndex<FileSid>();
  const out: FileDiagnostic[] = [];
  for (const { path, text } of files) {
    // A sid repeated inside this file is reported there once, by the lint rule.
    const local = new Set<string>();
    /** The file's line index, built at its first sid (messages name the line of the first use). */
    let lines: SourceFile | undefined;
    for (const rule of rulesMentioning(text, 'sid', resolved)) {
      if (hasRequires(rule)) continue;
      const s = ruleSid(rule);
      if (!s) continue;
      const key = `${s.gid}:${s.sid}`;
      const first = index.add({ ...s, path, line: (lines ??= new SourceFile(path, text)).positionAt(s.range.start).line });
      if (first && first.path !== path && !local.has(key)) {
        const diagnostic = reporter.report({
          ruleId: duplicateSid.meta.id,
          message: `sid ${s.sid} is already used in ${first.path}:${first.line}: Suricata loads all files into one engine and refuses the later rule ("Duplicate signature")`,
          hint: 'give each rule its own sid across all rule files',
          range: s.range,
        });
        if (diagnostic) out.push({ path, diagnostic });
      }
      local.add(key);
    }
  }
  return out;
}
