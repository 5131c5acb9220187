import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixWith, type FixTextResult } from '../../src/fix/fix-loop.js';
import type { Applicability } from '../../src/source/fix.js';
import type { LintOptions } from '../../src/linter/lint-options.js';
import { lintFile } from '../../src/linter/linter.js';
import { ALL_LINT_RULES } from '../../src/rules/index.js';
import { parseRules } from '../../src/syntax/parse.js';

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
