import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/linter/linter.js';
import { fixText } from '../../src/fix/fix-loop.js';

/** Names Object.prototype answers to: a table look-up must treat them as unknown words. */
const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'];

const rulesUsing = (n: string): string[] => [
  `alert tcp any any -> any any (msg:"x"; ${n}:1; ${n}; sid:1;)`,
  `${n} tcp any any -> any any (msg:"x"; sid:2;)`,
  `alert:${n} tcp any any -> any any (msg:"x"; sid:3;)`,
  `alert ${n} any any -> any any (msg:"x"; sid:4;)`,
  `alert tcp $${n} ${n} -> [${n}] any (msg:"x"; sid:5;)`,
  `alert tls any any -> any any (msg:"x"; flow:${n}; ssl_state:${n}; flowbits:${n},a; app-layer-protocol:${n}; sid:6;)`,
  `alert http any any -> any any (msg:"x"; content:"a"; ${n}; pcre:"/a/${n}"; byte_test:1,=,${n},0; requires:${n} 7; sid:7;)`,
  `alert tcp any any -> any any (msg:"x"; content:"a"; transform:${n}; metadata:${n} ${n}; sid:8;)`,
];

describe('rule text that names Object.prototype members', () => {
  it.each(NAMES)('%s: lints and fixes without a crash or an internal error', (n) => {
    const text = `${rulesUsing(n).join('\n')}\n`;
    for (const options of [{}, { profile: 'suricata' as const }]) {
      const ds = lintText(text, options);
      expect(ds.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
      expect(ds.length).toBeGreaterThan(0);
    }
    expect(fixText(text).output.length).toBeGreaterThan(0);
  });
});
