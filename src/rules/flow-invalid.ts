import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import type { FlowValue, Item } from '../syntax/option-values.js';
import { closestMatch } from '../syntax/levenshtein.js';
import { lookupTable } from '../catalog/lookup-table.js';

/** flow values (Suricata compares them case-insensitively) and the group each one belongs to. */
export const FLOW_VALUES: Readonly<Record<string, string>> = lookupTable({
  to_server: 'direction',
  from_client: 'direction',
  to_client: 'direction',
  from_server: 'direction',
  established: 'state',
  not_established: 'state',
  stateless: 'state',
  only_stream: 'stream',
  no_stream: 'stream',
  only_frag: 'frag',
  no_frag: 'frag',
});
const NAMES = Object.keys(FLOW_VALUES);
const SYNONYM: Readonly<Record<string, string>> = lookupTable({ from_client: 'to_server', from_server: 'to_client' });

/** `established_to_client` -> `established,to_client` when both halves are flow values. */
function splitJoined(name: string): string | undefined {
  for (let i = 1; i < name.length - 1; i++) {
    if (name[i] !== '_' && name[i] !== ' ') continue;
    const a = name.slice(0, i);
    const b = name.slice(i + 1);
    if (a in FLOW_VALUES && b in FLOW_VALUES && FLOW_VALUES[a] !== FLOW_VALUES[b]) return `${a},${b}`;
  }
  return undefined;
}

/**
 * The first valid item before `end` in `group`: the one a later item of the group repeats or contradicts.
 * A scan, not a Map per flow option: a flow option has a handful of items and sits on most rules.
 */
function firstOfGroup(items: readonly Item[], end: number, group: string): Item | undefined {
  for (let k = 0; k < end; k++) {
    const item = items[k];
    if (!item.negated && FLOW_VALUES[item.name.toLowerCase()] === group) return item;
  }
  return undefined;
}

export default defineLintRule({
  meta: {
    id: 'flow-invalid',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'unsafe',
    docs: {
      summary: 'A flow value Suricata does not know, or two that contradict each other (to_server with to_client, established with not_established or stateless, ...).',
      rationale:
        'flow takes comma-separated values from to_server/from_client, to_client/from_server, established/not_established/stateless, only_stream/no_stream and only_frag/no_frag, at most one of each group. Anything else makes Suricata reject the rule, often with a cryptic message ("pcre2_substring_copy_bynumber failed" for `established_to_client`).',
      badExample: 'alert tcp any any -> any any (msg:"x"; flow:established_to_client; sid:1;)',
      goodExample: 'alert tcp any any -> any any (msg:"x"; flow:established,to_client; sid:1;)',
      fixSafety: 'Unsafe: a value made of two values joined with `_` is split with a comma, and a single typo is corrected; check the result.',
    },
  },
  checkRule(rule, ctx) {
    const options = rule.options;
    for (let o = 0; o < options.length; o++) {
      const option = options[o];
      if (option.name !== 'flow' || option.parsed?.kind !== 'flow') continue;
      const items = (option.parsed as FlowValue).items;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const name = item.name.toLowerCase();
        const group = FLOW_VALUES[name];
        if (!group || item.negated) {
          const split = item.negated ? undefined : splitJoined(name);
          const guess = split ?? (item.negated ? undefined : closestMatch(name, NAMES, 2));
          ctx.report({
            range: item.range,
            message: item.name
              ? `'${item.negated ? '!' : ''}${item.name}' is not a flow value: Suricata rejects the rule`
              : 'empty flow value: Suricata rejects the rule',
            hint: guess ? `did you mean '${guess}'?` : `use ${NAMES.join(', ')}`,
            fix: guess && item.name ? Fix.unsafe(`Replace with '${guess}'`, [Edit.replace(item.range, guess)]) : undefined,
          });
          continue;
        }
        const prev = firstOfGroup(items, i, group);
        if (prev) {
          const a = prev.name.toLowerCase();
          const same = (SYNONYM[a] ?? a) === (SYNONYM[name] ?? name);
          ctx.report({
            range: item.range,
            message: same
              ? `'${item.name}' repeats '${prev.name}': Suricata rejects the rule ("flag is already set")`
              : `'${prev.name}' and '${item.name}' contradict each other: Suricata rejects the rule`,
            hint: same ? `remove one of them` : `keep only one ${group} value`,
          });
        }
      }
    }
  },
});
