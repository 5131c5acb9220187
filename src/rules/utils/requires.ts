import { lookupKeyword } from '../../catalog/keyword-catalog.js';
import type { RuleStatement } from '../../syntax/tree.js';
import { hasRequires, valueText } from './rule-options.js';
import { lookupTable } from '../../catalog/lookup-table.js';

/** The exact Suricata release a major-version target stands for. */
const TARGET: Readonly<Record<7 | 8, readonly number[]>> = { 7: [7, 0, 10], 8: [8, 0, 0] };

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

const OPS: Readonly<Record<string, (c: number) => boolean>> = lookupTable({
  '>=': (c) => c >= 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '<': (c) => c < 0,
  '=': (c) => c === 0,
});

/**
 * Whether a rule's `requires:` is met by the target: Suricata silently skips a rule whose
 * requirements are not met. `unknown` when it names features we cannot judge.
 */
export function requiresStatus(rule: RuleStatement, version: 7 | 8): 'none' | 'met' | 'unmet' | 'unknown' {
  if (!hasRequires(rule)) return 'none';
  const options = rule.options.filter((o) => o.name === 'requires');
  let status: 'met' | 'unknown' = 'met';
  for (const option of options) {
    for (const item of valueText(option).split(',').map((s) => s.trim()).filter(Boolean)) {
      const [kind, ...rest] = item.split(/\s+/);
      if (kind === 'version') {
        const conds = rest.join(' ').match(/(>=|<=|>|<|=)\s*(\d+(?:\.\d+){0,2})/g) ?? [];
        if (conds.length === 0) status = 'unknown';
        for (const cond of conds) {
          const m = /(>=|<=|>|<|=)\s*(\S+)/.exec(cond)!;
          if (!OPS[m[1]](compare(TARGET[version], m[2].split('.').map(Number)))) return 'unmet';
        }
      } else if (kind === 'keyword') {
        const k = lookupKeyword(rest.join(' '));
        if (!k || k.since > version || k.vendor) return 'unmet';
      } else status = 'unknown';
    }
  }
  return status;
}

/** True unless Suricata is known to load the rule's requirements (no `requires:`, or one that is met). */
export function maybeSkipped(rule: RuleStatement, version: 7 | 8): boolean {
  const s = requiresStatus(rule, version);
  return s === 'unmet' || s === 'unknown';
}
