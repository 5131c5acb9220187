import { describe, expect, it } from 'vitest';
import { SidIndex, type RuleSid } from '../../src/rules/utils/sid-index.js';

function sid(gid: number, n: number, start = 0): RuleSid {
  return { gid, sid: n, range: { start, end: start + 1 } };
}

describe('SidIndex', () => {
  it('returns the first entry for a repeated gid:sid and undefined for a new one', () => {
    const index = new SidIndex();
    const first = sid(1, 1000, 0);
    expect(index.add(first)).toBeUndefined();
    expect(index.add(sid(1, 1000, 5))).toBe(first);
    expect(index.add(sid(2, 1000, 9))).toBeUndefined();
    expect(index.add(sid(1, 1001, 12))).toBeUndefined();
  });

  it('keeps every first entry while the table grows, with sids at the edges of the range', () => {
    const index = new SidIndex();
    const reference = new Map<string, RuleSid>();
    const values = [0, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 2, 2 ** 32 - 1, 2 ** 40, -1, 1.5];
    for (let i = 0; i < 4000; i++) values.push((i * 7919) % 30011, 2000000 + i);
    let n = 0;
    for (const v of values) {
      for (const gid of [1, 3]) {
        const entry = sid(gid, v, n++);
        const key = `${gid}:${v}`;
        expect(index.add(entry)).toBe(reference.get(key));
        if (!reference.has(key)) reference.set(key, entry);
      }
    }
    expect(reference.size).toBeGreaterThan(4000);
  });
});
