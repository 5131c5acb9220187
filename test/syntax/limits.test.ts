import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/linter/linter.js';
import { parseRules } from '../../src/syntax/parse.js';
import { printRules } from '../../src/syntax/print.js';

/** Inputs that must not throw, hang or overflow the stack (time is measured by scripts, not here). */
const INPUTS: Record<string, () => string> = {
  'a 10 MB single line': () => `alert tcp any any -> any any (msg:"${'a'.repeat(10_000_000)}"; sid:1;)`,
  '100,000 nested [': () => `alert tcp ${'['.repeat(100_000)} any -> any any (sid:1;)`,
  '100,000 unterminated quotes': () => `alert tcp any any -> any any (msg:"${'"'.repeat(100_000)}`,
  'NUL bytes': () => 'alert tcp any any -> any any (msg:"\0\0"; sid:1;)\n\0\0\0\n'.repeat(100),
  'lone surrogates (invalid UTF-16 from invalid UTF-8)': () => 'alert tcp any any -> any any (msg:"\uD800\uDFFF\uDC00"; sid:1;)',
  '200,000 semicolons': () => `alert tcp any any -> any any (${';'.repeat(200_000)})`,
  '200,000 options': () => `alert tcp any any -> any any (${'nocase;'.repeat(200_000)})`,
  '200,000 "!"': () => `alert tcp ${'!'.repeat(200_000)}any any -> any any (sid:1;)`,
  '100,000 backslash continuations': () => `alert tcp any any -> any any (${'\\\n'.repeat(100_000)}sid:1;)`,
};

describe('pathological inputs', () => {
  for (const [name, make] of Object.entries(INPUTS)) {
    it(`${name}: parses losslessly and lints without throwing`, () => {
      const text = make();
      const file = parseRules(text);
      expect(printRules(file)).toBe(text);
      const diagnostics = lintText(text);
      expect(Array.isArray(diagnostics)).toBe(true);
    });
  }
  it('reports the 8192-byte limit on the 10 MB line', () => {
    const ds = lintText(INPUTS['a 10 MB single line']());
    expect(ds.some((d) => d.ruleId === 'parse-error' && /8192/.test(d.message))).toBe(true);
  });
  it('reports too-deep nesting instead of recursing', () => {
    const ds = lintText(INPUTS['100,000 nested [']());
    expect(ds.some((d) => /nested 100000 levels/.test(d.message))).toBe(true);
  });
});
