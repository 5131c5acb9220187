import { defineLintRule } from '../linter/lint-rule.js';

/*
 * Reported by the input adapters in src/inputs (a finding about the host file, not a check over rule
 * statements); this module gives it an id, severities and documentation like every other rule.
 */
export default defineLintRule({
  meta: {
    id: 'generated-rules-note',
    category: 'tls',
    severity: { 'aws-nfw': 'info', suricata: 'off' },
    fix: 'none',
    docs: {
      summary: 'The TLS rules AWS generates for a domain list (RulesSourceList) are safe for split ClientHellos.',
      rationale: "AWS's generated TLS allow and deny rules carry ssl_state:client_hello on every rule, including the final drop, so they wait for the complete ClientHello.",
      badExample: 'RulesSourceList: { Targets: [".example.com"], TargetTypes: [TLS_SNI], GeneratedRulesType: ALLOWLIST }',
    },
  },
});
