import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';

/**
 * Hosts whose rules string AWS Network Firewall receives and trims (AWS's own Terraform samples indent every
 * rule inside a `<<EOF` heredoc): under aws-nfw, indentation there is how the file is written, not a problem.
 */
const AWS_TRIMMED_HOSTS: ReadonlySet<string> = new Set(['aws-rule-group-json', 'cloudformation-json', 'cloudformation-yaml', 'terraform']);

/** A rule line that starts with a space or tab: Suricata's loader skips it without a word. */
export default defineLintRule({
  meta: {
    id: 'indented-rule',
    category: 'syntax',
    severity: { 'aws-nfw': 'info', suricata: 'error' },
    fix: 'unsafe',
    docs: {
      summary: 'A rule indented with spaces or tabs: Suricata silently ignores it.',
      rationale:
        "Suricata's rule loader skips every line whose first character is a space or tab, with no error and no warning (verified on 7.0.10). AWS Network Firewall appears to trim the indentation (AWS's own Terraform samples indent rules inside <<EOF heredocs), so under the aws-nfw profile this is only a note in .rules files, and nothing at all inside rule group hosts (JSON, CloudFormation, Terraform), where indented heredocs are the usual layout.",
      badExample: '  drop tls any any -> any any (ssl_state:client_hello; sid:1;)',
      goodExample: 'drop tls any any -> any any (ssl_state:client_hello; sid:1;)',
      fixSafety: 'Removing the indentation turns a rule Suricata ignored into a rule it enforces, so the fix is unsafe: review it.',
    },
  },
  checkFile(ctx) {
    if (ctx.options.profile === 'aws-nfw' && AWS_TRIMMED_HOSTS.has(ctx.options.host ?? '')) return {};
    return {
      statement(s) {
        if (s.kind !== 'rule' || s.layout !== 'indented') return;
        const indent = { start: s.range.start, end: s.ruleRange.start };
        ctx.report({
          range: { start: s.range.start, end: Math.min(s.ruleRange.end, s.ruleRange.start + 40) },
          message:
            ctx.options.profile === 'suricata'
              ? 'this rule is indented, so Suricata ignores it (its loader skips lines that start with a space or tab)'
              : 'this rule is indented: Suricata itself would ignore it; AWS Network Firewall trims the indentation',
          hint: 'remove the leading whitespace',
          fix: Fix.unsafe('Remove the indentation', [Edit.remove(indent)]),
        });
      },
    };
  },
});
