import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/linter/linter.js';
import { fixText } from '../../src/fix/fix-loop.js';

// issue 13 item 4: Suricata 7.0.10 refuses both ("no terminating ';' found", "unknown rule keyword ')'"), measured.
const comment = 'alert tcp any any -> any any (msg:"x"; sid:2; rev:1;) # trailing comment\n';
const semi = 'alert tcp any any -> any any (msg:"x"; sid:3; rev:1;);\n';

describe('text after the closing parenthesis', () => {
  it('is one error for a trailing comment, with no "missing \')\'" warning', () => {
    const d = lintText(comment, { profile: 'suricata' });
    expect(d.map((x) => [x.ruleId, x.severity])).toEqual([['parse-error', 'error']]);
    expect(d[0].message).toContain("comments go on their own line");
    expect(d[0].message).toContain('"no terminating \';\' found"');
    expect(d[0].range.start).toBe(comment.indexOf('#'));
  });

  it('moves the comment above the rule (safe fix)', () => {
    expect(fixText(comment, { profile: 'suricata' }).output).toBe('# trailing comment\nalert tcp any any -> any any (msg:"x"; sid:2; rev:1;)\n');
  });

  it("is one error for ';' after ')', fixed by removing it", () => {
    const d = lintText(semi, { profile: 'suricata' });
    expect(d.map((x) => x.ruleId)).toEqual(['parse-error']);
    expect(d[0].message).toContain(`"unknown rule keyword ')'"`);
    expect(fixText(semi, { profile: 'suricata' }).output).toBe('alert tcp any any -> any any (msg:"x"; sid:3; rev:1;)\n');
  });

  it('keeps CRLF line endings when it moves a comment', () => {
    expect(fixText(comment.replace('\n', '\r\n'), { profile: 'suricata' }).output).toBe('# trailing comment\r\nalert tcp any any -> any any (msg:"x"; sid:2; rev:1;)\r\n');
  });
});
