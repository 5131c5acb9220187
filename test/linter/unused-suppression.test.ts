import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/linter/linter.js';

const gated = 'drop tls any any -> any any (msg:"x"; flow:to_server; sid:1;)';

describe('unused-suppression and inline suppressions', () => {
  it('disable-next-line suppresses the named rule on the next rule statement only', () => {
    const text = `# suricata-lint-disable-next-line tls-client-hello-gate -- blocks all TLS on purpose\n${gated}\n${gated.replace('sid:1', 'sid:2')}\n`;
    const ds = lintText(text).filter((d) => d.ruleId === 'tls-client-hello-gate');
    expect(ds).toHaveLength(1);
    expect(ds[0].range.start).toBeGreaterThan(text.indexOf('sid:2') - 80);
  });
  it('disable without ids suppresses every rule for the rest of the file', () => {
    const ds = lintText(`# suricata-lint-disable\n${gated}\n`);
    expect(ds.filter((d) => d.ruleId !== 'unused-suppression')).toEqual([]);
  });
  it('reports a suppression that suppresses nothing', () => {
    const ds = lintText('# suricata-lint-disable-next-line missing-sid\nalert tcp any any -> any any (msg:"x"; sid:1;)\n');
    expect(ds.map((d) => [d.ruleId, d.severity])).toEqual([['unused-suppression', 'warning']]);
    expect(ds[0].message).toContain('missing-sid');
  });
  it('never suppresses parse errors', () => {
    const ds = lintText('# suricata-lint-disable\nalert tcp any any <- any any (sid:1;)\n');
    expect(ds.some((d) => d.ruleId === 'parse-error')).toBe(true);
  });
});
