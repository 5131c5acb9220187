import rule from '../../src/rules/http-host-normalized.js';
import { col, runRuleTests } from './rule-tester.js';

const upper = 'alert http any any -> any any (msg:"x"; http.host; content:"ALLCAPS.COM"; sid:1111; rev:1;)';
const nocase = 'alert http any any -> any any (msg:"x"; http.host; content:"somehost.com"; nocase; sid:123; rev:1;)';

runRuleTests(rule, {
  valid: [
    'drop http $HOME_NET any -> any any (http.host; content:"evil.com"; startswith; endswith; sid:2;)',
    'alert http any any -> any any (http.host.raw; content:"Example.COM"; nocase; sid:1;)',
    'alert http any any -> any any (http.host; to_uppercase; content:"EXAMPLE"; sid:1;)',
  ],
  invalid: [
    { code: upper, errors: [{ line: 1, column: col(upper, 'content'), message: 'upper-case letters' }], output: upper.replace('ALLCAPS.COM', 'allcaps.com') },
    { code: nocase, errors: [{ column: col(nocase, 'nocase'), message: "'nocase' on an http.host content" }], output: nocase.replace('nocase; ', '') },
    { name: 'legacy http_host modifier', code: 'alert http any any -> any any (content:"Host"; http_host; sid:1;)', errors: [{ column: 32 }], output: 'alert http any any -> any any (content:"host"; http_host; sid:1;)' },
  ],
});
