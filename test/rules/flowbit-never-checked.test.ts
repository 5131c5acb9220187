import rule from '../../src/rules/flowbit-never-checked.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: ['alert tcp any any -> any any (flowbits:set,x; noalert; sid:1;)\ndrop tcp any any -> any any (flowbits:isnotset,x; sid:2;)', 'alert tcp any any -> any any (flowbits:unset,x; sid:1;)'],
  invalid: [
    { code: 'alert tcp any any -> any any (flowbits:set,x; noalert; sid:1;)', errors: [{ message: "flowbit 'x' is set here but no rule in the run tests it", severity: 'info' }] },
    { name: 'reported once per name', code: 'alert tcp any any -> any any (flowbits:set,x; sid:1;)\nalert tcp any any -> any any (flowbits:set,x; sid:2;)', errors: [{ line: 1 }] },
  ],
});
