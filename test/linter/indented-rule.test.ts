import { describe, expect, it } from 'vitest';
import { loadHclGrammar } from '../../src/inputs/read-host-document.js';
import { lintSource } from '../../src/linter/lint-source.js';
import rule from '../../src/rules/indented-rule.js';
import { runRuleTests } from '../rules/rule-tester.js';

runRuleTests(rule, {
  valid: ['drop tls any any -> any any (ssl_state:client_hello; sid:1;)', '  # an indented comment'],
  invalid: [
    {
      name: 'aws-nfw: a note (AWS trims the indentation)',
      code: '  drop tls any any -> any any (ssl_state:client_hello; sid:1;)',
      errors: [{ severity: 'info', line: 1, column: 1, message: 'indented' }],
      output: 'drop tls any any -> any any (ssl_state:client_hello; sid:1;)',
      unsafe: true,
    },
    {
      name: 'suricata: an error (the loader skips the line silently)',
      code: '\tdrop tls any any -> any any (ssl_state:client_hello; sid:1;)',
      options: { profile: 'suricata' },
      errors: [{ severity: 'error', message: 'Suricata ignores it' }],
      output: 'drop tls any any -> any any (ssl_state:client_hello; sid:1;)',
      unsafe: true,
    },
  ],
});

describe('indented-rule inside AWS rule group hosts', () => {
  const RULE = '    drop tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"x"; msg:"x"; sid:1; rev:1;)';
  const tf = `resource "aws_networkfirewall_rule_group" "g" {
  capacity = 10
  name     = "g"
  type     = "STATEFUL"
  rule_group {
    rules_source {
      rules_string = <<EOF
${RULE}
${RULE.replace('sid:1', 'sid:2')}
EOF
    }
    stateful_rule_options { rule_order = "STRICT_ORDER" }
  }
}
`;
  const cfn = `Resources:
  G:
    Type: AWS::NetworkFirewall::RuleGroup
    Properties:
      Capacity: 10
      RuleGroupName: g
      Type: STATEFUL
      RuleGroup:
        StatefulRuleOptions: { RuleOrder: STRICT_ORDER }
        RulesSource:
          RulesString: "${RULE.replace(/"/g, '\\"')}"
`;
  const ids = (path: string, text: string, options = {}) => lintSource(path, text, options).map((d) => d.ruleId);

  it('aws-nfw: silent in a Terraform <<EOF heredoc and in CloudFormation (AWS trims the indentation)', async () => {
    await loadHclGrammar();
    expect(ids('g.tf', tf)).not.toContain('indented-rule');
    expect(ids('g.yaml', cfn)).not.toContain('indented-rule');
  });
  it('aws-nfw: still a note in a .rules file; suricata: still an error in hosts', async () => {
    await loadHclGrammar();
    expect(ids('g.rules', RULE)).toContain('indented-rule');
    expect(lintSource('g.tf', tf, { profile: 'suricata' }).filter((d) => d.ruleId === 'indented-rule').map((d) => d.severity)).toEqual(['error', 'error']);
    expect(lintSource('g.yaml', cfn, { profile: 'suricata' }).filter((d) => d.ruleId === 'indented-rule').map((d) => d.severity)).toEqual(['error']);
  });
});
