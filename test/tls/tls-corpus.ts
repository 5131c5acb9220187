import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixWith, type FixTextResult } from '../../src/fix/fix-loop.js';
import type { Applicability } from '../../src/source/fix.js';
import type { LintOptions } from '../../src/linter/lint-options.js';
import { lintFile } from '../../src/linter/linter.js';
import { ALL_LINT_RULES } from '../../src/rules/index.js';
import { parseRules } from '../../src/syntax/parse.js';
import type { RuleStatement, Statement } from '../../src/syntax/tree.js';

/** Shared helpers for the corpus-wide TLS tests (test/tls/corpus-fix, test/tls/engine-fix). */

export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const CORPORA = `${SHARED}corpora/`;
export const RULES_SAMPLES = fileURLToPath(new URL('../../rules-samples/', import.meta.url));
export const CORPUS_DIRS = ['aws-docs', 'suricata-7.0.10', 'suricata-verify/rules'] as const;

export const TLS_LINT_RULES = ALL_LINT_RULES.filter((r) => r.meta.category === 'tls');

export interface CorpusFile {
  /** Relative to ../shared/corpora (or `rules-samples/<name>`). */
  readonly name: string;
  readonly corpus: string;
  readonly text: string;
}

export function readCorpusFiles(): CorpusFile[] {
  const out: CorpusFile[] = [];
  for (const dir of CORPUS_DIRS) {
    if (!existsSync(CORPORA + dir)) continue;
    for (const f of readdirSync(CORPORA + dir).sort()) {
      if (f.endsWith('.rules')) out.push({ name: `${dir}/${f}`, corpus: dir.split('/')[0], text: readFileSync(`${CORPORA}${dir}/${f}`, 'utf8') });
    }
  }
  return out;
}

export function readRulesSamples(): CorpusFile[] {
  if (!existsSync(RULES_SAMPLES)) return [];
  return readdirSync(RULES_SAMPLES)
    .filter((f) => f.endsWith('.rules'))
    .sort()
    .map((f) => ({ name: `rules-samples/${f}`, corpus: 'rules-samples', text: readFileSync(RULES_SAMPLES + f, 'utf8') }));
}

/** Fixes a text with the TLS lint rules only, so every change is one of theirs. */
export function fixTls(text: string, applicability: Applicability = 'safe', options: LintOptions = { profile: 'aws-nfw', ruleOrder: 'strict' }): FixTextResult {
  return fixWith(text, (t) => lintFile(parseRules(t), options, TLS_LINT_RULES), applicability);
}

/** Statements of a fixed text lined up with the original's; `inserted` are rules a fix added (catch-all pattern). */
export interface AlignedStatements {
  readonly pairs: { readonly before: Statement; readonly after: Statement; readonly index: number }[];
  readonly inserted: RuleStatement[];
  /** Original statements with no counterpart (must be empty: fixes never delete a statement). */
  readonly lost: Statement[];
}

const statementSid = (text: string, s: Statement): string | undefined =>
  s.kind === 'rule' ? (s.options.find((o) => o.name === 'sid')?.value?.text ?? `@${text.slice(s.range.start, s.range.end)}`) : undefined;

/**
 * Lines up the statements of `before` and `after` (a fixed version of it): a statement of `after` pairs
 * with the next unpaired one of `before` when both are rules with the same sid, or both the same
 * non-rule text; anything else in `after` is an inserted rule.
 */
export function alignStatements(before: string, after: string): AlignedStatements {
  const a = parseRules(before).statements;
  const b = parseRules(after).statements;
  const pairs: AlignedStatements['pairs'] = [];
  const inserted: RuleStatement[] = [];
  let i = 0;
  for (const sb of b) {
    const sa = a[i];
    const same =
      sa !== undefined &&
      sa.kind === sb.kind &&
      (sa.kind === 'rule' ? statementSid(before, sa) === statementSid(after, sb) : before.slice(sa.range.start, sa.range.end) === after.slice(sb.range.start, sb.range.end));
    if (same) pairs.push({ before: sa, after: sb, index: i++ });
    else if (sb.kind === 'rule') inserted.push(sb);
    else pairs.push({ before: sa, after: sb, index: i++ });
  }
  return { pairs, inserted, lost: a.slice(i) };
}
