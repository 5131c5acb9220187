import { defineLintRule } from '../linter/lint-rule.js';
import type { RuleOption } from '../syntax/tree.js';
import { PAYLOAD, type ContentEntry } from './utils/content-analysis.js';
import { valueText } from './utils/rule-options.js';

/**
 * The size Suricata checks contents against (src/detect-dsize.c SigParseGetMaxDsize, src/detect-bsize.c
 * SigParseGetMaxBsize), from the value's rust/src/detect/uint.rs mode: `N` and `=N` -> N, `<N` -> N, `N<>M` and
 * `N-M` -> M, `!N` -> N for dsize only; `>N`, `>=N`, `<=N` -> no check (undefined).
 */
export function maxSize(value: string, kind: 'dsize' | 'bsize' = 'dsize'): number | undefined {
  const v = value.trim();
  let m = /^(\d+)\s*(?:<>|-)\s*(\d+)$/.exec(v);
  if (m) return Number(m[2]);
  m = /^(?:=\s*)?(\d+)$/.exec(v);
  if (m) return Number(m[1]);
  m = /^<\s*(\d+)$/.exec(v);
  if (m) return Number(m[1]);
  m = /^!=?\s*(\d+)$/.exec(v);
  if (m && kind === 'dsize') return Number(m[1]);
  return undefined;
}

/** A content modifier's number (0 when absent or not a number, as Suricata's zero-initialised fields). */
function numberOf(entry: ContentEntry, name: string): number {
  const at = entry.modifierNames.indexOf(name);
  const m = at < 0 ? undefined : entry.modifiers[at];
  const v = m ? Number(valueText(m).trim()) : 0;
  return Number.isFinite(v) ? v : 0;
}

/**
 * The bytes Suricata requires of a buffer's contents, as src/detect-content.c SigParseRequiredContentSize
 * computes them: the first content counts; after it only relative contents (distance or within) count, each
 * adding its length and distance; a relative negated content only checks that the total plus its distance and
 * within fits (`exceeded`). `offset` is the largest offset of the counted contents. Undefined when a content did
 * not parse.
 */
function required(contents: readonly ContentEntry[], max: number): { length: number; offset: number; exceeded?: number } | undefined {
  let length = 0;
  let offset = 0;
  let first = true;
  for (const c of contents) {
    if (c.pattern === undefined) return undefined;
    if (!first) {
      if (!c.modifierNames.includes('distance') && !c.modifierNames.includes('within')) continue;
      if (c.negated) {
        const check = length + numberOf(c, 'distance') + numberOf(c, 'within');
        if (max < check) return { length: check, offset: 0, exceeded: check };
        continue;
      }
    }
    length += c.pattern.length + numberOf(c, 'distance');
    offset = Math.max(offset, numberOf(c, 'offset'));
    first = false;
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
        'Suricata adds up the length of the first content of a buffer and the lengths and distances of the relative contents after it (distance/within), plus the largest offset, and rejects the rule when that exceeds the maximum of dsize or bsize ("signature can\'t match as required content length N exceeds dsize value M"; src/detect-content.c SigParseRequiredContentSize). Contents anchored with offset/depth after the first are not added up.',
      badExample: 'alert udp any any -> any any (msg:"x"; dsize:10; content:"thisstringisgreaterthan10bytes"; sid:1;)',
      goodExample: 'alert udp any any -> any any (msg:"x"; dsize:>10; content:"thisstringisgreaterthan10bytes"; sid:1;)',
    },
  },
  checkRule(rule, ctx, facts) {
    const a = facts.contents;
    const check = (option: RuleOption, kind: 'dsize' | 'bsize', buffer: string) => {
      const max = maxSize(valueText(option), kind);
      if (max === undefined) return;
      const need = required(a.contents.filter((c) => c.buffer === buffer), max);
      if (!need) return;
      const total = need.length > max ? need.length : need.length + need.offset;
      if (total <= max) return;
      ctx.report({
        range: option.range,
        message: `the contents of ${buffer === PAYLOAD ? 'the payload' : `'${buffer}'`} need at least ${total} bytes, but ${kind} allows at most ${max}: the rule can never match and Suricata rejects it`,
        hint: `raise the ${kind} limit or shorten the contents`,
      });
    };
    const { names } = facts.keywords;
    for (let i = 0; i < names.length; i++) if (names[i] === 'dsize') check(rule.options[i], 'dsize', PAYLOAD);
    for (const b of a.bsizes) if (b.buffer !== PAYLOAD) check(b.option, 'bsize', b.buffer);
  },
});
