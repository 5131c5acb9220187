import { defineLintRule } from '../linter/lint-rule.js';
import type { RuleOption } from '../syntax/tree.js';
import type { ContentEntry } from './utils/content-analysis.js';
import { canonicalOf, valueText } from './utils/rule-options.js';
import { lookupTable } from '../catalog/lookup-table.js';

/** Modifiers Suricata accepts at most once per content (startswith counts as a depth). */
const ONCE: Readonly<Record<string, string>> = lookupTable({
  depth: 'depth',
  startswith: 'depth',
  offset: 'offset',
  distance: 'distance',
  within: 'within',
  nocase: 'nocase',
  rawbytes: 'rawbytes',
  fast_pattern: 'fast_pattern',
});
const ABSOLUTE: ReadonlySet<string> = new Set(['depth', 'offset', 'startswith']);
const RELATIVE: ReadonlySet<string> = new Set(['distance', 'within']);
const POSITIONAL: ReadonlySet<string> = new Set(['depth', 'offset', 'distance', 'within']);

type Issue = { option: RuleOption; message: string; hint: string };
const NO_ISSUES: readonly Issue[] = Object.freeze([]);

function issues(c: ContentEntry): readonly Issue[] {
  // A content without modifiers has nothing to conflict (most contents in a rule set).
  if (c.modifiers.length === 0) return NO_ISSUES;
  const out: Issue[] = [];
  const seen = new Map<string, RuleOption>();
  let absolute: RuleOption | undefined;
  let relative: RuleOption | undefined;
  let fastPatternOnly: RuleOption | undefined;
  let fastPattern: RuleOption | undefined;
  let positional: RuleOption | undefined;
  for (let i = 0; i < c.modifiers.length; i++) {
    const m = c.modifiers[i];
    const name = c.modifierNames[i];
    const group = ONCE[name];
    if (group) {
      const prev = seen.get(group);
      if (prev) {
        out.push({
          option: m,
          message: `'${m.keyword.text}' repeats '${prev.keyword.text}' on the same content: Suricata rejects the rule ("can't use multiple ${group === 'depth' ? 'depth/startswith settings' : `${group} options`} for the same content")`,
          hint: `keep one '${group}'`,
        });
      } else seen.set(group, m);
    }
    if (name === 'startswith' && seen.get('offset')) {
      out.push({ option: m, message: "'startswith' with 'offset' on the same content: Suricata rejects the rule (\"can't mix offset with startswith\")", hint: 'use offset and depth, or startswith alone' });
    }
    if (name === 'offset' && seen.get('depth') && canonicalOf(seen.get('depth')!) === 'startswith') {
      out.push({ option: m, message: "'offset' with 'startswith' on the same content: Suricata rejects the rule (\"can't mix offset with startswith\")", hint: 'use offset and depth, or startswith alone' });
    }
    if (ABSOLUTE.has(name)) absolute ??= m;
    if (RELATIVE.has(name)) relative ??= m;
    if (POSITIONAL.has(name)) positional ??= m;
    if (name === 'fast_pattern') {
      fastPattern ??= m;
      if (valueText(m).trim().toLowerCase() === 'only') fastPatternOnly = m;
    }
    if ((name === 'depth' || name === 'within') && c.pattern !== undefined) {
      const n = Number(valueText(m).trim());
      if (/^\d+$/.test(valueText(m).trim()) && n < c.pattern.length) {
        out.push({
          option: m,
          message: `${name}:${n} is shorter than the content (${c.pattern.length} bytes), so it can never match: Suricata rejects the rule`,
          hint: `use ${name}:${c.pattern.length} or more`,
        });
      }
    }
  }
  if (absolute && relative) {
    const later = absolute.range.start > relative.range.start ? absolute : relative;
    out.push({
      option: later,
      message: `'${relative.keyword.text}' (relative to the previous match) and '${absolute.keyword.text}' (from the buffer start) on the same content: Suricata rejects the rule ("can't use a relative keyword like within/distance with a absolute relative keyword like depth/offset")`,
      hint: 'use either depth/offset or distance/within for one content',
    });
  }
  if (fastPatternOnly && positional) {
    out.push({
      option: fastPatternOnly.range.start > positional.range.start ? fastPatternOnly : positional,
      message: `'fast_pattern:only' with '${positional.keyword.text}' on the same content: Suricata rejects the rule`,
      hint: "drop ':only' (Suricata works it out itself), or the position keyword",
    });
  } else if (fastPattern && c.negated && positional) {
    out.push({
      option: fastPattern.range.start > positional.range.start ? fastPattern : positional,
      message: `'fast_pattern' on a negated content with '${positional.keyword.text}': Suricata rejects the rule ("can't have a relative negated keyword set along with 'fast_pattern'")`,
      hint: 'move fast_pattern to a positive content',
    });
  }
  return out;
}

export default defineLintRule({
  meta: {
    id: 'content-modifier-conflict',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'Content modifiers that Suricata refuses together: two depths, depth with distance, fast_pattern:only with offset, depth shorter than the content, fast_pattern on two contents, ...',
      rationale:
        'Suricata validates the modifiers of each content when it loads a rule: each of depth/startswith, offset, distance, within, nocase, rawbytes and fast_pattern at most once; absolute (depth, offset, startswith) and relative (distance, within) positions not mixed; fast_pattern:only without positions; depth and within not shorter than the content; fast_pattern on one content per rule. Any violation rejects the whole rule.',
      badExample: 'alert udp any any -> any any (msg:"x"; content:"AA"; depth:50; distance:5; sid:1;)',
      goodExample: 'alert udp any any -> any any (msg:"x"; content:"AA"; depth:50; sid:1;)',
    },
  },
  checkRule(_rule, ctx, facts) {
    const { contents } = facts.contents;
    for (const c of contents) for (const i of issues(c)) ctx.report({ range: i.option.range, message: i.message, hint: i.hint });
    let fastPatterns = 0;
    for (const c of contents) {
      const at = c.modifierNames.indexOf('fast_pattern');
      if (at < 0 || ++fastPatterns === 1) continue;
      const fp = c.modifiers[at];
      ctx.report({
        range: fp.range,
        message: "a second content with 'fast_pattern': Suricata rejects the rule (\"fast_pattern can be used on only one content in a rule\")",
        hint: 'keep fast_pattern on the one content that should go into the multi-pattern matcher',
      });
    }
  },
});
