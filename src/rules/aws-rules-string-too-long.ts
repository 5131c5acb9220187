import { defineLintRule } from '../linter/lint-rule.js';

export const AWS_RULES_STRING_MAX = 2_000_000;

export default defineLintRule({
  meta: {
    id: 'aws-rules-string-too-long',
    category: 'aws',
    severity: { 'aws-nfw': 'error', suricata: 'off' },
    fix: 'none',
    docs: {
      summary: 'A rules text longer than 2,000,000 characters, the limit of an AWS rule group RulesString.',
      rationale: 'The AWS API (RulesSource.RulesString) accepts at most 2,000,000 characters; a longer rule group cannot be created or updated.',
      badExample: '(a file of 2,000,001 characters)',
      goodExample: '(split the rules into two rule groups)',
    },
  },
  checkFile(ctx) {
    const length = ctx.text.length;
    if (length <= AWS_RULES_STRING_MAX) return {};
    ctx.report({
      range: { start: AWS_RULES_STRING_MAX, end: length },
      message: `these rules are ${length.toLocaleString('en-US')} characters long: an AWS rule group's RulesString holds at most 2,000,000`,
      hint: 'split the rules into several rule groups, or remove comments and unused rules',
    });
    return {};
  },
});
