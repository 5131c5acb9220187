import { defineLintRule, type RuleContext } from '../linter/lint-rule.js';
import type { ListValue } from '../syntax/tree.js';
import { ADDRESS_FIELDS, FIELD_LABEL, forEachHeaderValue, type HeaderField } from './utils/header-values.js';

function ipv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function ipv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  let count = groups.length;
  const last = groups[groups.length - 1];
  if (last?.includes('.')) {
    if (!ipv4(last)) return false;
    groups.pop();
    count += 1;
  }
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Why Suricata refuses a literal address, or undefined when it parses. */
export function addressProblem(text: string): string | undefined {
  const range = text.split('-');
  if (range.length === 2) return (ipv4(range[0]) && ipv4(range[1])) || (ipv6(range[0]) && ipv6(range[1])) ? undefined : 'is not a valid address range (a.b.c.d-e.f.g.h)';
  const slash = text.indexOf('/');
  const ip = slash < 0 ? text : text.slice(0, slash);
  const mask = slash < 0 ? undefined : text.slice(slash + 1);
  if (ipv4(ip)) {
    if (mask === undefined) return undefined;
    if (/^\d{1,2}$/.test(mask) && Number(mask) <= 32) return undefined;
    if (ipv4(mask)) return undefined;
    return `has an invalid IPv4 prefix length '/${mask}' (0 to 32)`;
  }
  if (ipv6(ip)) {
    if (mask === undefined || (/^\d{1,3}$/.test(mask) && Number(mask) <= 128)) return undefined;
    return `has an invalid IPv6 prefix length '/${mask}' (0 to 128)`;
  }
  return 'is not an IPv4 or IPv6 address, CIDR block, $VARIABLE or any';
}

function checkValue(field: HeaderField, value: ListValue, ctx: RuleContext): void {
  if (value.valueKind !== 'literal') return;
  const problem = addressProblem(value.value.text);
  if (!problem) return;
  ctx.report({
    range: value.value.range,
    message: `'${value.value.text}' in the ${FIELD_LABEL[field]} ${problem}: Suricata rejects the rule ("failed to parse address")`,
    hint: 'write an address like 10.0.0.1, a block like 10.0.0.0/8 or 2001:db8::/32, a $VARIABLE or any',
  });
}

export default defineLintRule({
  meta: {
    id: 'header-invalid-address',
    category: 'syntax',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'An address literal Suricata cannot parse: an octet above 255, three octets, a prefix length above /32 (/128), a typo.',
      rationale: 'Suricata rejects the whole rule when an address in the header does not parse ("failed to parse address"). Only literals are checked; variables are checked by undefined-variable.',
      badExample: 'drop ip $HOME_NET any -> 10.0.0.0/33 any (msg:"x"; sid:1;)',
      goodExample: 'drop ip $HOME_NET any -> 10.0.0.0/8 any (msg:"x"; sid:1;)',
    },
  },
  checkRule(rule, ctx) {
    forEachHeaderValue(rule.header, ADDRESS_FIELDS, checkValue, ctx);
  },
});
