import { maybeSkipped } from './utils/requires.js';
import { defineLintRule, type RuleContext } from '../linter/lint-rule.js';
import type { RuleOption, RuleStatement } from '../syntax/tree.js';
import { IP_PROTOCOL_NAMES } from './utils/ip-protocol-names.js';
import { valueText } from './utils/rule-options.js';
import { lookupTable } from '../catalog/lookup-table.js';
import { gateOptionValue } from '../catalog/option-value-gate.js';
import { VALUE_GRAMMARS } from '../catalog/value-grammars.js';
import type { ValueProblem } from '../catalog/value-grammar.js';

type Check = (value: string, rule: RuleStatement) => { problem: string; hint: string } | undefined;

/** Header protocols that allow ip_proto (Suricata: only rules that match any IP protocol). */
const IP_HEADERS: ReadonlySet<string> = new Set(['ip', 'ipv4', 'ipv6', 'ip4', 'ip6', 'pkthdr']);

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

/** Keyword -> checks that need the rule (header protocol), verified against Suricata 7.0.10; value grammars are in catalog/value-grammars.ts. */
const CHECKS: Readonly<Record<string, Check>> = lookupTable({
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
  checkRule(rule, ctx, facts) {
    // `requires:` not met: Suricata skips the rule before checking the rest of it.
    if (maybeSkipped(rule, ctx.options.suricataVersion)) return;
    const { names, infos } = facts.keywords;
    const options = rule.options as RuleOption[];
    let byteVariables: Set<string> | undefined;
    for (let i = 0; i < options.length; i++) {
      const option = options[i];
      const info = infos[i];
      if (!option.value || !info) continue;
      const raw = valueText(option).replace(/[ \t]+$/, '');
      const gate = gateOptionValue(info, raw);
      if (gate.problem) {
        if (!reportedElsewhere(info.name, gate.problem)) report(ctx, option, gate.problem);
        continue;
      }
      const check = CHECKS[names[i]];
      if (check) {
        const issue = check(raw, rule);
        if (issue) ctx.report({ range: option.range, message: `${option.keyword.text}: ${issue.problem}; Suricata rejects the rule`, hint: issue.hint });
        continue;
      }
      const grammar = VALUE_GRAMMARS[info.name];
      if (!grammar) continue;
      byteVariables ??= collectByteVariables(rule);
      const problem = grammar.check(gate.value, { byteVariables });
      if (problem) report(ctx, option, problem);
    }
  },
});

/** Gate problems another check reports already: unclosed quotes of content/pcre/msg (parse errors), missing mandatory quotes (keyword-quotes-missing). */
function reportedElsewhere(keyword: string, problem: ValueProblem): boolean {
  if (problem.engine?.startsWith('invalid formatting to ')) return true;
  return /possible missing semicolon/.test(problem.engine ?? '') && (keyword === 'content' || keyword === 'uricontent' || keyword === 'pcre' || keyword === 'msg');
}

function report(ctx: RuleContext, option: RuleOption, problem: ValueProblem): void {
  const engine = problem.engine ? ` ("${problem.engine}")` : '';
  const verdict = problem.severity === 'warning' ? 'Suricata loads the rule with a warning' : 'Suricata refuses the rule';
  ctx.report({ range: option.range, message: `${option.keyword.text}: ${problem.message}; ${verdict}${engine}`, hint: problem.hint, severity: problem.severity });
}

/** Names that byte_extract and byte_math define in the rule (their third field / `result NAME`). */
function collectByteVariables(rule: RuleStatement): Set<string> {
  const out = new Set<string>();
  for (const o of rule.options) {
    if (!o.value) continue;
    if (o.name === 'byte_extract') {
      const v = o.value.text.split(',')[2]?.trim();
      if (v) out.add(v);
    } else if (o.name === 'byte_math') {
      const m = /result\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(o.value.text);
      if (m) out.add(m[1]);
    }
  }
  return out;
}
