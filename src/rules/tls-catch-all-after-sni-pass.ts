import type { TextRange } from '../source/text-range.js';
import { lineBreakOf } from '../source/line-break.js';
import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { TRANSPORT, excludesTls, flowEstablishment, isCatchAll, isTlsDefaultDeny, isnotsetFlowbits, setFlowbits, sidOf } from './utils/catch-all.js';
import { clientHelloFixBlocker } from './utils/tls-analysis.js';

/** What the end of the file needs to know about one catch-all (the statement itself is not kept). */
interface CatchAll {
  readonly index: number;
  readonly range: TextRange;
  readonly statementStart: number;
  readonly eol: string;
  readonly openParenEnd?: number;
  /** The rule has a syntax error: no fix (the generated rules would copy its broken header). */
  readonly broken: boolean;
  readonly sid?: string;
  readonly action: string;
  readonly protocol: string;
  /** `SRC SPORT -> DST DPORT` as written. */
  readonly addresses: string;
  readonly established?: 'established' | 'not_established';
  readonly toServer: boolean;
  readonly exemptsTls: boolean;
  readonly isnotset: readonly string[];
}

const POST_QUANTUM = 'post-quantum clients (Go 1.23+, Chrome 131+, OpenSSL 3.5)';

/** What the engine does to the first segment, by action (replayed: test/replay/catch-all.test.ts). */
function consequence(action: string): string {
  return action.startsWith('reject')
    ? `reject resets the connection, so every one of the ${POST_QUANTUM} is cut off`
    : 'drop drops that one segment: the client has to retransmit it (replayed on Suricata 7.0.10 the connection survives once the retransmission completes the ClientHello; users behind AWS Network Firewall report hangs)';
}

