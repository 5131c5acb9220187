import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/fix/fix-loop.js';
import { lintText } from '../../src/linter/linter.js';
import { analyzeTls } from '../../src/rules/utils/tls-analysis.js';
import { parseRules } from '../../src/syntax/parse.js';
import type { RuleStatement } from '../../src/syntax/tree.js';
import { SHARED_DIR } from '../helpers/shared.js';
import { REPLAY_SKIP_REASON, firedOn, firstBlock, packetAt, replay, replayFlows, type ReplayResult } from './replay.js';

/**
 * Issue 14's items, each replayed through Suricata 7.0.10 over ../shared/pcaps before and after the
 * lint's finding or fix (see replay.ts for what inline/passive and strict/action verdicts mean).
 */
const flows = replayFlows();
const split = flows.filter((f) => f.kind === 'pq-split');
const modern = flows.filter((f) => f.kind !== 'plain' && f.kind !== 'tls10-whole');
const fix = (text: string, ruleOrder: 'strict' | 'action' = 'strict') => fixText(text, { profile: 'aws-nfw', ruleOrder }).output;
const ids = (text: string, ruleOrder: 'strict' | 'action' = 'strict') => lintText(text, { profile: 'aws-nfw', ruleOrder }).map((d) => `${d.ruleId}:${d.severity}`);

