import rule from '../../src/rules/legacy-modifier-in-sticky-buffer.js';
import { col, runRuleTests } from './rule-tester.js';

// Verdicts measured on Suricata 7.0.10: refused while the sticky buffer is active, loaded after pkt_data.
const issue = 'alert http any any -> any any (msg:"x"; file_data; content:"filename="; http_header; sid:1;)';
const uri = 'alert http any any -> any any (msg:"x"; http.uri; content:"a"; content:"b"; http_uri; sid:2;)';

runRuleTests(rule, {
  valid: [
    'alert http any any -> any any (msg:"x"; file_data; content:"x"; pkt_data; content:"filename="; http_header; sid:1;)',
    'alert http any any -> any any (msg:"x"; content:"filename="; http_header; sid:1;)',
  ],
  invalid: [
    { code: issue, errors: [{ column: col(issue, 'http_header'), message: "legacy modifier 'http_header' while sticky buffer 'file_data' is active" }] },
    { code: uri, errors: [{ column: col(uri, 'http_uri'), message: '"http_uri keyword seen with a sticky buffer still set"' }] },
  ],
});
