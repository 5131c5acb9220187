import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { fixText } from '../../src/fix/fix-loop.js';
import { lintText } from '../../src/linter/linter.js';
import { parseRules } from '../../src/syntax/parse.js';
import type { RuleStatement } from '../../src/syntax/tree.js';

/**
 * Every rule AWS publishes (../shared/corpora/aws-docs, not copied here: AWS documentation is not MIT),
 * classified by hand: the TLS findings a careful human expects under the default options (aws-nfw profile,
 * strict rule order, each file linted as one rule group) and the strongest fix offered.
 */
const AWS_DOCS = fileURLToPath(new URL('../../../shared/corpora/aws-docs/', import.meta.url));

type FixKind = 'safe' | 'unsafe' | 'display-only' | 'none';
type TlsRuleId =
  | 'tls-client-hello-gate'
  | 'tls-ssl-state-explicit'
  | 'tls-ssl-state-never-matches'
  | 'tls-catch-all-after-sni-pass'
  | 'tls-version-early-match'
  | 'tls-cert-keyword-tls13';

interface Expectation {
  readonly findings: readonly TlsRuleId[];
  readonly fix: FixKind;
  /** Why, in a few words (the human reasoning). */
  readonly note: string;
  /** Where the current rules disagree: what they report today, and why the expectation above is right. */
  readonly disagreement?: { readonly current: readonly TlsRuleId[]; readonly currentFix: FixKind; readonly why: string };
}

const none = (note: string): Expectation => ({ findings: [], fix: 'none', note });
const explicit = (note: string): Expectation => ({ findings: ['tls-ssl-state-explicit'], fix: 'safe', note });
const TARGETED_BLOCK =
  'a targeted block (specific CIDRs, IP set or port), not a catch-all: its intent is to block these flows, and the suggested exemption (app-layer-protocol:!tls) would open a hole in it; what is wrong, if anything, is that it sits after a broad TLS pass (an ordering problem the rule does not describe)';
/** A catch-all beside SNI pass rules: fixed (safe) with the complete pattern for the rule order (issue 14 items 2, 7). */
const catchAll = (note: string): Expectation => ({ findings: ['tls-catch-all-after-sni-pass'], fix: 'safe', note });
/** A targeted block is not a catch-all (resolved disagreement, kept as the reason). */
const targeted = (note: string): Expectation => ({ findings: [], fix: 'none', note: `${note}: ${TARGETED_BLOCK}` });

const EXPECTED: Record<string, Record<string, Expectation>> = {
  'best-practice-egress.rules': {
    '202501021': none('pass tcp handshake, not TLS'),
    '202501024': none('alert keyed on ja3.hash: already waits for the ClientHello; tls-ssl-state-explicit never speaks on alert rules'),
    '202501025': none('ja3s.hash on to_client: server side, never given the fix'),
    '202501027': explicit('reject on tls.sni: safe today, explicit ssl_state recommended'),
    '1297713': explicit('reject on ja4.hash: safe today, explicit ssl_state recommended'),
    '202501028': none('drop ip geoip before any TLS pass rule'),
    '202602061': explicit('reject on ja4.hash with aws_domain_category'),
    '3898932': none('quic, not TLS'),
    '202501030': none('reject tcp with app-layer-protocol:!tls: excludes TLS'),
    '202501031': { findings: ['tls-client-hello-gate'], fix: 'safe', note: 'reject tls on !443 with nothing from the ClientHello: fires on the first segment (blocks either way here, no earlier TLS pass)' },
    '202501048': explicit('SNI pass without ssl_state'),
    '202506131': explicit('SNI pass (alert) without ssl_state'),
    '202501078': explicit('SNI pass without ssl_state'),
    '999990': none('handshake pass'),
    '999991': none('default TLS reject, gated by ssl_state:client_hello'),
    '999993': none('the PQC alert must fire on the first segment; its flowbit is only read with isnotset'),
    '999992': none('http'),
    '999994': none('tcp catch-all guarded by the PQC flowbit'),
    '999997': none('ip_proto:!TCP: no TLS'),
    '8923283': none('alert ip, not blocking'),
  },
  'examples.rules': {
    '1': none('generated SNI allow rule with ssl_state'),
    '2': none('generated SNI allow rule with ssl_state'),
    '3': none('generated final drop with ssl_state (in the middle of the options)'),
    '11': none('http'),
    '12': none('http'),
    '13': none('http'),
    '21': none('generated deny rule with ssl_state'),
    '22': none('http'),
    '31': { findings: ['tls-client-hello-gate'], fix: 'safe', note: 'the old generated "not matching any TLS allowlisted FQDNs" drop: the incident rule; flagged and fixed' },
    '202308311': none('SNI pass with ssl_state'),
    '12820009': explicit('JA3 pass without ssl_state'),
    '238745': none('alert with ssl_state and tls.sni setting an xbit'),
    '89207006': none('pass tcp on an xbit'),
    '29822': { findings: ['tls-cert-keyword-tls13'], fix: 'none', note: 'cert-issuer pass: TLS 1.3 caveat only; never given the ClientHello fix' },
    '897972': { findings: ['tls-cert-keyword-tls13'], fix: 'none', note: 'cert-issuer reject: TLS 1.3 caveat only; never given the ClientHello fix' },
    '217872': none('ssh'),
    '999217872': none('ssh'),
    '118947': none('dns'),
    '2023070518': { findings: ['tls-version-early-match'], fix: 'safe', note: 'ssl_version reject matches the record-layer TLS 1.0 of the first segment of every split ClientHello (replayed); gated it still blocks TLS 1.0 clients: safe fix (issue 14 item 1)' },
    '278970': targeted('drop ip to three /16s (also a parse error: no space before ->)'),
    '1457': none('SNI reject with ssl_state'),
    '1239847': none('http'),
    '1239848': none('SNI reject with ssl_state'),
    '21801620': none('ip_proto:!TCP'),
    '2171010': none('ssh'),
    '2171009': targeted('reject tcp/22 that is not ssh: meant to block TLS on port 22 too'),
    '202308171': catchAll('the default egress tcp reject after the SNI pass rules: the incident pattern'),
    '202307052': none('SNI pass with ssl_state'),
    '210503': none('alert tcp content'),
    '41': targeted('drop all tcp from the @BETA IP set'),
    '51': { ...catchAll('strict-order example drop tcp established, after the SNI pass rules of this file'), fix: 'none', note: 'strict-order example drop tcp established, after the SNI pass rules of this file: its fix reuses the PQC alert that the fix of sid:202308171 adds, so --fix applies it on its next pass' },
    '52': none('pass tcp'),
    '53': none('SNI pass with ssl_state'),
    '892120': none('http'),
    '892191': none('handshake pass'),
    '172190': targeted('drop established tcp/80 (the HTTP-only example)'),
    '892192': none('ip_proto:!TCP'),
    '61': none('http2'),
    '62': { ...catchAll('reject everything that is not http2, after the SNI pass rules'), fix: 'none', note: 'reject everything that is not http2, after the SNI pass rules: fixed on the next --fix pass (reuses the PQC alert added for sid:202308171)' },
  },
};

