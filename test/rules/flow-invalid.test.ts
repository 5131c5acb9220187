import rule from '../../src/rules/flow-invalid.js';
import { col, runRuleTests } from './rule-tester.js';

const joined = 'alert tcp any any -> any any (msg:"x"; flow:established_to_client; sid:1;)';
const typo = 'alert tcp any any -> any any (flow:to_sever,established; sid:1;)';

runRuleTests(rule, {
  valid: ['alert tcp any any -> any any (flow: to_server, established; sid:1;)', 'alert tcp any any -> any any (flow:Established,only_stream; sid:1;)', 'alert tcp any any -> any any (flow:to_server, stateless; sid:1;)'],
  invalid: [
    { code: joined, errors: [{ line: 1, column: col(joined, 'established_'), message: "'established_to_client' is not a flow value" }], output: joined.replace('established_to_client', 'established,to_client'), unsafe: true },
    { code: typo, errors: [{ column: col(typo, 'to_sever'), message: 'not a flow value' }], output: typo.replace('to_sever', 'to_server'), unsafe: true },
    { code: 'alert tcp any any -> any any (flow:to_server,to_client; sid:1;)', errors: [{ column: 46, message: "'to_server' and 'to_client' contradict" }] },
    { code: 'alert tcp any any -> any any (flow:established,stateless; sid:1;)', errors: [{ column: 48, message: 'contradict' }] },
    { code: 'alert tcp any any -> any any (flow:to_server,from_client; sid:1;)', errors: [{ column: 46, message: "'from_client' repeats 'to_server'" }] },
    { code: 'alert tcp any any -> any any (flow:only_stream,no_stream; sid:1;)', errors: [{ column: 48 }] },
  ],
});
