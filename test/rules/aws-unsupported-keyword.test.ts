import rule from '../../src/rules/aws-unsupported-keyword.js';
import { col, runRuleTests } from './rule-tester.js';

const iprep = 'alert ip any any -> any any (msg:"bad"; iprep:src,BadHosts,>,30; sid:1;)';
const xbits = 'alert tls any any -> any any (msg:"x"; xbits:set,seen,track ip_dst; sid:1;)';
const detection = 'alert tcp any any -> any 22 (msg:"x"; detection_filter:track by_src, count 5, seconds 60; sid:1;)';

runRuleTests(rule, {
  valid: [
    'alert tcp any any -> any any (msg:"x"; content:"a"; sid:1;)',
    'alert tcp any any -> any any (msg:"x"; flowbits:set,seen; sid:1;)',
    'alert tcp any any -> any any (msg:"x"; xbits:set,seen,track tx; sid:1;)',
    'alert tcp any any -> any any (msg:"x"; tag:session,10,packets; sid:1;)',
    { name: 'off under the suricata profile', code: iprep, options: { profile: 'suricata' } },
  ],
  invalid: [
    { code: iprep, errors: [{ line: 1, column: col(iprep, 'iprep'), message: "'iprep' is not supported by AWS Network Firewall", severity: 'error' }], output: null },
    { code: xbits, errors: [{ column: col(xbits, 'xbits'), message: 'IP tracking' }] },
    { code: 'alert tcp any any -> any any (msg:"x"; tag:host,10,packets; sid:1;)', errors: [{ message: 'tag:host' }] },
    { code: 'alert http any any -> any any (msg:"x"; filemagic:"PDF"; sid:1;)', errors: [{ message: 'File extraction' }] },
    { name: 'inferred entries are warnings', code: detection, errors: [{ column: col(detection, 'detection_filter'), severity: 'warning' }] },
  ],
});
