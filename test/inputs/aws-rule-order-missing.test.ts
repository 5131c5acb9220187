import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/linter/lint-source.js';
import { SourceFile } from '../../src/source/source-file.js';

const template = (options: string) => `Resources:
  Egress:
    Type: AWS::NetworkFirewall::RuleGroup
    Properties:
      RuleGroupName: egress
      Type: STATEFUL
      Capacity: 10
      RuleGroup:
        RulesSource:
          RulesString: |
            pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"a.example"; msg:"a"; sid:1;)
${options}`;

describe('aws-rule-order-missing', () => {
  it('is reported on a CloudFormation rule group without StatefulRuleOptions, at the RuleGroup key', () => {
    const text = template('');
    const d = lintSource('t.yaml', text).find((x) => x.ruleId === 'aws-rule-order-missing')!;
    expect(d.severity).toBe('warning');
    expect(new SourceFile('t.yaml', text).positionAt(d.range.start)).toEqual({ line: 8, column: 7 });
  });
  it('is not reported with a rule order', () => {
    const text = template('        StatefulRuleOptions:\n          RuleOrder: STRICT_ORDER\n');
    expect(lintSource('t.yaml', text).filter((x) => x.ruleId === 'aws-rule-order-missing')).toEqual([]);
  });
  it('lints the rules in action order when the rule order is missing (AWS default)', () => {
    const rules = 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"a.example"; msg:"a"; sid:1;)\n            reject tcp $HOME_NET any -> any any (msg:"b"; flow:to_server; sid:2;)';
    const missing = template('').replace(/pass tls.*sid:1;\)/, rules);
    const strict = template('        StatefulRuleOptions:\n          RuleOrder: STRICT_ORDER\n').replace(/pass tls.*sid:1;\)/, rules);
    // The catch-all is reported under both orders (issue 14 item 3), each with the order it was linted in.
    const catchAll = (t: string) => lintSource('t.yaml', t).filter((x) => x.ruleId === 'tls-catch-all-after-sni-pass' && x.message.includes('first segment'));
    expect(catchAll(missing).map((d) => d.message.includes('under action order'))).toEqual([true]);
    expect(catchAll(strict).map((d) => d.message.includes('it comes after sid:1'))).toEqual([true]);
  });
});
