import parseError from '../../src/rules/parse-error.js';
import { runRuleTests } from '../rules/rule-tester.js';

runRuleTests(parseError, {
  valid: [
    'alert tcp any any -> any any (msg:"a\\;b"; sid:1;)',
    'alert tcp 10.0.0.0/8,192.168.0.0/16 any -> any any (sid:1;)',
    '# alerts tcp any any <- any any (sid:1;)',
    'drop:flow tcp any any -> any any (sid:1;)',
  ],
  invalid: [
    {
      name: 'missing space before ->',
      code: 'drop ip $HOME_NET any-> [10.10.0.0/16,10.11.0.0/16] any (msg:"x"; sid:1;)',
      errors: [{ line: 1, column: 22, message: "missing space before '->'" }],
      output: 'drop ip $HOME_NET any -> [10.10.0.0/16,10.11.0.0/16] any (msg:"x"; sid:1;)',
    },
    { name: 'no <-', code: 'alert tcp any any <- any any (sid:1;)', errors: [{ column: 19, message: "there is no '<-'" }], output: null },
    {
      name: 'semicolon inside quotes',
      code: 'alert tcp any any -> any any (msg:"a;b"; sid:1;)',
      errors: [{ column: 35, message: "';' inside the quoted value of 'msg'" }],
      output: 'alert tcp any any -> any any (msg:"a\\;b"; sid:1;)',
    },
    {
      name: 'missing final semicolon',
      code: 'alert tcp any any -> any any (msg:"x"; sid:1)',
      errors: [{ column: 40, message: "option 'sid' is not terminated by ';'" }],
      output: 'alert tcp any any -> any any (msg:"x"; sid:1;)',
    },
    {
      name: 'unknown action: did-you-mean is unsafe',
      code: 'alerts tcp any any -> any any (sid:1;)',
      errors: [{ column: 1, message: "unknown action 'alerts'" }],
      output: 'alert tcp any any -> any any (sid:1;)',
      unsafe: true,
    },
    { name: 'bad hex', code: 'alert tcp any any -> any any (content:"|22 2 22|"; sid:1;)', errors: [{ message: 'incomplete hex code' }], output: null },
    {
      name: 'text after the closing quote',
      code: 'alert tcp any any -> any any (content:"AA" depth:20; sid:1;)',
      errors: [{ message: 'possible missing semicolon' }],
      output: 'alert tcp any any -> any any (content:"AA"; depth:20; sid:1;)',
    },
    {
      name: 'tab inside the header lists',
      code: 'alert tcp\tany any -> any any (sid:1;)',
      errors: [{ column: 10, message: 'a tab after the protocol' }],
      output: 'alert tcp any any -> any any (sid:1;)',
    },
    { name: 'stray semicolon', code: 'alert tcp any any -> any any (msg:"x";; sid:1;)', errors: [{ column: 39, message: 'stray' }], output: 'alert tcp any any -> any any (msg:"x"; sid:1;)' },
    { name: 'missing header field', code: 'alert tcp any any -> any (sid:1;)', errors: [{ message: 'missing the destination port' }], output: null },
  ],
});
