import { beforeAll, describe, expect, it } from 'vitest';
import { REPLAY_SKIP_REASON, firedOn, firstBlock, replay, replayFlows, type ReplayResult } from './replay.js';

if (REPLAY_SKIP_REASON) console.log(`[replay] skipped: ${REPLAY_SKIP_REASON}`);

/**
 * The claims every TLS check rests on, replayed through Suricata 7.0.10 over the flows of
 * ../shared/pcaps (post-quantum ClientHello split across two segments, whole, classic, TLS 1.0 client,
 * plain TCP), inline (--simulate-ips, as AWS Network Firewall runs) and passive (IDS).
 */
const RULES = [
  'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"ungated drop"; flow:to_server, established; sid:1;)',
  'alert tls $HOME_NET any -> $EXTERNAL_NET any (msg:"gated"; ssl_state:client_hello; flow:to_server, established; sid:2;)',
  'alert tls $HOME_NET any -> $EXTERNAL_NET any (msg:"sni"; tls.sni; content:"good.example"; startswith; endswith; flow:to_server; sid:3;)',
  'alert tls $HOME_NET any -> $EXTERNAL_NET any (msg:"gated+sni"; ssl_state:client_hello; tls.sni; content:"good.example"; startswith; endswith; flow:to_server; sid:4;)',
  'alert tls $EXTERNAL_NET any -> $HOME_NET any (msg:"cert"; tls.cert_issuer; content:"Untrusted Test CA"; flow:to_client; sid:5;)',
  'alert tls $EXTERNAL_NET any -> $HOME_NET any (msg:"cert gated"; ssl_state:client_hello; tls.cert_issuer; content:"Untrusted Test CA"; flow:to_client; sid:6;)',
  'alert tls $HOME_NET any -> $EXTERNAL_NET any (msg:"ja4"; ja4.hash; content:"_"; flow:to_server; sid:7;)',
].join('\n');

describe.skipIf(!!REPLAY_SKIP_REASON)('replayed core claims (Suricata 7.0.10, ../shared/pcaps)', () => {
  let inline: ReplayResult;
  let passive: ReplayResult;
  const flows = replayFlows();
  const split = flows.filter((f) => f.kind === 'pq-split');
  const whole = flows.filter((f) => f.kind === 'pq-whole' || f.kind === 'classic-whole' || f.kind === 'tls10-whole');
  beforeAll(() => {
    inline = replay(RULES, 'inline');
    passive = replay(RULES, 'passive');
  });

  it('every rule loads and the index names the first segment and the completing packet of each split flow', () => {
    expect(inline.load.map((l) => l.verdict)).toEqual(Array(7).fill('accepted'));
    expect(split.length).toBeGreaterThanOrEqual(20);
    for (const f of split) {
      expect(f.firstSegment, f.file).toBe(4);
      expect(f.clientHelloComplete, f.file).toBeGreaterThan(4);
    }
  });

  it('inline: an ungated drop tls fires on the first segment of every split ClientHello; ssl_state:client_hello on the completing packet', () => {
    for (const f of split) {
      expect(firedOn(inline, f.file, '1')[0], f.file).toBe(f.firstSegment);
      expect(firedOn(inline, f.file, '2'), f.file).toEqual([f.clientHelloComplete]);
      // tls.sni exists only once the ClientHello is complete, with or without ssl_state.
      if (f.sni === 'good.example') {
        expect(firedOn(inline, f.file, '3'), f.file).toEqual([f.clientHelloComplete]);
        expect(firedOn(inline, f.file, '4'), f.file).toEqual([f.clientHelloComplete]);
      }
      expect(firedOn(inline, f.file, '7'), f.file).toEqual([f.clientHelloComplete]);
    }
  });

  it('inline: on whole ClientHellos the gate costs nothing (same packet as the ungated rule)', () => {
    for (const f of whole) {
      expect(firedOn(inline, f.file, '1')[0], f.file).toBe(f.clientHelloComplete);
      expect(firedOn(inline, f.file, '2'), f.file).toEqual([f.clientHelloComplete]);
    }
  });

  it('ssl_state:client_hello next to a certificate keyword never matches; the certificate rule alone does (TLS 1.2 flows)', () => {
    const tls12 = flows.filter((f) => f.file.includes('tls12'));
    expect(tls12.length).toBeGreaterThan(0);
    for (const f of tls12) {
      expect(firedOn(inline, f.file, '5').length, f.file).toBeGreaterThan(0);
      expect(firedOn(inline, f.file, '6'), f.file).toEqual([]);
    }
  });

  it('inline: the ungated drop is a packet drop (Suricata 7 drops each packet it matches, not the flow)', () => {
    const f = split.find((x) => x.file === 'pq-split-tls13-good.example.pcap')!;
    const block = firstBlock(inline, f.file, 'action');
    expect(block).toMatchObject({ n: 4, verdict: { kind: 'drop', sid: '1' } });
    // The server's ACK right after is not dropped: only packets that match are.
    expect(inline.flows.get(f.file)!.packets.find((p) => p.n === 5)!.action).toEqual({ kind: 'none' });
  });

  it('passive (IDS): rules with ssl_state:client_hello never fire on any flow, ungated TLS rules fire one packet late', () => {
    for (const f of flows) {
      expect(firedOn(passive, f.file, '2'), f.file).toEqual([]);
      expect(firedOn(passive, f.file, '4'), f.file).toEqual([]);
    }
    for (const f of split) {
      const first = firedOn(passive, f.file, '1')[0];
      expect(first, f.file).toBeGreaterThan(f.firstSegment!);
    }
    const sni = flows.filter((f) => f.sni === 'good.example' && f.kind !== 'plain');
    for (const f of sni) expect(firedOn(passive, f.file, '3').length, f.file).toBeGreaterThan(0);
  });
});
