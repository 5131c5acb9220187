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

/*
 * duplicate-sid and aws-duplicate-sid both ask for the statement the linter is visiting: the last answer
 * is kept for the next question (RuleSid is immutable, so both indexes may hold the same object).
 */
let lastRule: RuleStatement | undefined;
let lastSid: RuleSid | undefined;

/** The sid, gid (default 1) and rev of a rule; undefined when it has no valid sid. */
export function ruleSid(rule: RuleStatement): RuleSid | undefined {
  if (rule !== lastRule) {
    lastSid = computeSid(rule);
    lastRule = rule;
  }
  return lastSid;
}

function computeSid(rule: RuleStatement): RuleSid | undefined {
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
  private readonly seen = new Map<number | string, T>();

  /** Records `s` unless its gid:sid is taken; returns the earlier one when it is. */
  add(s: T): T | undefined {
    // A number for the usual gid 1 (hashing a fresh string per rule was a visible cost at 50k rules).
    const key = s.gid === 1 ? s.sid : `${s.gid}:${s.sid}`;
    const first = this.seen.get(key);
    if (!first) this.seen.set(key, s);
    return first;
  }
}
