import { defineLintRule, type RuleContext } from '../linter/lint-rule.js';
import type { RuleOption } from '../syntax/tree.js';
import { valueText } from './utils/rule-options.js';
import { lookupTable } from '../catalog/lookup-table.js';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function fields(option: RuleOption): string[] {
  return valueText(option).split(',').map((s) => s.trim());
}

/**
 * Identifiers an option reads as byte variables; `'value'`: the whole value is the one identifier
 * (depth, offset, distance and within sit on most contents, so they are read without an array).
 */
const USES: Readonly<Record<string, 'value' | ((option: RuleOption) => string[])>> = lookupTable({
  depth: 'value',
  offset: 'value',
  distance: 'value',
  within: 'value',
  isdataat: (o) => [fields(o)[0]?.replace(/^!\s*/, '') ?? ''],
  byte_test: (o) => {
    const f = fields(o);
    return [f[0], f[2], f[3]];
  },
  byte_jump: (o) => fields(o).slice(0, 2),
  byte_math: (o) =>
    fields(o)
      .map((f) => /^(?:bytes|offset|rvalue)\s+(\S+)$/.exec(f)?.[1] ?? '')
      .filter(Boolean),
});

/** Variables an option defines. */
const DEFINES: Readonly<Record<string, (option: RuleOption) => string[]>> = lookupTable({
  byte_extract: (o) => [fields(o)[2] ?? ''],
  byte_math: (o) => fields(o).map((f) => /^result\s+(\S+)$/.exec(f)?.[1] ?? '').filter(Boolean),
});

function reportUndefined(ctx: RuleContext, option: RuleOption, v: string): void {
  ctx.report({
    range: option.range,
    message: `'${option.keyword.text}' reads byte variable '${v}', but no earlier byte_extract or byte_math defines it: Suricata rejects the rule`,
    hint: `define it first (byte_extract:<bytes>,<offset>,${v};), or use a number`,
  });
}

/** Every keyword in USES or DEFINES. */
const BYTE_KEYWORDS: Readonly<Record<string, true>> = lookupTable(Object.fromEntries([...Object.keys(USES), ...Object.keys(DEFINES)].map((k) => [k, true as const])));

export default defineLintRule({
  meta: {
    id: 'byte-variable-undefined',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'A byte_extract/byte_math variable used (by depth, offset, byte_test, byte_jump, ...) before or without its definition.',
      rationale: 'Keywords can read a value stored by an earlier byte_extract or byte_math result. A name that no earlier option defines makes Suricata reject the rule ("Unknown byte_extract var seen in byte_test").',
      badExample: 'alert tcp any any -> any any (msg:"x"; content:"a"; byte_test:1,=,len,0; sid:1;)',
      goodExample: 'alert tcp any any -> any any (msg:"x"; content:"a"; byte_extract:1,0,len,relative; byte_test:1,=,len,0; sid:1;)',
    },
  },
  checkRule(rule, ctx, facts) {
    let defined: Set<string> | undefined;
    const { names } = facts.keywords;
    const options = rule.options;
    for (let i = 0; i < options.length; i++) {
      const option = options[i];
      const name = names[i];
      // One look-up for the options that neither read nor define a variable (nearly all).
      if (!(name in BYTE_KEYWORDS)) continue;
      const uses = USES[name];
      const defines = DEFINES[name];
      if (uses === 'value') {
        const v = valueText(option).trim();
        if (v && IDENT.test(v) && !defined?.has(v)) reportUndefined(ctx, option, v);
        continue;
      }
      for (const v of uses?.(option) ?? []) {
        if (!v || !IDENT.test(v) || defined?.has(v)) continue;
        reportUndefined(ctx, option, v);
        break;
      }
      for (const v of defines?.(option) ?? []) (defined ??= new Set()).add(v);
    }
  },
});
