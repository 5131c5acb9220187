import rule from '../../src/rules/aws-ipset-reference.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: ['drop tcp $HOME_NET any -> any any (sid:1;)', 'drop tcp [10.0.0.0/8,$HOME_NET] any -> any any (sid:1;)'],
  invalid: [
    { code: 'drop tcp @BETA any -> any any (sid:41;)', errors: [{ line: 1, column: 10, severity: 'info', message: 'ReferenceSets.IPSetReferences' }] },
    {
      code: 'drop tcp any any -> [10.0.0.1,@BETA] any (sid:41;)',
      options: { profile: 'suricata' },
      errors: [{ column: 31, severity: 'error', message: 'Suricata rejects it' }],
    },
  ],
});