describe.skipIf(!!REPLAY_SKIP_REASON)('issue 14 items, replayed (Suricata 7.0.10, ../shared/pcaps)', () => {
  it('item 1: ssl_version:tls1.0,tls1.1 fires on the first segment of every split ClientHello; the safe fix never fires on modern clients and still blocks TLS 1.0', () => {
    const rule = 'reject tls $HOME_NET any -> $EXTERNAL_NET any (msg:"TLS 1.0 or 1.1"; ssl_version:tls1.0,tls1.1; flow:to_server; sid:41;)';
    expect(ids(rule)).toContain('tls-version-early-match:error');
    const fixed = fix(rule);
    expect(fixed).toContain('ssl_state:client_hello');
    const before = replay(rule, 'inline');
    const after = replay(fixed, 'inline');
    for (const f of split) expect(firstBlock(before, f.file, 'action'), f.file).toMatchObject({ n: f.firstSegment, verdict: { kind: 'reject', sid: '41' } });
    for (const f of modern) expect(firedOn(after, f.file, '41'), f.file).toEqual([]);
    const tls10 = flows.find((f) => f.kind === 'tls10-whole')!;
    expect(firstBlock(after, tls10.file, 'action')).toMatchObject({ n: tls10.clientHelloComplete, verdict: { kind: 'reject', sid: '41' } });
  });

  it('items 2 and 7: the bundled egress sample: before --fix the first segment is dropped; after, nothing blocks it, allowed SNIs pass and others are blocked at the complete ClientHello', () => {
    const text = readFileSync(new URL('../../rules-samples/egress-allowlist-strict.rules', import.meta.url), 'utf8');
    const before = replay(text, 'inline');
    const after = replay(fix(text), 'inline');
    for (const f of split) {
      expect(firstBlock(before, f.file, 'strict')?.n, f.file).toBe(f.firstSegment);
      const first = packetAt(after, f.file, f.firstSegment)!;
      expect(first.strict.kind === 'drop' || first.strict.kind === 'reject', `${f.file}: ${JSON.stringify(first)}`).toBe(false);
      const allowed = /github\.com|grafana\.net|amazonaws\.com|registry\.terraform\.io/.test(f.file);
      const block = firstBlock(after, f.file, 'strict');
      if (allowed) expect(block, f.file).toBeUndefined();
      else expect(block?.n, f.file).toBe(f.clientHelloComplete);
    }
  });

  it('item 3: under action order a drop tcp established beside SNI pass rules drops the first segment (measured: Suricata is action order)', () => {
    const text = [
      'pass tcp $HOME_NET any -> $EXTERNAL_NET any (flow:not_established, to_server; sid:1;)',
      'pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"good.example"; startswith; endswith; flow:to_server; sid:2;)',
      'drop tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; flow:to_server; sid:3;)',
      'drop tcp $HOME_NET any -> $EXTERNAL_NET any (flow:to_server, established; sid:4;)',
    ].join('\n');
    expect(ids(text, 'action')).toContain('tls-catch-all-after-sni-pass:error');
    const before = replay(text, 'inline');
    const after = replay(fix(text, 'action'), 'inline');
    const good = split.filter((f) => f.sni === 'good.example');
    for (const f of good) {
      expect(firstBlock(before, f.file, 'action'), f.file).toMatchObject({ n: f.firstSegment, verdict: { kind: 'drop', sid: '4' } });
      expect(firstBlock(after, f.file, 'action'), f.file).toBeUndefined();
    }
    const bad = split.filter((f) => f.sni === 'bad.example');
    for (const f of bad) expect(firstBlock(after, f.file, 'action')?.n, f.file).toBe(f.clientHelloComplete);
  });

  it("item 7: AWS's PQC flowbit pattern keeps the first segment through in strict order only; under action order the catch-all rejects it (measured)", () => {
    const text = [
      'pass tcp $HOME_NET any -> any any (flow:not_established, to_server; sid:999990;)',
      'pass tls $HOME_NET any -> any any (tls.sni; content:"good.example"; startswith; endswith; flow:to_server; sid:1;)',
      'reject tls $HOME_NET any -> any any (ssl_state:client_hello; ja4.hash; content:"_"; flowbits:set,blocked; flow:to_server; sid:999991;)',
      'alert tls $HOME_NET any -> any any (msg:"PQC"; flowbits:isnotset,blocked; flowbits:set,PQC; noalert; flow:to_server; sid:999993;)',
      'reject tcp $HOME_NET any -> any any (flowbits:isnotset,blocked; flowbits:isnotset,PQC; flow:to_server; sid:999994;)',
    ].join('\n');
    expect(ids(text, 'strict').filter((x) => x.startsWith('tls-catch-all'))).toEqual([]);
    expect(ids(text, 'action')).toContain('tls-catch-all-after-sni-pass:error');
    const r = replay(text, 'inline');
    const f = split.find((x) => x.file === 'pq-split-tls13-good.example.pcap')!;
    expect(packetAt(r, f.file, f.firstSegment)!.strict.kind).toBe('none');
    expect(firstBlock(r, f.file, 'strict')).toBeUndefined();
    expect(firstBlock(r, f.file, 'action')).toMatchObject({ n: f.firstSegment, verdict: { kind: 'reject', sid: '999994' } });
  });

  it('item 8: no handshake pass and a catch-all without established rejects every SYN', () => {
    const text = [
      'pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"good.example"; flow:to_server; sid:1;)',
      'reject tcp $HOME_NET any -> $EXTERNAL_NET any (flow:to_server; sid:2;)',
    ].join('\n');
    expect(lintText(text, { profile: 'aws-nfw' }).some((d) => d.message.includes('rejects every SYN'))).toBe(true);
    const r = replay(text, 'inline');
    for (const f of modern) expect(firstBlock(r, f.file, 'strict'), f.file).toMatchObject({ n: 1, verdict: { kind: 'reject', sid: '2' } });
  });

  it('item 5: a server-side drop tls gated on the ClientHello never fires; the lint no longer offers the gate', () => {
    const rule = 'drop tls $EXTERNAL_NET 443 -> $HOME_NET any (flow:established; sid:46;)';
    expect(ids(rule).filter((x) => x.startsWith('tls-'))).toEqual([]);
    const ungated = replay(rule, 'inline');
    const gated = replay(rule.replace('(', '(ssl_state:client_hello; '), 'inline');
    const tls = modern.filter((f) => f.serverPort === 443);
    expect(tls.filter((f) => firedOn(gated, f.file, '46').length > 0)).toEqual([]);
    expect(tls.filter((f) => firedOn(ungated, f.file, '46').length > 0).length).toBe(tls.length);
  });

  it('item 4: a packet keyword rule: the fix is never offered (Suricata refuses ssl_state beside dsize)', () => {
    const rule = 'drop tls $HOME_NET any -> $EXTERNAL_NET any (dsize:>0; flow:to_server, established; sid:40;)';
    const r = replay(rule.replace('(', '(ssl_state:client_hello; '), 'inline');
    expect(r.load[0]?.verdict).toBe('rejected');
    expect(fix(rule)).toBe(rule);
    const d = lintText(rule, { profile: 'aws-nfw' }).find((x) => x.ruleId === 'tls-client-hello-gate')!;
    expect(d.fix).toBeUndefined();
    expect(d.hint).toContain("Remove 'dsize'");
  });

});

