import { defineLintRule } from '../linter/lint-rule.js';
import type { RuleOption } from '../syntax/tree.js';
import { analyzeContents, PAYLOAD, type ContentEntry } from './utils/content-analysis.js';
import { ruleKeywords, valueText } from './utils/rule-options.js';

/** The largest size a dsize/bsize value allows, or undefined when it has no upper bound. */
export function maxSize(value: string): number | undefined {
  const v = value.trim();
  let m = /^(\d+)\s*<>\s*(\d+)$/.exec(v);
  if (m) return Number(m[2]);
  m = /^(?:=)?\s*(\d+)$/.exec(v);
  if (m) return Number(m[1]);
  m = /^<=?\s*(\d+)$/.exec(v);
  if (m) return Number(m[1]);
  return undefined;
}

function numberOf(entry: ContentEntry, name: string): number {
  const at = entry.modifierNames.indexOf(name);
  const m = at < 0 ? undefined : entry.modifiers[at];
  const v = m ? Number(valueText(m).trim()) : 0;
  return Number.isFinite(v) ? v : 0;
}

/** Suricata's estimate of the bytes a buffer needs for its contents: sum of lengths and distances, plus the largest offset. */
function required(contents: readonly ContentEntry[]): { length: number; offset: number } | undefined {
  let length = 0;
  let offset = 0;
  for (const c of contents) {
    if (c.pattern === undefined) return undefined;
    const within = c.modifierNames.includes('within') ? numberOf(c, 'within') : undefined;
    if (c.negated && within === c.pattern.length) continue;
    length += c.pattern.length + numberOf(c, 'distance');
    offset = Math.max(offset, numberOf(c, 'offset'));
  }
  return { length, offset };
}

export default defineLintRule({
  meta: {
    id: 'content-exceeds-size',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'Contents that need more bytes than dsize (payload) or bsize (buffer) allows: the rule can never match.',
      rationale:
        'Suricata adds up the lengths (and distances) of the contents of a buffer, plus the largest offset, and rejects the rule when that exceeds the maximum of dsize or bsize ("signature can\'t match as required content length N exceeds dsize value M").',
      badExample: 'alert udp any any -> any any (msg:"x"; dsize:10; content:"thisstringisgreaterthan10bytes"; sid:1;)',
      goodExample: 'alert udp any any -> any any (msg:"x"; dsize:>10; content:"thisstringisgreaterthan10bytes"; sid:1;)',
    },
  },
  checkRule(rule, ctx) {
    const a = analyzeContents(rule);
    const check = (option: RuleOption, kind: 'dsize' | 'bsize', buffer: string) => {
      const max = maxSize(valueText(option));
      if (max === undefined) return;
      const need = required(a.contents.filter((c) => c.buffer === buffer));
      if (!need) return;
      const total = need.length > max ? need.length : need.length + need.offset;
      if (total <= max) return;
      ctx.report({
        range: option.range,
        message: `the contents of ${buffer === PAYLOAD ? 'the payload' : `'${buffer}'`} need at least ${total} bytes, but ${kind} allows at most ${max}: the rule can never match and Suricata rejects it`,
        hint: `raise the ${kind} limit or shorten the contents`,
      });
    };
    const { names } = ruleKeywords(rule);
    for (let i = 0; i < names.length; i++) if (names[i] === 'dsize') check(rule.options[i], 'dsize', PAYLOAD);
    for (const b of a.bsizes) if (b.buffer !== PAYLOAD) check(b.option, 'bsize', b.buffer);
  },
});
