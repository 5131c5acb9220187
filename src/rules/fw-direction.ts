import { Fix } from '../fix/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';

/** Firewall rules take `->` or `<>`, not the transactional `=>`. */
export default defineLintRule({
  meta: {
    id: 'fw-direction',
    category: 'syntax',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'error', 'suricata-firewall': 'error' },
    fix: 'unsafe',
    docs: {
      summary: "Transactional direction `=>` in a firewall rule.",
      rationale:
        'Suricata 8 refuses `=>` in firewall rules ("transactional bidirectional rules not supported for firewall rules"); AWS\'s rule shape has `->` (DG firewall-rule-constraints). A firewall rule is evaluated at one hook, in that hook\'s direction.',
      badExample: 'accept:flow tls:client_hello $HOME_NET any => $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      goodExample: 'accept:flow tls:client_hello $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)',
      fixSafety: "Unsafe: '->' matches the hook's direction only; the response side needs its own rule.",
    },
  },
  checkRule(rule, ctx) {
    const dir = rule.header.direction;
    if (!ctx.options.dialect.primaryActions || dir?.text !== '=>') return;
    ctx.report({ range: dir.range, message: "'=>' (transactional) is not allowed in firewall rules: use '->' (or '<>' at packet hooks)", fix: Fix.unsafe("Replace with '->'", [{ range: dir.range, text: '->' }]) });
  },
});
