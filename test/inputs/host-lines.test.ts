/** Every message that names a line names a line of the file the user opened (issue 16 bug 7). */
import { describe, expect, it } from 'vitest';
import { loadHclGrammar } from '../../src/inputs/read-host-document.js';
import { lintSource } from '../../src/linter/lint-source.js';
import { SourceFile } from '../../src/source/source-file.js';

const R1 = 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"a.com"; endswith; msg:"a"; flow:to_server; sid:9; rev:1;)';
const R2 = R1.replace('a.com', 'b.com').replace('"a"', '"b"');

const tf = `# a comment line
resource "aws_networkfirewall_rule_group" "g" {
  capacity = 10
  name     = "g"
  type     = "STATEFUL"
  rule_group {
    rules_source {
      rules_string = <<EOF
${R1}
${R2}
EOF
    }
    stateful_rule_options { rule_order = "STRICT_ORDER" }
  }
}
`;

describe('messages that name a line name the host file line', () => {
  it('Terraform heredoc: "sid 9 is already used on line 9" (the host line, not line 1 of the rules string)', async () => {
    await loadHclGrammar();
    for (const [profile, id] of [['aws-nfw', 'aws-duplicate-sid'], ['suricata', 'duplicate-sid']] as const) {
      const d = lintSource('g.tf', tf, { profile }).find((x) => x.ruleId === id);
      expect(d?.message, profile).toMatch(/sid 9 is already used on line 9\b/);
      const src = new SourceFile('g.tf', tf);
      expect(src.positionAt(d!.range.start).line).toBe(10);
      // A related location points into the host file too.
      for (const r of d!.related ?? []) expect(src.positionAt(r.range.start).line).toBe(9);
    }
  });

  it('rule group JSON with both rules in one string on one line: the host line of the first rule', () => {
    const json = `{\n  "RuleGroup": {\n    "RulesSource": {\n      "RulesString": ${JSON.stringify(`${R1}\n${R2}`)}\n    },\n    "StatefulRuleOptions": { "RuleOrder": "STRICT_ORDER" }\n  }\n}\n`;
    const d = lintSource('g.json', json).find((x) => x.ruleId === 'aws-duplicate-sid');
    expect(d?.message).toMatch(/already used on line 4\b/);
  });

  it('a .rules file: lines of the file itself', () => {
    const d = lintSource('g.rules', `# c\n${R1}\n${R2}\n`).find((x) => x.ruleId === 'aws-duplicate-sid');
    expect(d?.message).toMatch(/already used on line 2\b/);
  });
});
