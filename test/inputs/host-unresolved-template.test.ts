import { describe, expect, it } from 'vitest';
import { loadHclGrammar } from '../../src/inputs/read-host-document.js';
import { lintSource } from '../../src/linter/lint-source.js';

const tf = (rules: string) => `resource "aws_networkfirewall_rule_group" "g" {
  capacity = 10
  name     = "g"
  type     = "STATEFUL"
  rule_group {
    rules_source {
      rules_string = <<EOF
${rules}
EOF
    }
    stateful_rule_options { rule_order = "STRICT_ORDER" }
  }
}
`;

describe('host-unresolved-template', () => {
  it('never flags an interpolation as rule syntax, and says what it skipped', async () => {
    await loadHclGrammar();
    const ds = lintSource('g.tf', tf('pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"${var.domain}"; msg:"a"; sid:${var.base + 1};)'));
    expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ds.some((d) => d.ruleId === 'host-unresolved-template' && d.severity === 'info')).toBe(true);
  });
  it('reports rules_string = file(...) as something to lint separately', async () => {
    await loadHclGrammar();
    const text = tf('x').replace(/<<EOF[\s\S]*?\nEOF/, 'file("egress.rules")');
    const ds = lintSource('g.tf', text);
    expect(ds.find((d) => d.ruleId === 'host-unresolved-template')?.message).toContain('egress.rules');
  });
});
