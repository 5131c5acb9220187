import { isPayloadOrAppKeyword, resolveHook } from '../dialects/firewall-rule.js';
import { defineLintRule } from '../linter/lint-rule.js';

/** Payload and application-layer keywords have nothing to inspect at a packet hook (`tcp:all`, `udp:all`). */
export default defineLintRule({
  meta: {
    id: 'fw-payload-packet-hook',
    category: 'syntax',
    severity: { 'aws-nfw': 'off', suricata: 'off', 'aws-nfw-firewall': 'error', 'suricata-firewall': 'error' },
    fix: 'none',
    docs: {
      summary: 'Payload keyword (`content`, `pcre`, `byte_test`, `isdataat`, ...) or application-layer keyword at a packet hook (`tcp:all`, `udp:all`).',
      rationale:
        'Packet hooks see headers and flow state only: use `flow`, `dsize`, `ttl`, `tcp.flags`, `itype`, `icode`, `app-layer-protocol` there (AWS: DG firewall-rule-constraints-packet-payload). AWS refuses payload matching at a packet hook; Suricata 8.0.8 does worse: it aborts while loading such a rule (assertion in DetectRuleSetTable, exit 134), so these rules are never sent to the engine by --engine. Match payload at the application hook where the buffer exists instead (`tls:client_hello` with `tls.sni`, `http1:request_line` with `http.method`).',
      badExample: 'accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET any (content:"GET"; sid:1;)',
      goodExample: 'accept:hook http1:request_line $HOME_NET any -> $EXTERNAL_NET any (http.method; content:"GET"; sid:1;)',
    },
  },
  checkRule(rule, ctx) {
    const d = ctx.options.dialect;
    if (!d.primaryActions) return;
    const r = resolveHook(rule, d);
    if (r.kind !== 'packet') return;
    // tcp-pkt: upstream loads content there (raw packet payload); AWS does not offer the protocol.
    if (rule.header.protocol!.name === 'tcp-pkt' && d.hookNames === 'upstream') return;
    for (const o of rule.options) {
      if (!isPayloadOrAppKeyword(o.name)) continue;
      ctx.report({
        range: o.keyword.range,
        message: `'${o.keyword.text}' at the packet hook '${rule.header.protocol!.text}': packet hooks see headers and flow state, not payload or application data`,
        hint: 'move the match to the application-layer hook where its buffer exists (for example tls:client_hello with tls.sni); Suricata 8.0.8 aborts on this rule instead of refusing it',
      });
      return;
    }
  },
});
