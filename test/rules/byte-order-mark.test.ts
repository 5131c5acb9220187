import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/byte-order-mark.js';
import { SourceFile } from '../../src/source/source-file.js';
import { runRuleTests } from './rule-tester.js';

// Suricata 7.0.10 refuses the first rule: 'An invalid action "\ufeffalert" was given' (measured).
const bom = '\ufeffalert tcp any any -> any any (msg:"x"; sid:1; rev:1;)\n';

runRuleTests(rule, {
  valid: ['alert tcp any any -> any any (msg:"x"; sid:1; rev:1;)\n', 'alert tcp any any -> any any (msg:"\ufeff"; sid:1; rev:1;)\n'],
  invalid: [
    { code: bom, errors: [{ line: 1, column: 1, message: 'UTF-8 byte order mark (BOM)' }], output: bom.slice(1) },
    { name: 'before a comment line too', code: '\ufeff# rules\nalert tcp any any -> any any (msg:"x"; sid:1;)\n', errors: [{ line: 1, column: 1 }], output: '# rules\nalert tcp any any -> any any (msg:"x"; sid:1;)\n' },
  ],
});

describe('columns never count a BOM', () => {
  it('puts line 1 column 1 at the first character after it', () => {
    const f = new SourceFile('x', `${bom}alert`);
    expect(f.positionAt(1)).toEqual({ line: 1, column: 1 });
    expect(f.positionAt(bom.indexOf('msg'))).toEqual({ line: 1, column: 'alert tcp any any -> any any (msg'.indexOf('msg') + 1 });
    expect(f.positionAt(bom.length)).toEqual({ line: 2, column: 1 });
  });
});