/** The must-show: --fix on every bundled sample and AWS-published file, replayed before and after. */
const FILES = [
  ...readdirSync(new URL('../../rules-samples/', import.meta.url)).filter((f) => f.endsWith('.rules')).map((f) => ({ name: `rules-samples/${f}`, url: new URL(`../../rules-samples/${f}`, import.meta.url) })),
  ...(REPLAY_SKIP_REASON ? [] : readdirSync(`${SHARED_DIR}corpora/aws-docs`).filter((f) => f.endsWith('.rules')).map((f) => ({ name: `aws-docs/${f}`, url: new URL(`file://${SHARED_DIR}corpora/aws-docs/${f}`) }))),
];

const sidOf = (r: RuleStatement) => r.options.find((o) => o.name === 'sid')?.value?.text.trim();
function tlsSids(text: string): Set<string> {
  return new Set(parseRules(text).statements.filter((s): s is RuleStatement => s.kind === 'rule' && s.layout === 'active' && analyzeTls(s).isTlsRule).map((s) => sidOf(s)!).filter(Boolean));
}
function accepted(r: ReplayResult, text: string): Set<string> {
  const bySid = new Set<string>();
  const rules = parseRules(text).statements.filter((s): s is RuleStatement => s.kind === 'rule' && s.layout === 'active');
  const lineOf = (s: RuleStatement) => text.slice(0, s.range.start).split('\n').length;
  for (const s of rules) if (r.load.find((l) => l.line === lineOf(s))?.verdict === 'accepted') bySid.add(sidOf(s)!);
  return bySid;
}

describe.skipIf(!!REPLAY_SKIP_REASON)('--fix on every bundled sample and AWS-published file, replayed inline (strict order)', () => {
  const figures: string[] = [];
  for (const file of FILES) {
    it(`${file.name}: no drop/reject decides the first segment of a split ClientHello, no TLS rule stops firing on complete ClientHellos, every rule that loaded still loads`, () => {
      const text = readFileSync(file.url, 'utf8');
      const fixed = fix(text);
      const before = replay(text, 'inline');
      const after = replay(fixed, 'inline');
      const firstSegmentBlocks = (r: ReplayResult) =>
        split.filter((f) => {
          const p = packetAt(r, f.file, f.firstSegment)!;
          return !p.strict.inherited && (p.strict.kind === 'drop' || p.strict.kind === 'reject');
        }).length;
      expect(split.filter((f) => {
        const p = packetAt(after, f.file, f.firstSegment)!;
        return !p.strict.inherited && (p.strict.kind === 'drop' || p.strict.kind === 'reject');
      }).map((f) => `${f.file}: ${JSON.stringify(packetAt(after, f.file, f.firstSegment)!.strict)}`)).toEqual([]);
      const tls = tlsSids(text);
      const stopped: string[] = [];
      for (const f of modern) {
        const b = packetAt(before, f.file, f.clientHelloComplete)!;
        const a = packetAt(after, f.file, f.clientHelloComplete)!;
        for (const sid of b.matched) if (tls.has(sid) && !a.matched.includes(sid)) stopped.push(`${f.file}: sid:${sid}`);
      }
      expect(stopped).toEqual([]);
      const lost = [...accepted(before, text)].filter((sid) => !accepted(after, fixed).has(sid));
      expect(lost).toEqual([]);
      figures.push(`${file.name}: first-segment blocks ${firstSegmentBlocks(before)} -> ${firstSegmentBlocks(after)} of ${split.length} split flows`);
      console.log(`[replay must-show] ${figures.at(-1)}`);
    });
  }
});
