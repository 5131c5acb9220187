import { describe, expect, it } from 'vitest';
import rule, { portProblem } from '../../src/rules/header-port-out-of-range.js';
import { col, runRuleTests } from './rule-tester.js';

const big = 'alert tcp any any -> any 65536 (flow:to_server; content:"abc"; sid:1;)';
const range = 'alert tcp any [1024:,!80] -> any 100:50 (sid:1;)';

runRuleTests(rule, {
  valid: ['alert tcp any 0 -> any 65535 (sid:1;)', 'alert tcp any [1024:,:80] -> any $HTTP_PORTS (sid:1;)', 'alert tcp any any -> any ![80,443] (sid:1;)'],
  invalid: [
    { code: big, errors: [{ line: 1, column: col(big, '65536'), message: "'65536' in the destination port is out of range" }] },
    { code: range, errors: [{ column: col(range, '100:50'), message: 'empty range' }] },
    { code: 'alert tcp any any -> any !any (sid:18;)', errors: [{ column: 26, message: 'negates every port' }] },
    { code: 'alert tcp any http -> any any (sid:1;)', errors: [{ column: 15, message: 'is not a port number' }] },
  ],
});

describe('portProblem', () => {
  it('accepts numbers and ranges, refuses the rest', () => {
    for (const ok of ['0', '80', '65535', '1024:', ':1024', '1:2']) expect(portProblem(ok), ok).toBeUndefined();
    for (const bad of ['65536', '1:70000', '9:1', 'http', ':', '-1']) expect(portProblem(bad), bad).toBeDefined();
  });
});
