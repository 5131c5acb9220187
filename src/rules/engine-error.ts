import { defineLintRule } from '../linter/lint-rule.js';

/*
 * Reported by `--engine suricata` (src/engine/engine-diagnostics.ts), from the real Suricata's verdict on each
 * rule, not by a check over rule statements; this module gives it an id, severities and documentation.
 */
export default defineLintRule({
  meta: {
    id: 'engine-error',
    category: 'engine',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'The real Suricata engine (--engine suricata) refuses to load this rule.',
      rationale:
        "Only reported with --engine suricata: suricata-lint loads every rule into the locally installed Suricata (suricata --engine-analysis with a generated minimal configuration, in a temporary directory) and reports each rule Suricata rejects, on the rule's line, also inside AWS rule group JSON, CloudFormation and Terraform files. The message is Suricata's reason made readable; the hint keeps Suricata's own log line. The static checks catch most of these already; the engine is the final word, and it also catches what they do not (for example keywords of conflicting directions). A rejected rule is silently missing from the running rule set.",
      badExample: 'alert http any any -> any any (msg:"both ways"; http.uri; content:"/a"; http.stat_code; content:"200"; sid:1;)',
      goodExample: 'alert http any any -> any any (msg:"request"; flow:to_server; http.uri; content:"/a"; sid:1;)',
    },
  },
});
