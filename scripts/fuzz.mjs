#!/usr/bin/env node
/**
 * Long-running fuzz mode of the robustness properties (issue 8): the same properties as
 * test/property/properties.test.ts, against the built dist/ (run `npm run build` first; `npm run fuzz`
 * does), round after round with a fresh seed each round, until the time budget is spent.
 *
 *   node scripts/fuzz.mjs [--minutes N] [--runs-per-round N] [--seed S]
 *
 * Prints progress, the total number of cases, and every failure with its seed and path (replay with
 * PROPERTY_SEED=<seed> in the bounded tests, or fast-check's `{ seed, path }`). Exit 1 on any failure.
 */
import fc from 'fast-check';
import { parseRules } from '../dist/syntax/parse.js';
import { printRules } from '../dist/syntax/print.js';
import { lintText } from '../dist/linter/linter.js';
import { fixText } from '../dist/fix/fix-loop.js';
import { applyFixes } from '../dist/fix/apply-fixes.js';
import { decodeText } from '../dist/cli/read-text-file.js';
import { makeProperties } from '../test/property/properties.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}

const minutes = arg('minutes', 10);
const runsPerRound = arg('runs-per-round', 2000);
let seed = arg('seed', Date.now() % 0x7fffffff);
const deadline = Date.now() + minutes * 60_000;
const properties = makeProperties({ parseRules, printRules, lintText, fixText, applyFixes, decodeText });
const counts = new Map(properties.map((p) => [p.name, 0]));
const failures = [];
let round = 0;

console.log(`fuzz: ${properties.length} properties, ${minutes} min, ${runsPerRound} cases per property per round, first seed ${seed}`);
while (Date.now() < deadline) {
  round++;
  for (const p of properties) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    const details = fc.check(
      fc.property(p.arbitrary, (x) => p.check(x)),
      { seed, numRuns: runsPerRound, interruptAfterTimeLimit: remaining, markInterruptAsFailure: false },
    );
    counts.set(p.name, counts.get(p.name) + details.numRuns);
    if (details.failed) {
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      failures.push({ property: p.name, seed, path: details.counterexamplePath, counterexample: details.counterexample, error });
      console.log(`FAILURE in "${p.name}" seed ${seed} path ${details.counterexamplePath}\n  counterexample: ${JSON.stringify(details.counterexample)}\n  ${error}`);
    }
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`round ${round} (seed ${seed}): ${total} cases so far, ${failures.length} failure(s), ${Math.max(0, Math.round((deadline - Date.now()) / 1000))} s left`);
  seed = (seed + 1) % 0x7fffffff;
}

const total = [...counts.values()].reduce((a, b) => a + b, 0);
console.log('\nfuzz summary');
for (const [name, n] of counts) console.log(`  ${String(n).padStart(10)}  ${name}`);
console.log(`  ${String(total).padStart(10)}  total cases in ${round} round(s), ${failures.length} failure(s)`);
for (const f of failures) console.log(`  FAILED "${f.property}" seed ${f.seed} path ${f.path}: ${f.error}`);
process.exitCode = failures.length ? 1 : 0;
