import { defineLintRule } from '../linter/lint-rule.js';
import type { RuleOption, RuleStatement } from '../syntax/tree.js';
import { IP_PROTOCOL_NAMES } from './utils/ip-protocol-names.js';
import { ruleKeywords, valueText } from './utils/rule-options.js';
import { lookupTable } from '../catalog/lookup-table.js';

type Check = (value: string, rule: RuleStatement) => { problem: string; hint: string } | undefined;

/** Header protocols that allow ip_proto (Suricata: only rules that match any IP protocol). */
const IP_HEADERS = new Set(['ip', 'ipv4', 'ipv6', 'ip4', 'ip6', 'pkthdr']);

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An integer in [min, max]; a byte_extract/byte_math variable name is accepted (checked by byte-variable-undefined). */
function intRange(name: string, min: number, max: number): Check {
  return (value) => {
    const v = value.trim();
    if (IDENT.test(v)) return undefined;
    if (/^-?\d+$/.test(v) && Number(v) >= min && Number(v) <= max) return undefined;
    return { problem: `'${v}' is not a valid ${name}: Suricata accepts a number from ${min} to ${max} (or a byte_extract variable)`, hint: `write ${name}:<${min}-${max}>;` };
  };
}

function ipProto(value: string, rule: RuleStatement): { problem: string; hint: string } | undefined {
  const protocol = rule.header.protocol?.name;
  if (protocol && !IP_HEADERS.has(protocol)) {
    return { problem: `ip_proto works only in rules whose protocol is 'ip', not '${protocol}'`, hint: `write 'alert ip ...' or drop ip_proto (the header protocol already selects ${protocol})` };
  }
  let v = value.trim().replace(/^"(.*)"$/, '$1').trim();
  v = v.replace(/^(!|<|>)/, '').trim();
  if (/^\d+$/.test(v)) return Number(v) <= 255 ? undefined : { problem: `protocol number ${v} is out of range (0 to 255)`, hint: 'use a number from 0 to 255' };
  if (IP_PROTOCOL_NAMES.has(v)) return undefined;
  const lower = v.toLowerCase();
  return {
    problem: `'${v}' is not a protocol name Suricata knows (names are looked up case-sensitively in /etc/protocols)`,
    hint: IP_PROTOCOL_NAMES.has(lower) ? `write '${lower}'` : 'use a protocol number (6 for TCP) or a name such as tcp, udp, icmp, gre, esp',
  };
}

function sslVersion(value: string): { problem: string; hint: string } | undefined {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const neg = items.filter((s) => s.startsWith('!')).length;
  if (neg > 0 && neg < items.length) return { problem: 'mixes negated and plain versions, which Suricata refuses ("Invalid value mixing negative and positive forms")', hint: 'negate every version (!tls1.0,!tls1.1) or none' };
  return undefined;
}

/** Keyword -> validator. Only checks verified against Suricata 7.0.10. */
const CHECKS: Readonly<Record<string, Check>> = lookupTable({
  depth: intRange('depth', 0, 65535),
  offset: intRange('offset', 0, 65535),
  distance: intRange('distance', -1048576, 1048576),
  within: intRange('within', -1048576, 1048576),
  ip_proto: ipProto,
  ssl_version: sslVersion,
});

export default defineLintRule({
  meta: {
    id: 'keyword-value-invalid',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'A keyword value Suricata refuses: depth/offset outside 0-65535, distance/within beyond ±1,048,576, an unknown ip_proto name or ip_proto outside an `ip` rule, ssl_version mixing negated and plain versions.',
      rationale: 'These values are checked when Suricata loads the rule, and any of them rejects the whole rule. ip_proto is only allowed in rules whose header protocol is `ip`; its names come from /etc/protocols and are case-sensitive (`TCP` and `tcp` work, `Tcp` does not).',
      badExample: 'alert tcp any any -> any any (msg:"x"; content:"a"; within:1048577; sid:1;)',
      goodExample: 'alert tcp any any -> any any (msg:"x"; content:"a"; within:1048576; sid:1;)',
    },
  },
  checkRule(rule, ctx) {
    const { names } = ruleKeywords(rule);
    const options = rule.options as RuleOption[];
    for (let i = 0; i < options.length; i++) {
      const option = options[i];
      const check = CHECKS[names[i]];
      if (!check || !option.value) continue;
      const issue = check(valueText(option), rule);
      if (!issue) continue;
      ctx.report({ range: option.range, message: `${option.keyword.text}: ${issue.problem}; Suricata rejects the rule`, hint: issue.hint });
    }
  },
});
