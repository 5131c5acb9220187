import rule from '../../src/rules/http-host-normalized.js';
import { col, runRuleTests } from './rule-tester.js';

const upper = 'alert http any any -> any any (msg:"x"; http.host; content:"ALLCAPS.COM"; sid:1111; rev:1;)';
const nocase = 'alert http any any -> any any (msg:"x"; http.host; content:"somehost.com"; nocase; sid:123; rev:1;)';

const pcreW = 'alert http any any -> any any (msg:"a"; content:".example"; http_host; pcre:"/\\.Example$/W"; sid:1;)';
const pcreSticky = 'alert http any any -> any any (msg:"b"; http.host; pcre:"/\\.Example$/"; sid:2;)';
const dotprefix = 'alert http any any -> any any (msg:"c"; http.host; dotprefix; content:".Example.com"; sid:3;)';

runRuleTests(rule, {
  valid: [
    'drop http $HOME_NET any -> any any (http.host; content:"evil.com"; startswith; endswith; sid:2;)',
    'alert http any any -> any any (http.host.raw; content:"Example.COM"; nocase; sid:1;)',
    'alert http any any -> any any (http.host; to_uppercase; content:"EXAMPLE"; sid:1;)',
    'alert http any any -> any any (content:".example"; http_host; pcre:"/\\.example$/W"; sid:1;)',
    'alert http any any -> any any (content:".example"; http_host; pcre:"/\\x41example$/W"; sid:1;)',
    'alert http any any -> any any (http.host; pcre:"/\\.Example$/i"; sid:1;)',
  ],
  invalid: [
    { code: upper, errors: [{ line: 1, column: col(upper, 'content'), message: 'upper-case letters' }], output: upper.replace('ALLCAPS.COM', 'allcaps.com') },
    { code: nocase, errors: [{ column: col(nocase, 'nocase'), message: "'nocase' on an http.host content" }], output: nocase.replace('nocase; ', '') },
    // issue 13 item 5, measured on Suricata 7.0.10: refused with /W, loaded (but never matching) otherwise.
    { name: 'pcre /W with upper case', code: pcreW, errors: [{ column: col(pcreW, 'pcre'), severity: 'error', message: 'specified has an uppercase char' }] },
    { name: 'pcre on http.host with upper case', code: pcreSticky, errors: [{ column: col(pcreSticky, 'pcre'), severity: 'warning', message: 'Suricata loads the rule and it can never match' }] },
    { name: 'content after a transform', code: dotprefix, errors: [{ column: col(dotprefix, 'content'), severity: 'warning', message: 'can never match' }] },
    { name: 'legacy http_host modifier', code: 'alert http any any -> any any (content:"Host"; http_host; sid:1;)', errors: [{ column: 32 }], output: 'alert http any any -> any any (content:"host"; http_host; sid:1;)' },
  ],
});
