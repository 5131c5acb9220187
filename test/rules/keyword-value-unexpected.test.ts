import rule from '../../src/rules/keyword-value-unexpected.js';
import { col, runRuleTests } from './rule-tester.js';

const sticky = 'pass tls any any -> any any (ssl_state:client_hello; tls.sni:"example.com"; sid:1;)';
const nocase = 'alert tcp any any -> any any (content:"a"; nocase:true; sid:1;)';

runRuleTests(rule, {
  valid: ['alert tcp any any -> any any (content:"a"; nocase; fast_pattern:only; sid:1;)'],
  invalid: [
    {
      code: sticky,
      errors: [{ line: 1, column: col(sticky, ':"example'), message: "'tls.sni' takes no value" }],
      output: 'pass tls any any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; sid:1;)',
      unsafe: true,
    },
    { code: nocase, errors: [{ column: col(nocase, ':true') }], output: 'alert tcp any any -> any any (content:"a"; nocase; sid:1;)', unsafe: true },
    { name: 'unsafe only', code: nocase, errors: [{}], output: null },
    // Fuzz counterexample (seed 728039451 run): a value continued onto the next line gets no fix, which would drop the line break.
    { name: 'value across a line continuation', code: 'alert tcp any any -> any any (nocase:\\\ntrue; sid:1;)', errors: [{}], output: null, unsafe: true },
  ],
});