export default defineLintRule({
  meta: {
    id: 'tls-catch-all-after-sni-pass',
    category: 'tls',
    severity: { 'aws-nfw': 'error', suricata: 'warning' },
    fix: 'safe',
    docs: {
      summary: 'A tcp/ip drop or reject catch-all beside TLS pass rules keyed on the ClientHello: it takes the first segment of a split ClientHello. Also: a catch-all without `established` and no handshake pass rejects every SYN.',
      rationale:
        "A pass rule on tls.sni (or ja3/ja4, or ssl_state:client_hello) can only match once the whole ClientHello has arrived. The first segment of a post-quantum ClientHello that spans two segments matches none of them and falls to the tcp/ip catch-all: a reject resets the connection, a drop drops that segment. Under strict order this is a catch-all after the pass rules; under action order (pass, drop, reject, alert) every catch-all, wherever it stands. The complete fix keeps TLS flows off the catch-all until their verdict AND blocks TLS at the complete ClientHello: under strict order AWS's pattern (an alert tls rule sets the PQC flowbit on the first segment, the catch-all tests flowbits:isnotset,PQC, a gated TLS reject decides at the ClientHello); under action order the flowbit pattern cannot work (the catch-all runs before the alert that sets the flowbit), so app-layer-protocol:!tls on the catch-all plus a gated TLS reject. Either exemption without a gated TLS drop/reject forwards TLS to SNIs that no rule passes. Passively (inline: false) nothing is blocked and the check is off.",
      badExample:
        'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; endswith; flow:to_server; sid:1;)\nreject tcp $HOME_NET any -> any any (flow:to_server, established; sid:2;)',
      goodExample:
        'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; endswith; flow:to_server; sid:1;)\nreject tls $HOME_NET any -> any any (msg:"TLS not passed above"; ssl_state:client_hello; flow:to_server; sid:3;)\nalert tls $HOME_NET any -> any any (msg:"PQC"; flowbits:set,PQC; noalert; flow:to_server; sid:4;)\nreject tcp $HOME_NET any -> any any (flowbits:isnotset,PQC; flow:to_server, established; sid:2;)',
      fixSafety:
        'Safe: the fix keeps every TLS flow that the catch-all blocked blocked, at the complete ClientHello instead of its first segment (it adds the gated TLS drop/reject when the rule set has none, with the catch-all\'s action and addresses and a new sid), and exempts TLS flows from the catch-all in the way that works under the rule order. The handshake pass for a catch-all that rejects every SYN is an unsafe fix (it lets SYNs through).',
    },
  },
  checkFile(ctx) {
    if (!ctx.options.inline) return {};
    const strict = ctx.options.ruleOrder === 'strict';
    let index = 0;
    let maxSid = 0;
    let sniPass: { index: number; sid?: string } | undefined;
    const sniPasses: { index: number; sid?: string }[] = [];
    const defaultDenies: number[] = [];
    const handshakePasses: number[] = [];
    const dataPasses: { index: number; sid?: string }[] = [];
    /** Flowbits set by ungated TLS rules (on the first segment), with where. */
    const earlyBits = new Map<string, number>();
    const catchAlls: CatchAll[] = [];
    const usesPqc = /\bPQC\b/.test(ctx.text);

    return {
      rule(rule, facts) {
        const i = index++;
        const sid = sidOf(rule);
        if (sid && /^\d{1,9}$/.test(sid)) maxSid = Math.max(maxSid, Number(sid));
        const a = facts.tls;
        const protocol = rule.header.protocol?.name ?? '';
        if (a.action === 'pass') {
          if (TRANSPORT.has(protocol) && a.notEstablished) handshakePasses.push(i);
          else if (!TRANSPORT.has(protocol) || a.isTlsRule) dataPasses.push({ index: i, sid });
        }
        if (a.isTlsRule) {
          if (a.action === 'pass' && (a.clientHelloBuffers.length > 0 || a.explicitClientHello)) {
            sniPass ??= { index: i, sid };
            sniPasses.push({ index: i, sid });
          }
          if (isTlsDefaultDeny(rule, a) && (a.gated || !clientHelloFixBlocker(a))) defaultDenies.push(i);
          // Only a flowbit set before the ClientHello is complete (by an ungated rule, like AWS's PQC
          // alert) can exempt the first segment; one set at the ClientHello comes too late.
          if (!a.gated) for (const n of setFlowbits(rule)) if (!earlyBits.has(n)) earlyBits.set(n, i);
          return;
        }
        if (!isCatchAll(rule, a)) return;
        const h = rule.header;
        const eolText = ctx.text.slice(rule.eol.start, rule.eol.end);
        catchAlls.push({
          index: i,
          range: { start: h.action!.range.start, end: h.protocol!.range.end },
          statementStart: rule.range.start,
          eol: eolText === '' ? lineBreakOf(ctx.text) : eolText,
          openParenEnd: rule.openParen?.end,
          broken: rule.errors.length > 0,
          sid,
          action: a.action,
          protocol,
          addresses: h.source && h.destinationPort ? ctx.text.slice(h.source.range.start, h.destinationPort.range.end) : '$HOME_NET any -> $EXTERNAL_NET any',
          established: flowEstablishment(rule),
          toServer: a.direction !== 'to_client',
          exemptsTls: excludesTls(rule) === 'app-layer-protocol',
          isnotset: isnotsetFlowbits(rule),
        });
      },
      end() {
        let nextSid = maxSid + 1;
        // What the fixes of earlier catch-alls in this file add (one deny and one PQC alert serve them all).
        let denyAdded = false;
        const pendingBits = new Set<string>();
        for (const c of catchAlls) {
          // A catch-all with neither `established` nor `not_established` matches the SYN.
          const handshakePassed = handshakePasses.some((at) => !strict || at < c.index);
          if (!c.established && c.toServer && dataPasses.length > 0 && !handshakePassed) {
            const pass = dataPasses[0];
            const handshake = `pass tcp ${c.addresses} (msg:"Allow the TCP handshake"; flow:not_established, to_server; sid:${nextSid};)`;
            ctx.report({
              range: c.range,
              severity: 'error',
              message: `this ${c.action} ${c.protocol} rule has no 'established' and no rule passes the TCP handshake${strict ? ' before it' : ''}: it ${c.action.startsWith('reject') ? 'rejects' : 'drops'} every SYN, so no connection is set up and the pass rules (sid:${pass.sid ?? '?'}) never see a ClientHello or a request`,
              hint: `pass the handshake first (AWS's template does): ${handshake}, or add 'established' to this rule's flow`,
              fix: c.broken ? undefined : Fix.unsafe('Pass the TCP handshake before this rule', [Edit.insertAt(c.statementStart, `${handshake}${c.eol}`)]),
            });
            nextSid++;
          }
          const sni = strict ? sniPasses.find((p) => p.index < c.index) : sniPass;
          if (!sni) continue;
          const hasDeny = defaultDenies.length > 0 || denyAdded;
          const denyRule = (sid: number) =>
            `${c.action.startsWith('reject') ? 'reject' : 'drop'} tls ${c.addresses} (msg:"TLS not passed above: blocked at the complete ClientHello"; ssl_state:client_hello; flow:to_server; sid:${sid};)`;
          const bit = c.isnotset.find((n) => earlyBits.has(n) && (!strict || earlyBits.get(n)! < c.index));
          const who = `${sni.sid ? `sid:${sni.sid}` : 'the TLS pass rule'}`;
          if (c.exemptsTls || (bit && strict)) {
            // TLS flows skip the catch-all; complete only with a TLS rule that blocks at the ClientHello.
            if (hasDeny) continue;
            const sid = nextSid++;
            ctx.report({
              range: c.range,
              severity: 'warning',
              message: `TLS flows skip this ${c.action} ${c.protocol} rule (${c.exemptsTls ? 'app-layer-protocol:!tls' : `flowbits:isnotset,${bit}`}), and no TLS drop/reject gated on the ClientHello stands in for it: TLS to any SNI that ${who} does not pass is forwarded in full`,
              hint: `block TLS at the complete ClientHello: ${denyRule(sid)}`,
              fix: c.broken ? undefined : Fix.unsafe('Block TLS flows not passed at the complete ClientHello', [Edit.insertAt(c.statementStart, `${denyRule(sid)}${c.eol}`)]),
            });
            continue;
          }
          const edits: Edit[] = [];
          const added: string[] = [];
          // Relies on a rule another fix of this pass adds: applied on the next pass, once that rule is there.
          let pending = defaultDenies.length === 0 && denyAdded;
          if (!hasDeny) {
            added.push(denyRule(nextSid++));
            denyAdded = true;
          }
          let how: string;
          if (strict) {
            const name = usesPqc ? 'tls_verdict_pending' : 'PQC';
            const early = [...earlyBits].find(([n, at]) => at < c.index && !c.isnotset.includes(n))?.[0];
            if (early) {
              how = `flowbits:isnotset,${early}`;
              if (pendingBits.has(early)) pending = true;
            } else {
              added.push(`alert tls ${c.addresses} (msg:"${name}: a TLS flow, decided at the complete ClientHello"; flowbits:set,${name}; noalert; flow:to_server; sid:${nextSid++};)`);
              how = `flowbits:isnotset,${name}`;
              // Later catch-alls reuse it (it stands before them).
              earlyBits.set(name, c.index - 0.5);
              pendingBits.add(name);
            }
          } else how = 'app-layer-protocol:!tls';
          if (added.length) edits.push(Edit.insertAt(c.statementStart, added.map((r) => `${r}${c.eol}`).join('')));
          if (c.openParenEnd !== undefined) edits.push(Edit.insertAt(c.openParenEnd, `${how}; `));
          const order = strict ? `it comes after ${who}, which waits for the complete ClientHello, so` : `under action order it runs on every packet no pass rule has passed, and no pass rule (${who} included) can match before the ClientHello is complete, so`;
          const action = bit && !strict ? ` The flowbit guard (flowbits:isnotset,${bit}) works only in strict order: under action order this ${c.action} runs before the alert that sets ${bit}.` : '';
          ctx.report({
            range: c.range,
            severity: c.action === 'drop' || c.action.startsWith('reject') ? undefined : 'warning',
            message: `this ${c.action} ${c.protocol} rule matches the first segment of a split (post-quantum) ClientHello: ${order} ${consequence(c.action)}.${action}`,
            hint: strict
              ? `keep TLS flows off it until their verdict (AWS's PQC pattern) and block TLS at the complete ClientHello:\n${[...added, `... and on this rule: ${how};`].join('\n')}`
              : `exempt TLS flows with app-layer-protocol:!tls (the flowbit pattern does not work under action order) and block TLS at the complete ClientHello${added.length ? `:\n${added.join('\n')}` : ''}; note that an unrecognised protocol's first data segment then passes this rule too`,
            fix: c.openParenEnd !== undefined && !pending && !c.broken ? Fix.safe(strict ? 'Exempt TLS flows until their verdict (PQC flowbit pattern)' : 'Exempt TLS flows (app-layer-protocol:!tls)', edits) : undefined,
          });
        }
      },
    };
  },
});
