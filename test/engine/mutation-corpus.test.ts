import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/linter/linter.js';
import { formatMutationScore, readMutants, scoreMutants } from '../../scripts/mutation-score.mjs';

/**
 * The labelled mutation corpus (scripts/mutation-corpus.mjs: corpus rules mutated value by value, each labelled
 * by the real Suricata 7.0.10). No engine is needed here: the labels are in the fixture.
 */
describe('mutation corpus (labels from Suricata 7.0.10)', () => {
  const mutants = readMutants();
  const score = scoreMutants(mutants, lintText);

  it('is large enough to mean something', () => {
    expect(mutants.length).toBeGreaterThanOrEqual(5000);
    expect(score.refused).toBeGreaterThanOrEqual(1500);
  });

  it('reports an error on the mutants Suricata refuses (recall ratchet) and none on those it loads', () => {
    console.log(formatMutationScore(score, { details: 0 }));
    expect(score.recall).toBeGreaterThanOrEqual(0.969);
    expect(score.falseErrors.map((m: { id: number; rule: string; errors: readonly string[] }) => `#${m.id} ${m.rule}\n  ${m.errors.join('\n  ')}`)).toEqual([]);
  });
});
