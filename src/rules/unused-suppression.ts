import { defineLintRule } from '../linter/lint-rule.js';

/** Reported by the suppression pass (src/linter/suppressions.ts); this module holds its metadata. */
export default defineLintRule({
  meta: {
    id: 'unused-suppression',
    category: 'hygiene',
    severity: { 'aws-nfw': 'warning', suricata: 'warning' },
    fix: 'none',
    docs: {
      summary: 'A `# suricata-lint-disable...` comment that suppresses nothing.',
      rationale: 'Stale suppressions hide future findings and mislead readers. Remove them, or correct the rule id they name.',
      badExample: '# suricata-lint-disable-next-line tls-client-hello-gate\npass tls any any -> any any (ssl_state:client_hello; tls.sni; content:"a.com"; sid:1;)',
    },
  },
});
