import { defineLintRule } from '../linter/lint-rule.js';
import { SidIndex } from './utils/sid-index.js';

export default defineLintRule({
  meta: {
    id: 'aws-duplicate-sid',
    category: 'aws',
    severity: { 'aws-nfw': 'error', suricata: 'off' },
    fix: 'none',
    docs: {
      summary: 'Two rules with the same sid in one rule group.',
      rationale:
        'AWS Network Firewall requires unique sids within a rule group (one file or RulesString is one group) and rejects the update otherwise. Sids may repeat across different rule groups.',
      badExample: 'pass tls any any -> any any (ssl_state:client_hello; tls.sni; content:"a.com"; sid:1;)\ndrop tls any any -> any any (ssl_state:client_hello; sid:1;)',
      goodExample: 'pass tls any any -> any any (ssl_state:client_hello; tls.sni; content:"a.com"; sid:1;)\ndrop tls any any -> any any (ssl_state:client_hello; sid:2;)',
    },
  },
  checkFile(ctx) {
    const index = new SidIndex();
    return {
      rule(_rule, facts) {
        const duplicate = facts.sid;
        const first = duplicate && index.add(duplicate);
        if (!duplicate || !first) return;
        ctx.report({
          range: duplicate.range,
          message: `sid ${duplicate.sid} is already used on line ${ctx.lineOf(first.range.start)}: AWS Network Firewall requires unique sids within a rule group`,
          hint: 'give this rule an unused sid',
        });
      },
    };
  },
});
