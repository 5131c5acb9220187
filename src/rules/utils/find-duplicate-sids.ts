import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { checkedRules } from '../../linter/linter.js';
import { resolveLintOptions, type LintOptions } from '../../linter/lint-options.js';
import type { RulesFile } from '../../syntax/tree.js';
import duplicateSid from '../duplicate-sid.js';
import { lineOf } from './line-of.js';
import { ruleSid, sidKey, type RuleSid } from './sid-index.js';

export interface FileDiagnostic {
  readonly path: string;
  readonly diagnostic: Diagnostic;
}

/**
 * Duplicate sids ACROSS files of one run (duplicates within one file are reported by lintFile).
 * Pure: the caller passes the parsed files in the order it loads them. The severity follows the
 * profile table and `options.rules['duplicate-sid']`; nothing is returned when the rule is off
 * (the default under aws-nfw, where each file is its own rule group).
 */
export function findDuplicateSids(files: readonly { path: string; file: RulesFile }[], options: LintOptions = {}): FileDiagnostic[] {
  const resolved = resolveLintOptions(options);
  const setting = resolved.rules[duplicateSid.meta.id] ?? duplicateSid.meta.severity[resolved.profile];
  if (setting === 'off') return [];
  const seen = new Map<string, { path: string; file: RulesFile; sid: RuleSid }>();
  const out: FileDiagnostic[] = [];
  for (const { path, file } of files) {
    const local = new Set<string>();
    for (const rule of checkedRules(file, resolved)) {
      if (rule.options.some((o) => o.name === 'requires')) continue;
      const s = ruleSid(rule);
      if (!s) continue;
      const key = sidKey(s);
      const first = seen.get(key);
      if (first && first.path !== path && !local.has(key)) {
        out.push({
          path,
          diagnostic: {
            ruleId: duplicateSid.meta.id,
            severity: setting,
            message: `sid ${s.sid} is already used in ${first.path}:${lineOf(first.file.text, first.sid.option.range.start)}: Suricata loads all files into one engine and refuses the later rule ("Duplicate signature")`,
            hint: 'give each rule its own sid across all rule files',
            range: s.option.range,
          },
        });
      }
      local.add(key);
      if (!first) seen.set(key, { path, file, sid: s });
    }
  }
  return out;
}
