import { describe, expect, it } from 'vitest';
import rule, { addressProblem } from '../../src/rules/header-invalid-address.js';
import { runRuleTests } from './rule-tester.js';

runRuleTests(rule, {
  valid: [
    'drop ip 10.0.0.1/24 any -> [192.168.0.0/16,!192.168.1.0/24] any (sid:1;)',
    'drop ip [10.0.0.1,2001:db8::1-2001:db8::ff] any -> ::1 any (sid:1;)',
    'drop ip 10.0.0.0/255.0.0.0 any -> any any (sid:1;)',
  ],
  invalid: [
    { code: 'alert tcp 10.0.0.256 any -> any any (sid:12;)', errors: [{ line: 1, column: 11, message: "'10.0.0.256' in the source address is not an IPv4 or IPv6 address" }] },
    { code: 'drop ip $HOME_NET any -> 10.0.0.0/33 any (sid:1;)', errors: [{ column: 26, message: "invalid IPv4 prefix length '/33'" }] },
    { code: 'alert tcp any any -> [10.0.0,fe80::/129] any (sid:1;)', errors: [{ column: 23 }, { column: 30, message: 'IPv6 prefix' }] },
  ],
});

describe('addressProblem', () => {
  it('parses IPv4, IPv6, CIDR and ranges', () => {
    for (const ok of ['1.2.3.4', '0.0.0.0/0', '::', '::1', 'fe80::1:2', '2001:db8::/32', '::ffff:10.0.0.1', '1:2:3:4:5:6:7:8', '1.1.1.1-1.1.1.9']) expect(addressProblem(ok), ok).toBeUndefined();
    for (const bad of ['1.2.3', '1.2.3.4.5', '300.1.1.1', '1::2::3', '1:2:3:4:5:6:7:8:9', 'foo', '1.2.3.4/40', '1.1.1.1-']) expect(addressProblem(bad), bad).toBeDefined();
  });
});
