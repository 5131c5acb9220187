import { describe, expect, it } from 'vitest';
import type { LintOptions } from '../../src/linter/lint-options.js';
import { lintText } from '../../src/linter/linter.js';
import { ALL_LINT_RULES, isLintRuleId } from '../../src/rules/index.js';

/*
 * The registry is the single source of truth for what each rule finds: its documented bad example must be
 * reported by that rule (by its id, not by another rule), and its good example must not.
 */

/** Rules whose examples are not a rules text: why, and where their behaviour is tested instead. */
const NOT_RULES_TEXT: Readonly<Record<string, string>> = {
  'aws-rule-order-missing': 'a CloudFormation/Terraform fragment (test/inputs/aws-rule-order-missing.test.ts)',
  'aws-rules-string-too-long': 'describes a 2,000,001-character file (test/rules/aws-rules-string-too-long.test.ts)',
  'engine-error': "Suricata's verdict, only with --engine (test/engine)",
  'engine-warning': "Suricata's verdict, only with --engine (test/engine)",
  'generated-rules-note': 'an AWS RulesSourceList fragment (test/inputs/generated-rules-note.test.ts)',
  'host-parse-error': 'a broken JSON file (test/inputs/host-parse-error.test.ts)',
  'host-unresolved-template': 'a Terraform attribute (test/inputs/host-unresolved-template.test.ts)',
};

/** Options an example needs beyond turning its rule on. */
const EXAMPLE_OPTIONS: Readonly<Record<string, LintOptions>> = {
  // Definitions must be known for the check to run; the example's text says which are.
  'undefined-variable': { variables: new Set(['HOME_NET', 'HTTP_SERVERS', 'HTTP_PORTS']) },
};

describe('documented examples', () => {
  it('names only registered rules in its tables', () => {
    for (const id of [...Object.keys(NOT_RULES_TEXT), ...Object.keys(EXAMPLE_OPTIONS)]) expect(isLintRuleId(id), id).toBe(true);
  });

  for (const { meta } of ALL_LINT_RULES) {
    if (NOT_RULES_TEXT[meta.id]) continue;
    // The rule on (opt-in rules are off in both profiles), at a severity that never hides it.
    const options: LintOptions = { ...EXAMPLE_OPTIONS[meta.id], rules: { [meta.id]: 'warning' } };
    it(`${meta.id}: the bad example is reported by ${meta.id}`, () => {
      expect(lintText(`${meta.docs.badExample}\n`, options).map((d) => d.ruleId)).toContain(meta.id);
    });
    if (meta.docs.goodExample !== undefined) {
      it(`${meta.id}: the good example is clean (of this rule, and parses)`, () => {
        const ids = lintText(`${meta.docs.goodExample}\n`, options).map((d) => d.ruleId);
        expect(ids.filter((id) => id === meta.id || (id === 'parse-error' && meta.id !== 'parse-error'))).toEqual([]);
      });
    }
  }
});
