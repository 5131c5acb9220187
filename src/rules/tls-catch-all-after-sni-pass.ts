import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import type { AppLayerProtocolValue, FlowbitsValue } from '../syntax/option-values.js';
import type { RuleStatement } from '../syntax/tree.js';
import { analyzeTls } from './utils/tls-analysis.js';

const TRANSPORT = new Set(['tcp', 'ip', 'tcp-pkt', 'tcp-stream', 'ipv4', 'ipv6', 'ip4', 'ip6']);

const PQC_PATTERN = [
  'alert tls $HOME_NET any -> any any (msg:"PQC"; flowbits:isnotset,blocked; flowbits:set,PQC; noalert; flow:to_server; sid:<N>;)',
  '... and on the catch-all: flowbits:isnotset,PQC;',
].join('\n');

/** The rule cannot match TLS flows: it names another app-layer protocol, excludes tls, or excludes TCP. */
function excludesTls(rule: RuleStatement): boolean {
  for (const o of rule.options) {
    if (o.parsed?.kind === 'app-layer-protocol') {
      const v = o.parsed as AppLayerProtocolValue;
      if (v.negated ? v.protocol === 'tls' || v.protocol === 'ssl' : v.protocol !== 'tls' && v.protocol !== 'ssl') return true;
    }
    if (o.name === 'ip_proto' && o.value) {
      const v = o.value.text.trim().toLowerCase();
      if (v === '!tcp' || v === '!6' || (!v.startsWith('!') && v !== 'tcp' && v !== '6')) return true;
    }
  }
  return false;
}

/**
 * A block aimed at specific destinations (literal CIDRs, an IP set) or a port other than 443 is a
 * targeted block, not a catch-all: exempting TLS from it would let TLS through what it must stop.
 */
function isTargeted(rule: RuleStatement): boolean {
  const dst = rule.header.destination;
  const src = rule.header.source;
  const port = rule.header.destinationPort;
  if (dst && !dst.negated && (dst.kind === 'group' || dst.valueKind === 'literal' || dst.valueKind === 'ipset')) return true;
  if (src && !src.negated && src.kind === 'value' && (src.valueKind === 'literal' || src.valueKind === 'ipset')) return true;
  if (port && port.kind === 'value' && !port.negated && port.valueKind === 'literal' && port.value.text !== '443') return true;
  return false;
}

export default defineLintRule({
  meta: {
    id: 'tls-catch-all-after-sni-pass',
    category: 'tls',
    severity: { 'aws-nfw': 'warning', suricata: 'warning' },
    fix: 'display-only',
    docs: {
      summary: 'A tcp/ip drop or reject after TLS pass rules keyed on the ClientHello (strict order): it hits the first segment of a split ClientHello.',
      rationale:
        "In strict order, a pass rule on tls.sni (or ja3/ja4) can only match once the whole ClientHello has arrived. The first segment of a post-quantum ClientHello that spans two segments matches none of them, falls through to the tcp/ip catch-all, and is dropped: the connection hangs. AWS's best-practice template marks TLS flows with a 'PQC' flowbit in an alert rule and exempts them from the catch-all until the TLS verdict is reached; `app-layer-protocol:!tls` on the catch-all is the simpler alternative.",
      badExample:
        'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; endswith; flow:to_server; sid:1;)\nreject tcp $HOME_NET any -> any any (flow:to_server; sid:2;)',
      goodExample:
        'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; endswith; flow:to_server; sid:1;)\nreject tcp $HOME_NET any -> any any (app-layer-protocol:!tls; flow:to_server; sid:2;)',
      fixSafety: 'Display-only: which exemption fits (the PQC flowbit pattern, app-layer-protocol:!tls, an app-layer default action) is a policy decision, so nothing is edited automatically.',
    },
  },
  checkFile(ctx) {
    if (ctx.options.ruleOrder !== 'strict') return {};
    // What later rules need from earlier ones: whether a TLS pass waits for the ClientHello (and its
    // sid), and the flowbits set on TLS flows before the ClientHello is complete.
    let sniPass: { sid?: string } | undefined;
    const tlsSetFlowbits = new Set<string>();
    return {
      rule(rule) {
        const a = analyzeTls(rule);
        if (a.isTlsRule) {
          if (a.action === 'pass' && (a.clientHelloBuffers.length > 0 || a.explicitClientHello)) sniPass ??= { sid: rule.options.find((o) => o.name === 'sid')?.value?.text };
          // Only a flowbit set before the ClientHello is complete (by an ungated rule, like AWS's PQC
          // alert) can exempt the first segment; one set at the ClientHello comes too late.
          if (!a.gated) {
            for (const o of rule.options) {
              if (o.parsed?.kind === 'flowbits' && (o.parsed as FlowbitsValue).command === 'set') for (const n of (o.parsed as FlowbitsValue).names) tlsSetFlowbits.add(n.name);
            }
          }
          return;
        }
        if (!sniPass || !a.blocking || !TRANSPORT.has(rule.header.protocol?.name ?? '')) return;
        if (a.notEstablished || a.direction === 'to_client' || excludesTls(rule) || isTargeted(rule)) return;
        const guarded = rule.options.some(
          (o) => o.parsed?.kind === 'flowbits' && (o.parsed as FlowbitsValue).command === 'isnotset' && (o.parsed as FlowbitsValue).names.some((n) => tlsSetFlowbits.has(n.name)),
        );
        if (guarded) return;
        const sid = sniPass.sid;
        const action = rule.header.action!;
        ctx.report({
          range: { start: action.range.start, end: rule.header.protocol!.range.end },
          message: `this ${action.name} ${rule.header.protocol!.name} rule comes after the TLS pass rule${sid ? ` sid:${sid}` : ''} that waits for the ClientHello, so it drops the first segment of a split (post-quantum) ClientHello before that pass rule can match`,
          hint: `exempt TLS flows until their verdict: add app-layer-protocol:!tls; or use AWS's PQC flowbit pattern:\n${PQC_PATTERN}`,
          suggestions: rule.openParen ? [Fix.displayOnly('Exempt TLS flows with app-layer-protocol:!tls', [Edit.insertAt(rule.openParen.end, 'app-layer-protocol:!tls; ')])] : undefined,
        });
      },
    };
  },
});
