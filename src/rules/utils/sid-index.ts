import type { TextRange } from '../../source/text-range.js';
import type { IntegerValue } from '../../syntax/option-values.js';
import type { RuleStatement } from '../../syntax/tree.js';

/** A rule's identity, without the rule (file checks keep these, not statements). */
export interface RuleSid {
  readonly sid: number;
  readonly gid: number;
  readonly rev?: number;
  /** The range of the `sid:` option. */
  readonly range: TextRange;
}

/** The sid, gid (default 1) and rev of a rule; undefined when it has no valid sid. Lint rules read `facts.sid`. */
export function ruleSid(rule: RuleStatement): RuleSid | undefined {
  return computeSid(rule);
}

/** The sid, gid and rev of a rule (RuleFacts.sid keeps the result per statement). */
export function computeSid(rule: RuleStatement): RuleSid | undefined {
  let sid: number | undefined;
  let range: TextRange | undefined;
  let gid: number | undefined;
  let rev: number | undefined;
  // The first option of each name counts, as Suricata reports the later ones as duplicates.
  const options = rule.options;
  for (let i = 0; i < options.length; i++) {
    const o = options[i];
    const v = o.parsed as IntegerValue | undefined;
    if (o.name === 'sid' && !range) {
      range = o.range;
      sid = v?.kind === 'integer' ? v.value : undefined;
    } else if (o.name === 'gid' && gid === undefined) gid = v?.kind === 'integer' ? v.value : NaN;
    else if (o.name === 'rev' && rev === undefined) rev = v?.kind === 'integer' ? v.value : NaN;
  }
  if (sid === undefined || !range) return undefined;
  return { sid, gid: gid === undefined || Number.isNaN(gid) ? 1 : gid, rev: rev === undefined || Number.isNaN(rev) ? undefined : rev, range };
}

/** Whether the rule has `requires:` (Suricata may skip it silently, so its sid does not collide). */
export function hasRequires(rule: RuleStatement): boolean {
  const options = rule.options;
  for (let i = 0; i < options.length; i++) if (options[i].name === 'requires') return true;
  return false;
}

/** The first rule seen for each gid:sid (Suricata treats two rules as duplicates when both match). */
export class SidIndex<T extends RuleSid = RuleSid> {
  /*
   * gid 1 with a sid below 2^32 - 1 (nearly every rule) goes into an open-addressing table of typed
   * arrays: at 50k rules a Map look-up per rule was a visible cost (a large, GC-scanned hash table),
   * twice the time of this probe. Anything else goes into the Map.
   */
  private bits = 10;
  /** sid + 1 per slot; 0 marks an empty slot. */
  private keys = new Uint32Array(1 << 10);
  private values: (T | undefined)[] = new Array<T | undefined>(1 << 10);
  private size = 0;
  private readonly others = new Map<string, T>();

  /** Records `s` unless its gid:sid is taken; returns the earlier one when it is. */
  add(s: T): T | undefined {
    const sid = s.sid;
    if (s.gid !== 1 || !Number.isInteger(sid) || sid < 0 || sid >= 0xffffffff) {
      const key = `${s.gid}:${sid}`;
      const first = this.others.get(key);
      if (!first) this.others.set(key, s);
      return first;
    }
    const key = sid + 1;
    const mask = (1 << this.bits) - 1;
    let i = slotOf(key, this.bits);
    for (;;) {
      const k = this.keys[i];
      if (k === 0) break;
      if (k === key) return this.values[i];
      i = (i + 1) & mask;
    }
    this.keys[i] = key;
    this.values[i] = s;
    if (++this.size * 2 > mask) this.grow();
    return undefined;
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.bits++;
    const mask = (1 << this.bits) - 1;
    this.keys = new Uint32Array(mask + 1);
    this.values = new Array<T | undefined>(mask + 1);
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j];
      if (key === 0) continue;
      let i = slotOf(key, this.bits);
      while (this.keys[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = key;
      this.values[i] = values[j];
    }
  }
}

/** Fibonacci hashing: the top `bits` bits of key times 2^32/phi. */
function slotOf(key: number, bits: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - bits);
}
