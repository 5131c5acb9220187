import type { IntegerValue } from '../../syntax/option-values.js';
import type { RuleOption, RuleStatement } from '../../syntax/tree.js';

export interface RuleSid {
  readonly rule: RuleStatement;
  readonly sid: number;
  readonly gid: number;
  readonly rev?: number;
  readonly option: RuleOption;
}

function intOf(rule: RuleStatement, name: string): { value?: number; option?: RuleOption } {
  const option = rule.options.find((o) => o.name === name);
  const parsed = option?.parsed as IntegerValue | undefined;
  return { value: parsed?.kind === 'integer' ? parsed.value : undefined, option };
}

/** The sid, gid (default 1) and rev of a rule; undefined when it has no valid sid. */
export function ruleSid(rule: RuleStatement): RuleSid | undefined {
  const sid = intOf(rule, 'sid');
  if (sid.value === undefined || !sid.option) return undefined;
  return { rule, sid: sid.value, gid: intOf(rule, 'gid').value ?? 1, rev: intOf(rule, 'rev').value, option: sid.option };
}

/** `gid:sid` key; Suricata treats two rules as duplicates when both match. */
export function sidKey(s: RuleSid): string {
  return `${s.gid}:${s.sid}`;
}

/** Pairs (first, later) of rules that share a sid and gid, in order. */
export function duplicateSids(rules: readonly RuleStatement[], skipRequires = false): { first: RuleSid; duplicate: RuleSid }[] {
  const seen = new Map<string, RuleSid>();
  const out: { first: RuleSid; duplicate: RuleSid }[] = [];
  for (const rule of rules) {
    // `requires:` may make Suricata skip the rule silently, so it does not collide.
    if (skipRequires && rule.options.some((o) => o.name === 'requires')) continue;
    const s = ruleSid(rule);
    if (!s) continue;
    const key = sidKey(s);
    const first = seen.get(key);
    if (first) out.push({ first, duplicate: s });
    else seen.set(key, s);
  }
  return out;
}
