import { defineLintRule } from '../linter/lint-rule.js';

export default defineLintRule({
  meta: {
    id: 'aws-only-keyword',
    category: 'aws',
    severity: { 'aws-nfw': 'off', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'An AWS Network Firewall extension keyword (aws_domain_category, aws_url_category) in a plain Suricata rule set.',
      rationale:
        'These keywords exist only in AWS Network Firewall. Upstream Suricata rejects the rule ("unknown rule keyword"). They are fine under the aws-nfw profile.',
      badExample: 'drop tls any any -> any any (msg:"C2"; aws_domain_category:Command and Control; sid:1;)',
      goodExample: 'drop tls any any -> any any (msg:"C2"; ssl_state:client_hello; tls.sni; content:"c2.example"; sid:1;)',
    },
  },
  checkRule(rule, ctx, facts) {
    const { infos } = facts.keywords;
    for (let i = 0; i < infos.length; i++) {
      if (infos[i]?.vendor !== 'aws') continue;
      const option = rule.options[i];
      ctx.report({
        range: option.keyword.range,
        message: `'${option.keyword.text}' is an AWS Network Firewall keyword: Suricata rejects the rule ("unknown rule keyword")`,
        hint: 'keep this rule for AWS Network Firewall (profile aws-nfw), or match on tls.sni / http.host instead',
      });
    }
  },
});
