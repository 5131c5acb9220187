import rule from '../../src/rules/content-modifier-without-content.js';
import { col, runRuleTests } from './rule-tester.js';

const depth = 'alert udp any any -> any any (msg:"x"; depth:50; sid:5555551; rev:1;)';
const sticky = 'alert http any any -> any any (content:"a"; http.uri; depth:1; sid:21;)';

runRuleTests(rule, {
  valid: [
    'alert udp any any -> any any (content:"abc"; depth:50; nocase; sid:1;)',
    'alert http any any -> any any (http.uri; content:"a"; pkt_data; nocase; sid:1;)',
    'alert tcp any any -> any any (content:"a"; isdataat:!1,relative; depth:3; sid:1;)',
    'alert tcp any any -> any any (isdataat:1,relative; sid:1;)',
  ],
  invalid: [
    { code: depth, errors: [{ line: 1, column: col(depth, 'depth'), message: "'depth' modifies the content before it, but this rule has no content" }] },
    { name: 'the sticky buffer switched away from the content', code: sticky, errors: [{ column: col(sticky, 'depth'), message: 'no content of the current buffer' }] },
    { code: 'alert tcp any any -> any any (nocase; fast_pattern; content:"a"; sid:1;)', errors: [{ column: 31 }, { column: 39 }] },
  ],
});
