import type { StatefulRuleEntry } from './rule-group-model.js';

/** Direction enum of StatefulRules headers → Suricata direction operator. */
const DIRECTIONS: Readonly<Record<string, string>> = { FORWARD: '->', ANY: '<>' };

/**
 * The Suricata line AWS renders for one StatefulRules entry:
 * `action proto src sport dir dst dport (kw:settings; ...)`. Action and protocol are lower-cased as in AWS's
 * example; addresses/ports are kept as given; several Settings are joined with ',' (inferred).
 */
export function statefulRuleText(rule: StatefulRuleEntry): string {
  const direction = DIRECTIONS[rule.direction.toUpperCase()] ?? rule.direction;
  const options = rule.options
    .map((o) => (o.settings.length > 0 ? `${o.keyword}:${o.settings.join(',')};` : `${o.keyword};`))
    .join(' ');
  return `${rule.action.toLowerCase()} ${rule.protocol.toLowerCase()} ${rule.source} ${rule.sourcePort} ${direction} ` +
    `${rule.destination} ${rule.destinationPort} (${options})`;
}
