#!/usr/bin/env node
/**
 * Cross-checks suricata-lint against the real Suricata on every rule of ../shared/corpora and writes the
 * rules where the two disagree to reports/disagreements.md (counts are printed too).
 *
 *   npm run build && npm run crosscheck [-- --oracle] [-- --engine-path /path/to/suricata] [-- --out file.md]
 *
 * --oracle compares with the recorded verdicts in ../shared/oracle instead of running Suricata.
 * Then scores the linter on the labelled mutation corpus (test/fixtures/mutations/mutants.jsonl, labels from
 * Suricata 7.0.10, see scripts/mutation-corpus.mjs): recall on refused mutants, errors on loaded ones; the
 * details go to reports/mutations.txt. --mutations-only skips the corpora (no engine needed).
 * Exit code: 0 when no rule that Suricata loads is reported as an error, 1 otherwise, 2 when it cannot run.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const dist = new URL('dist/engine/', root);
if (!existsSync(fileURLToPath(new URL('corpus-crosscheck.js', dist)))) {
  console.error('crosscheck: dist/ is missing; run npm run build first');
  process.exit(2);
}
const { crossCheckCorpora } = await import(new URL('corpus-crosscheck.js', dist).href);
const { formatDisagreements, summarizeCrossCheck } = await import(new URL('disagreements-report.js', dist).href);
const { probeSuricata } = await import(new URL('run-suricata.js', dist).href);

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const sharedDir = fileURLToPath(new URL('../shared/', root));
const out = option('--out') ?? fileURLToPath(new URL('reports/disagreements.md', root));
const suricataPath = option('--engine-path');
let engine = args.includes('--oracle') ? 'oracle' : 'live';

const { lintText } = await import(new URL('dist/index.js', root).href);
const { readMutants, scoreMutants, formatMutationScore } = await import(new URL('scripts/mutation-score.mjs', root).href);
const mutationScore = scoreMutants(readMutants(), lintText);
const mutationsOut = fileURLToPath(new URL('reports/mutations.txt', root));
await mkdir(dirname(mutationsOut), { recursive: true });
await writeFile(mutationsOut, `${formatMutationScore(mutationScore, { details: 1000 })}\n`);
console.log(formatMutationScore(mutationScore, { details: 0 }).split('\n').slice(0, 3).join('\n'));
console.log(`report: ${mutationsOut}\n`);
if (args.includes('--mutations-only')) process.exit(mutationScore.falseErrors.length ? 1 : 0);

if (!existsSync(`${sharedDir}corpora`)) {
  console.error(`crosscheck: ${sharedDir}corpora not found; the corpora live in ../shared beside the checkout`);
  process.exit(2);
}
if (engine === 'live') {
  const probe = await probeSuricata(suricataPath);
  if ('run' in probe) {
    console.error(`crosscheck: ${probe.run.message} Using the recorded oracle instead.`);
    engine = 'oracle';
  }
}
const report = await crossCheckCorpora({ sharedDir, engine, suricataPath });
await mkdir(dirname(out), { recursive: true });
await writeFile(out, formatDisagreements(report));
console.log(summarizeCrossCheck(report));
console.log(`report: ${out}`);
process.exit(report.weRejectEngineAccepts.length || mutationScore.falseErrors.length ? 1 : 0);
