import { describe, expect, it } from 'vitest';
import type { Applicability } from '../../src/source/fix.js';
import { CLIENT_HELLO_OPTION } from '../../src/rules/utils/client-hello-fix.js';
import { analyzeTls } from '../../src/rules/utils/tls-analysis.js';
import { parseRules } from '../../src/syntax/parse.js';
import type { RuleStatement } from '../../src/syntax/tree.js';
import { alignStatements, fixTls, readCorpusFiles, readRulesSamples } from './tls-corpus.js';

/** A catch-all exempting TLS flows: `flowbits:isnotset,NAME; ` or `app-layer-protocol:!tls; ` right after "(" (tls-catch-all-after-sni-pass). */
function isExemption(before: string, beforeRule: RuleStatement, after: string): boolean {
  if (!beforeRule.openParen) return false;
  const at = beforeRule.openParen.end - beforeRule.range.start;
  if (!after.startsWith(before.slice(0, at)) || !after.endsWith(before.slice(at))) return false;
  const added = after.slice(at, after.length - (before.length - at));
  return /^(flowbits:isnotset,[A-Za-z_]\w*|app-layer-protocol:!tls); $/.test(added);
}

/** Rules the catch-all fix adds: the gated TLS default deny, the PQC alert, and (unsafe) the handshake pass. */
const GENERATED = [
  /^(drop|reject) tls \S+ \S+ (->|<>) \S+ \S+ \(msg:"TLS not passed above: blocked at the complete ClientHello"; ssl_state:client_hello; flow:to_server; sid:\d+;\)$/,
  /^alert tls \S+ \S+ (->|<>) \S+ \S+ \(msg:"\w+: a TLS flow, decided at the complete ClientHello"; flowbits:set,\w+; noalert; flow:to_server; sid:\d+;\)$/,
  /^pass tcp \S+ \S+ (->|<>) \S+ \S+ \(msg:"Allow the TCP handshake"; flow:not_established, to_server; sid:\d+;\)$/,
];

/** How a fixed rule statement differs from the original; `undefined` when it is none of the allowed edits. */
type ChangeKind = 'inserted' | 'merged' | 'recased' | 'exempted';

function parseErrors(r: RuleStatement): number {
  return r.errors.filter((e) => !e.requiresSuricata8).length;
}

/** The allowed edits: ssl_state:client_hello inserted after "(", a negation-only ssl_state value narrowed to client_hello, an ssl_state value lower-cased. */
function classifyChange(before: string, beforeRule: RuleStatement, after: string): ChangeKind | undefined {
  const base = beforeRule.range.start;
  if (beforeRule.openParen) {
    const at = beforeRule.openParen.end - base;
    if (after === before.slice(0, at) + CLIENT_HELLO_OPTION + before.slice(at)) return 'inserted';
  }
  for (const o of beforeRule.options) {
    if (o.name !== 'ssl_state' || !o.value) continue;
    const [s, e] = [o.value.range.start - base, o.value.range.end - base];
    if (o.value.text !== o.value.text.toLowerCase() && after === before.slice(0, s) + o.value.text.toLowerCase() + before.slice(e)) return 'recased';
    const negationOnly = /^\s*!/.test(o.value.text) && !/[|,]\s*[^!\s]/.test(o.value.text);
    if (negationOnly && after === `${before.slice(0, s)}client_hello${before.slice(e)}`) return 'merged';
  }
  return undefined;
}

const files = [...readCorpusFiles(), ...readRulesSamples()];

describe.skipIf(files.length === 0)('TLS fixes over every corpus rule (../shared/corpora and rules-samples)', () => {
  for (const applicability of ['safe', 'unsafe'] as const satisfies readonly Applicability[]) {
    it(`${applicability} fixes: re-parse, idempotent, and only the ssl_state bytes change, plus the catch-all pattern (TLS exemption, gated TLS deny, PQC alert)`, () => {
      const counts: Record<string, { files: number; tlsRules: number; inserted: number; merged: number; recased: number; exempted: number; added: number; unchangedTls: number }> = {};
      const problems: string[] = [];
      for (const f of files) {
        const c = (counts[f.corpus] ??= { files: 0, tlsRules: 0, inserted: 0, merged: 0, recased: 0, exempted: 0, added: 0, unchangedTls: 0 });
        c.files++;
        const fixed = fixTls(f.text, applicability);
        if (fixed.reverted) problems.push(`${f.name}: pass reverted (${fixed.reverted.join(', ')})`);
        if (fixTls(fixed.output, applicability).output !== fixed.output) problems.push(`${f.name}: fixing twice changes the text`);
        const aligned = alignStatements(f.text, fixed.output);
        if (aligned.lost.length) problems.push(`${f.name}: ${aligned.lost.length} statements lost`);
        for (const r of aligned.inserted) {
          const t = fixed.output.slice(r.range.start, r.range.end);
          if (!GENERATED.some((g) => g.test(t))) problems.push(`${f.name}: unexpected inserted statement: ${t}`);
          else c.added++;
        }
        for (const { before: sa, after: sb, index: i } of aligned.pairs) {
          const before = f.text.slice(sa.range.start, sa.range.end);
          const after = fixed.output.slice(sb.range.start, sb.range.end);
          const isTls = sa.kind === 'rule' && sa.layout !== 'disabled' && analyzeTls(sa).isTlsRule;
          if (isTls) c.tlsRules++;
          if (f.text.slice(sa.eol.start, sa.eol.end) !== fixed.output.slice(sb.eol.start, sb.eol.end)) problems.push(`${f.name}: line ending of statement ${i + 1} changed`);
          if (before === after) {
            if (isTls) c.unchangedTls++;
            continue;
          }
          const where = `${f.name}: ${before.slice(0, 120)}`;
          if (sa.kind === 'rule' && sb.kind === 'rule' && !isTls && isExemption(before, sa, after)) {
            c.exempted++;
            continue;
          }
          if (sa.kind !== 'rule' || sb.kind !== 'rule' || !isTls) {
            problems.push(`${where}: a non-TLS statement changed`);
            continue;
          }
          if (parseErrors(sb) > parseErrors(sa)) problems.push(`${where}: new parse error after the fix: ${sb.errors.map((e) => e.message).join('; ')}`);
          const kind = classifyChange(before, sa, after);
          if (!kind) problems.push(`${where}: unexpected change -> ${after.slice(0, 160)}`);
          else c[kind]++;
        }
      }
      const total = Object.values(counts).reduce((s, c) => s + c.tlsRules, 0);
      console.log(`[tls corpus-fix, ${applicability}] ${JSON.stringify(counts)} total TLS rules: ${total}`);
      expect(problems).toEqual([]);
      expect(total).toBeGreaterThan(0);
      expect(Object.values(counts).reduce((s, c) => s + c.inserted, 0)).toBeGreaterThan(0);
    });
  }
});
