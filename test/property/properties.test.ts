/**
 * Bounded property-based robustness tests (issue 8). Fixed seed, bounded runs, and the seed and
 * number of cases printed, so that a CI failure is reproducible: PROPERTY_SEED=<seed> overrides the
 * seed, PROPERTY_RUNS=<n> the number of cases. The long mode is `npm run fuzz` (scripts/fuzz.mjs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/syntax/parse.js';
import { printRules } from '../../src/syntax/print.js';
import { lintText } from '../../src/linter/linter.js';
import { fixText } from '../../src/fix/fix-loop.js';
import { applyFixes } from '../../src/fix/apply-fixes.js';
import { decodeText } from '../../src/cli/read-text-file.js';
// @ts-expect-error plain JavaScript module shared with scripts/fuzz.mjs
import { DEFAULT_SEED, makeProperties } from './properties.mjs';

const SEED = Number(process.env.PROPERTY_SEED ?? DEFAULT_SEED);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);

interface Property {
  name: string;
  arbitrary: fc.Arbitrary<unknown>;
  check: (input: unknown) => void;
}

const properties: Property[] = makeProperties({ parseRules, printRules, lintText, fixText, applyFixes, decodeText });

/**
 * Properties the core currently violates for every seed (none at present). They run as `it.todo`
 * until the core is fixed; PROPERTY_ALL=1 runs them anyway.
 */
const KNOWN_FAILING = new Map<string, string>([]);

/**
 * Minimal counterexamples found by the fuzz run (scripts/fuzz.mjs), kept as regression cases. An
 * `open` one is a core bug not fixed yet: it is listed as `it.todo` (PROPERTY_ALL=1 runs it); set it
 * to `fixed` once the core is fixed and it becomes a normal test.
 */
const COUNTEREXAMPLES: { property: string; input: unknown; status: 'open' | 'fixed'; note: string }[] = [
  {
    property: 'fixText: output re-parses losslessly, keeps line endings, changes only edited bytes, adds no parse error',
    input: ['alert tcp any any -> any any (msg:"x"; sid:1; \\\n', 'aws-nfw', 'safe', 7],
    status: 'fixed',
    note: "the Insert ')' fix lands after a trailing '\\'+newline continuation at end of file, so the final newline is lost (fuzz minimal: '(\\\n' -> '(\\\n)')",
  },
  {
    property: 'fixText is idempotent: fixing the output again changes nothing',
    input: ['(# alert tcp [0.0.0.0/0, any, any] 0 -> any 0 (flow:stateless;)\n# alert tcp 0.0.0.0 0 -> any [$HTTP_PORTS] (msg:"";)', 'aws-nfw', 'safe', 7],
    status: 'fixed',
    note: "second fuzz run: a 'missing ;' fix between two words that are not keywords split garbage into options, and a later pass was reverted; the fix is now offered only between two known keywords",
  },
];

describe(`robustness properties (seed ${SEED}, ${RUNS} cases each)`, () => {
  for (const p of properties) {
    const known = KNOWN_FAILING.get(p.name);
    if (known && !process.env.PROPERTY_ALL) {
      it.todo(`${p.name}: ${known}`);
      continue;
    }
    it(p.name, () => {
      const details = fc.check(
        fc.property(p.arbitrary, (x) => p.check(x)),
        { seed: SEED, numRuns: RUNS },
      );
      console.log(`property "${p.name}": ${details.numRuns} cases run, seed ${SEED}${details.failed ? `, FAILED (path ${details.counterexamplePath})` : ''}`);
      if (details.failed) {
        const err = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        expect.fail(`counterexample ${JSON.stringify(details.counterexample)} (seed ${SEED}, path ${details.counterexamplePath}): ${err}`);
      }
      expect(details.numRuns).toBe(RUNS);
    });
  }
});

describe('fuzz counterexamples (regression cases)', () => {
  for (const c of COUNTEREXAMPLES) {
    const p = properties.find((x) => x.name === c.property);
    const title = `${c.property} on ${JSON.stringify(c.input)}`;
    if (c.status === 'open' && !process.env.PROPERTY_ALL) {
      it.todo(`${title} — open core bug: ${c.note}`);
      continue;
    }
    it(title, () => {
      expect(p, `no property named "${c.property}"`).toBeDefined();
      expect(() => p!.check(c.input)).not.toThrow();
    });
  }
});
