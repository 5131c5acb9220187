import { awsUnsupportedProtocol } from '../catalog/aws-unsupported.js';
import { defineLintRule } from '../linter/lint-rule.js';

export default defineLintRule({
  meta: {
    id: 'aws-unsupported-protocol',
    category: 'aws',
    severity: { 'aws-nfw': 'error', suricata: 'off' },
    fix: 'none',
    docs: {
      summary: 'A header protocol AWS Network Firewall does not support (sctp, ikev2, ike, ftp-data, enip).',
      rationale:
        "AWS lists SCTP, IKEv2, FTP-data protocol detection and ENIP/CIP as unsupported in stateful rule groups, so a rule on these protocols is rejected or never matches. Suricata's `ike` protocol covers IKEv1 and IKEv2 and is reported as a warning.",
      badExample: 'alert sctp any any -> any any (msg:"sctp"; sid:1;)',
      goodExample: 'alert ip any any -> any any (msg:"sctp"; ip_proto:132; sid:1;)',
    },
  },
  checkRule(rule, ctx) {
    const protocol = rule.header.protocol;
    if (!protocol) return;
    const entry = awsUnsupportedProtocol(protocol.name);
    if (!entry) return;
    ctx.report({
      range: protocol.range,
      severity: entry.inferred && ctx.severity === 'error' ? 'warning' : undefined,
      message: `protocol '${protocol.text}' is not supported by AWS Network Firewall: ${entry.reason}`,
      hint: 'match the traffic with a supported protocol (for example ip with ip_proto), or drop the rule from AWS rule groups',
    });
  },
});
