import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { removeOptionEdit } from './utils/remove-option.js';

export default defineLintRule({
  meta: {
    id: 'aws-priority-strict-order',
    category: 'aws',
    severity: { 'aws-nfw': 'error', suricata: 'off' },
    fix: 'safe',
    docs: {
      summary: 'The priority keyword in a rule group that uses strict rule order.',
      rationale:
        "AWS's API reference (RulesSource): \"You can't use the priority keyword if the RuleOrder option in StatefulRuleOptions is set to STRICT_ORDER.\" The update of such a rule group fails. Under strict order the rules are evaluated in the order you write them, so priority has nothing to do. Set `ruleOrder: \"action\"` in the configuration if the rule group uses action order.",
      badExample: 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; priority:1; sid:1;)',
      goodExample: 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; sid:1;)',
      fixSafety: 'Safe: under strict order the rule order, not priority, decides evaluation, and the rule group cannot be deployed with it.',
    },
  },
  checkRule(_rule, ctx, facts) {
    if (ctx.options.ruleOrder !== 'strict') return;
    for (const option of facts.optionsNamed('priority')) {
      ctx.report({
        range: option.range,
        message: "'priority' is not allowed in a strict-order rule group: AWS Network Firewall rejects the rule group",
        hint: 'remove it (the order of the rules decides), or configure ruleOrder "action" if the group uses action order',
        fix: Fix.safe("Remove 'priority'", [removeOptionEdit(ctx.text, option)]),
      });
    }
  },
});
