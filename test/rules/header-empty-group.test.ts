import rule from '../../src/rules/header-empty-group.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: ['drop tcp $HOME_NET any -> [10.0.0.0/8] [80] (sid:1;)'],
  invalid: [
    { code: 'drop tcp $HOME_NET any -> [] any (sid:1;)', errors: [{ line: 1, column: 27, message: 'empty group in the destination address' }] },
    { code: 'alert tcp any any -> any [] (sid:10;)', errors: [{ column: 26, message: 'destination port' }] },
    { code: 'alert tcp [10.0.0.1,![]] any -> any any (sid:10;)', errors: [{ column: 21, message: 'source address' }] },
  ],
});
