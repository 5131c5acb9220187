/**
 * Scores the linter on the labelled mutation corpus (test/fixtures/mutations/mutants.jsonl, built by
 * scripts/mutation-corpus.mjs with the real Suricata 7.0.10): recall on the mutants the engine refuses, and
 * errors on the mutants it loads. Used by scripts/crosscheck.mjs (with dist/) and by the test in
 * test/engine/mutation-corpus.test.ts (with src/), so both measure the same thing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the labelled corpus lives. */
export const MUTANTS_FILE = fileURLToPath(new URL('../test/fixtures/mutations/mutants.jsonl', import.meta.url));

/**
 * Lint rules whose error is meant for a rule Suricata loads: the rule loads but cannot do what it says
 * (a swallowed `;` leaves a `drop` rule with no match at all). Counted apart, never as false errors.
 */
export const LOADS_BUT_BROKEN = new Set(['semicolon-swallowed']);

/** @returns {{ id: number, op: string, keyword: string, source: string, rule: string, verdict: string, reason?: string }[]} */
export function readMutants(file = MUTANTS_FILE) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/**
 * @param mutants the labelled corpus (readMutants)
 * @param lintText the linter's `lintText(text, options)`; each mutant is linted alone under profile `suricata`
 * @returns counts, recall (0..1), the refused mutants without an error (`missed`) and the loaded mutants with
 *   one (`falseErrors`), and per operation `[refused, flagged, loaded, falseErrors]`
 */
export function scoreMutants(mutants, lintText) {
  let refused = 0;
  let flagged = 0;
  let loaded = 0;
  let intended = 0;
  const missed = [];
  const falseErrors = [];
  const byOp = new Map();
  for (const m of mutants) {
    // `skipped` (a `requires:` the engine does not meet) and `unknown` say nothing about the rule text.
    if (m.verdict !== 'accepted' && m.verdict !== 'rejected') continue;
    const errors = lintText(`${m.rule}\n`, { profile: 'suricata' }).filter((d) => d.severity === 'error');
    const row = byOp.get(m.op) ?? [0, 0, 0, 0];
    byOp.set(m.op, row);
    if (m.verdict === 'rejected') {
      refused++;
      row[0]++;
      if (errors.length) {
        flagged++;
        row[1]++;
      } else missed.push(m);
    } else {
      loaded++;
      row[2]++;
      const wrong = errors.filter((d) => !LOADS_BUT_BROKEN.has(d.ruleId));
      if (errors.length && !wrong.length) intended++;
      if (wrong.length) {
        row[3]++;
        falseErrors.push({ ...m, errors: wrong.map((d) => `${d.ruleId}: ${d.message}`) });
      }
    }
  }
  return { total: mutants.length, refused, flagged, recall: refused ? flagged / refused : 1, loaded, intended, falseErrors, missed, byOp };
}

/** A short text report of a score, with the engine reasons of the missed mutants grouped. */
export function formatMutationScore(s, { details = 20 } = {}) {
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `mutation corpus: ${s.total} mutants, ${s.refused} refused by Suricata 7.0.10, ${s.loaded} loaded`,
    `recall on refused mutants: ${s.flagged}/${s.refused} (${pct(s.recall)})`,
    `errors on loaded mutants: ${s.falseErrors.length}` + (s.intended ? ` (+${s.intended} intended: rules that load but cannot work, ${[...LOADS_BUT_BROKEN].join(', ')})` : ''),
  ];
  const groups = new Map();
  for (const m of s.missed) {
    const key = (m.reason ?? 'no reason').replace(/'[^']*'|"[^"]*"|\d+/g, 'X').slice(0, 100);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  if (groups.size) {
    lines.push('missed, by engine reason:');
    for (const [reason, ms] of [...groups].sort((a, b) => b[1].length - a[1].length).slice(0, details)) lines.push(`  ${ms.length} ${reason}  e.g. #${ms[0].id} ${ms[0].rule.slice(0, 160)}`);
  }
  if (s.falseErrors.length) {
    lines.push('errors on loaded mutants:');
    for (const m of s.falseErrors.slice(0, details)) lines.push(`  #${m.id} ${m.rule.slice(0, 160)}\n    ${m.errors.join('\n    ')}`);
  }
  return lines.join('\n');
}
