import { defineLintRule } from '../linter/lint-rule.js';

/** Says which profile a rules text was read with when its firewall-mode rules chose it (never silently). */
export default defineLintRule({
  meta: {
    id: 'fw-profile-from-content',
    category: 'syntax',
    severity: { 'aws-nfw': 'info', suricata: 'info' },
    fix: 'none',
    docs: {
      summary: 'A rules file holding firewall-mode rules (`accept:hook tcp:all ...`) is read with the firewall profile; this note says so.',
      rationale:
        'Firewall-mode rules (AWS Network Firewall Next Generation firewall engine, Suricata 8 firewall mode) are a different dialect from Classic/IPS rules: scopes and hooks are mandatory, the actions differ and every hook drops by default. Read as Classic rules every one of them would be an error. When the profile was not chosen for the file (a .rules file under the default aws-nfw or suricata profile), suricata-lint reads it with aws-nfw-firewall (or suricata-firewall) and reports this note once, on the first firewall-mode rule. Pass --profile to choose explicitly.',
      badExample: 'accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET 443 (flow:to_server; sid:1;)',
    },
  },
  checkFile(ctx) {
    return {
      end() {
        const at = ctx.options.dialectFromContent;
        if (!at) return;
        const d = ctx.options.dialect;
        ctx.report({
          range: at,
          message: `firewall-mode rule found: this file is read with the ${d.name} profile (${d.summary})`,
          hint: `pass --profile ${d.name} (or "profile" in the configuration) to choose it explicitly, or --profile ${d.base === 'aws-nfw' ? 'aws-nfw-ips' : d.base} for IPS/Classic rules`,
        });
      },
    };
  },
});