const TLS_IDS = new Set<string>(['tls-client-hello-gate', 'tls-ssl-state-explicit', 'tls-ssl-state-never-matches', 'tls-catch-all-after-sni-pass', 'tls-version-early-match', 'tls-cert-keyword-tls13']);

function sidOf(r: RuleStatement): string | undefined {
  return r.options.find((o) => o.name === 'sid')?.value?.text;
}

function strongestFix(ds: readonly Diagnostic[]): FixKind {
  const kinds = new Set<FixKind>();
  for (const d of ds) {
    if (d.fix) kinds.add(d.fix.applicability);
    for (const s of d.suggestions ?? []) kinds.add(s.applicability);
  }
  for (const k of ['safe', 'unsafe', 'display-only'] as const) if (kinds.has(k)) return k;
  return 'none';
}

interface Classified {
  readonly findings: string[];
  readonly fix: FixKind;
}

function classify(text: string): Map<string, Classified> {
  const file = parseRules(text);
  // tls-ssl-state-explicit is opt-in: turned on here so the table also says where it would speak.
  const ds = lintText(text, { profile: 'aws-nfw', ruleOrder: 'strict', rules: { 'tls-ssl-state-explicit': 'warning' } }).filter((d) => TLS_IDS.has(d.ruleId));
  const out = new Map<string, Classified>();
  for (const s of file.statements) {
    if (s.kind !== 'rule' || s.layout !== 'active') continue;
    const sid = sidOf(s);
    if (!sid) continue;
    const mine = ds.filter((d) => d.range.start >= s.range.start && d.range.start < s.range.end);
    out.set(sid, { findings: [...new Set(mine.map((d) => d.ruleId))].sort(), fix: strongestFix(mine) });
  }
  return out;
}

describe.skipIf(!existsSync(AWS_DOCS))('AWS-published rules, classified by hand', () => {
  for (const [name, table] of Object.entries(EXPECTED)) {
    describe(name, () => {
      const text = existsSync(AWS_DOCS + name) ? readFileSync(AWS_DOCS + name, 'utf8') : '';
      const got = classify(text);

      it('every active rule of the file is in the table, and the table has no extra sids', () => {
        expect([...got.keys()].sort()).toEqual(Object.keys(table).sort());
      });

      for (const [sid, e] of Object.entries(table)) {
        const now = e.disagreement ? { findings: e.disagreement.current, fix: e.disagreement.currentFix } : e;
        it(`sid:${sid}: ${e.disagreement ? `today ${now.findings.join(', ') || 'nothing'} (see disagreement)` : e.note}`, () => {
          expect(got.get(sid)).toEqual({ findings: [...now.findings].sort(), fix: now.fix });
        });
        if (e.disagreement) {
          it.fails(`sid:${sid} disagreement (${e.note}): expected ${e.findings.join(', ') || 'no TLS finding'}; ${e.disagreement.why}`, () => {
            expect(got.get(sid)).toEqual({ findings: [...e.findings].sort(), fix: e.fix });
          });
        }
      }
    });
  }

  it('fixText: the old generated drop (sid:31) gains ssl_state:client_hello right after "(", nothing else on that line changes', () => {
    const text = readFileSync(AWS_DOCS + 'examples.rules', 'utf8');
    const before = text.split('\n').find((l) => l.includes('sid:31;'))!;
    const after = fixText(text, { profile: 'aws-nfw' }).output.split('\n').find((l) => l.includes('sid:31;'))!;
    expect(after).toBe(before.replace('(', '(ssl_state:client_hello; '));
  });

  it('fixText never touches the cert-issuer and ja3s rules, even with unsafe fixes', () => {
    for (const [name, sids] of [['examples.rules', ['sid:29822;', 'sid:897972;']], ['best-practice-egress.rules', ['sid:202501025;']]] as const) {
      const text = readFileSync(AWS_DOCS + name, 'utf8');
      const out = fixText(text, { profile: 'aws-nfw', applicability: 'unsafe' }).output.split('\n');
      for (const sid of sids) {
        const before = text.split('\n').find((l) => l.includes(sid))!;
        expect(out).toContain(before);
      }
    }
  });
});
