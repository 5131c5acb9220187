import { defineLintRule } from '../linter/lint-rule.js';
import { clientHelloFix } from './utils/client-hello-fix.js';
import { clientHelloFixBlocker } from './utils/tls-analysis.js';

export default defineLintRule({
  meta: {
    id: 'tls-ssl-state-explicit',
    category: 'tls',
    severity: { 'aws-nfw': 'off', suricata: 'off' },
    fix: 'safe',
    docs: {
      summary: 'A TLS rule keyed on ClientHello buffers (tls.sni, ja3.*, ja4.hash) without an explicit ssl_state:client_hello.',
      rationale:
        "The buffer already makes the rule wait for a parsed ClientHello, so the rule is safe today. AWS's generated allow and deny lists carry `ssl_state:client_hello` on every rule anyway: it states the intent, and it keeps the rule safe when someone later edits the buffer condition away (a rule left with only `flow:to_server` fires on the first segment of a split ClientHello). Opt-in (off in both profiles): correct rule sets, AWS's own CloudFormation templates and large allow lists among them, carry thousands of such rules, and the rule is safe as written. Turn it on with \"tls-ssl-state-explicit\": \"warning\" to make the intent explicit across a rule set. Never on alert rules: an alert cannot let a split ClientHello through.",
      badExample: 'pass tls $HOME_NET any -> any any (tls.sni; content:"example.com"; endswith; flow:to_server; sid:1;)',
      goodExample: 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; endswith; flow:to_server; sid:1;)',
      fixSafety: 'Safe: the rule already matches only once the ClientHello is parsed; the same exclusions as tls-client-hello-gate apply (server-side keywords, flow:to_client, ssl_state excluding client_hello).',
    },
  },
  checkRule(rule, ctx, facts) {
    // Passively (IDS) a rule gated on ssl_state:client_hello never fires: never ask for the gate there.
    if (!ctx.options.inline) return;
    const a = facts.tls;
    // An alert decides nothing about the traffic: stating the gate on it is noise (and --fix would edit it).
    if (a.action === 'alert') return;
    if (!a.isTlsRule || a.clientHelloBuffers.length === 0 || a.explicitClientHello) return;
    if (a.sslStates.some((s) => s.negatives.length === 0 && s.positives.length > 0)) return; // an explicit state is already there
    if (clientHelloFixBlocker(a)) return;
    const buffer = a.clientHelloBuffers[0];
    ctx.report({
      range: buffer.keyword.range,
      message: `'${buffer.keyword.text}' makes this rule wait for the ClientHello, but it does not say ssl_state:client_hello explicitly as AWS's own rules do`,
      hint: 'add ssl_state:client_hello; so the rule stays safe for split ClientHellos if its buffer condition changes',
      fix: clientHelloFix(rule, a),
    });
  },
});
