import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_DEFINITIONS, resolveText } from '../../src/semantics/header-sets.js';
import { IP_ANY, ipComplement, ipContains, ipHas, ipIntersect, ipOverlaps, ipSetText, ipUnion, parseAddress, parseCidr, portSetText } from '../../src/semantics/ip-set.js';

const cidr = (s: string) => {
  const v = parseCidr(s);
  if (!v) throw new Error(s);
  return v;
};

describe('ip sets', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['192.0.2.7', '192.0.2.7'],
    ['10.0.0.0/255.0.0.0', '10.0.0.0/8'],
    ['2001:db8::/32', '2001:db8::/32'],
    ['::ffff:10.0.0.1', '::ffff:a00:1'],
  ])('parses %s as %s', (input, text) => {
    expect(ipSetText(cidr(input))).toBe(text);
  });

  it.each(['10.0.0.0/33', '300.1.1.1', 'example.com', '1.2.3', '::1::2', ''])('rejects %s', (s) => {
    expect(parseCidr(s)).toBeUndefined();
  });

  it('finds the partial overlap of issue 20 (172.20.0.0/16 inside any)', () => {
    expect(ipOverlaps(IP_ANY, cidr('172.20.0.0/16'))).toBe(true);
    expect(ipContains(cidr('172.20.0.0/16'), IP_ANY)).toBe(false);
    expect(ipContains(cidr('172.16.0.0/12'), cidr('172.20.0.0/16'))).toBe(true);
    expect(ipOverlaps(cidr('10.0.0.0/8'), cidr('192.168.0.0/16'))).toBe(false);
    expect(ipOverlaps(cidr('10.0.0.0/8'), cidr('2001:db8::/32'))).toBe(false);
  });

  it('resolves groups, negations and variables as Suricata does', () => {
    const defs = { ipSets: new Map([['HOME_NET', ['10.0.0.0/8']], ['EXTERNAL_NET', ['!$HOME_NET']]]), portSets: new Map([['HTTP_PORTS', ['80', '8080']]]) };
    const group = resolveText('ip', '[10.0.0.0/8, !10.1.0.0/16]', NO_DEFINITIONS)!;
    expect(ipHas(group, parseAddress('10.2.0.1')!)).toBe(true);
    expect(ipHas(group, parseAddress('10.1.0.1')!)).toBe(false);
    const external = resolveText('ip', '$EXTERNAL_NET', defs)!;
    expect(ipHas(external, parseAddress('10.0.0.1')!)).toBe(false);
    expect(ipHas(external, parseAddress('140.82.112.3')!)).toBe(true);
    expect(resolveText('ip', '$UNDEFINED', defs)).toBeUndefined();
    expect(portSetText(resolveText('port', '$HTTP_PORTS', defs)!)).toBe('80, 8080');
    expect(portSetText(resolveText('port', '[1024:, !2000]', NO_DEFINITIONS)!)).toBe('1024:1999, 2001:65535');
    expect(portSetText(resolveText('port', '!443', NO_DEFINITIONS)!)).toBe('0:442, 444:65535');
  });

  it('stops on a definition cycle', () => {
    const defs = { ipSets: new Map([['A', ['$B']], ['B', ['$A']]]), portSets: new Map() };
    expect(resolveText('ip', '$A', defs)).toBeUndefined();
  });

  it('set algebra: a ∩ ¬a = ∅, a ∪ ¬a = any, containment agrees with intersection', () => {
    const block = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 8, max: 32 })).map(([a, b, p]) => cidr(`${a}.${b}.0.0/${p}`));
    fc.assert(
      fc.property(block, block, (a, b) => {
        expect(ipIntersect(a, ipComplement(a))).toEqual([]);
        expect(ipUnion(a, ipComplement(a))).toEqual(IP_ANY);
        const i = ipIntersect(a, b);
        expect(ipContains(a, b)).toBe(i.length === b.length && i.every((r, k) => r.lo === b[k].lo && r.hi === b[k].hi));
      }),
    );
  });
});
