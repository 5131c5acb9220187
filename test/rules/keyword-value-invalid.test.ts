import rule from '../../src/rules/keyword-value-invalid.js';
import { col, runRuleTests } from './rule-tester.js';

const cases: [string, string, string][] = [
  ['drop ip any any -> any any (msg:"x"; content:" "; within:1048577; sid:1;)', 'within', 'from -1048576 to 1048576'],
  ['drop ip any any -> any any (msg:"x"; content:" "; distance:-1048577; sid:4;)', 'distance', 'not a valid distance'],
  ['alert tcp any any -> any any (content:"first"; depth:-5; sid:1;)', 'depth', "'-5' is not a valid depth"],
  ['alert tcp any any -> any any (content:"a"; offset:65536; sid:1;)', 'offset', 'from 0 to 65535'],
  ['alert ip any any -> any any (msg:"x"; ip_proto:TcP; sid:20;)', 'ip_proto', 'looked up case-sensitively'],
  ['alert ip any any -> any any (msg:"x"; ip_proto:295; sid:22;)', 'ip_proto', 'out of range'],
  ['alert ip any any -> any any (msg:"x"; ip_proto:"not-a-protocol"; sid:23;)', 'ip_proto', 'not a protocol name'],
  ['alert tcp any any -> any any (ip_proto:6; sid:2;)', 'ip_proto', "only in rules whose protocol is 'ip'"],
  ['alert tcp any any -> any any (ssl_version:!tls1.3,tls1.2; sid:2;)', 'ssl_version', 'mixes negated and plain'],
];

runRuleTests(rule, {
  valid: [
    'drop ip any any -> any any (noalert; ip_proto:!TCP; ip_proto:!UDP; ip_proto:!ICMP; sid:1;)',
    'alert ip any any -> any any (ip_proto:<6; ip_proto:ipv6-icmp; sid:1;)',
    'alert tcp any any -> any any (content:"a"; within:1048576; distance:-5; sid:1;)',
    'alert tcp any any -> any any (byte_extract:1,0,v; content:"a"; depth:v; sid:1;)',
    'alert tls any any -> any any (ssl_version:!tls1.0,!tls1.1; sid:1;)',
  ],
  invalid: cases.map(([code, at, message]) => ({ code, errors: [{ line: 1, column: col(code, at), message }] })),
});
