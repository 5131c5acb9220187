import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { canonicalOf } from './utils/rule-options.js';
import { removeOptionEdit } from './utils/remove-option.js';
import type { PcreValue } from '../syntax/option-values.js';

/** src/detect-pcre.c DetectPcreHasUpperCase: an upper-case letter outside `\\x` escapes (`\\xAB`) and other `\\` escapes. */
function pcreHasUpperCase(re: string): boolean {
  for (let i = 0; i < re.length; i++) {
    if (re[i] === '\\') {
      if (re[i + 1] === 'x') i += 3;
      else i += 1;
      continue;
    }
    if (re[i] >= 'A' && re[i] <= 'Z') return true;
  }
  return false;
}

export default defineLintRule({
  meta: {
    id: 'http-host-normalized',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'safe',
    docs: {
      summary: 'An http.host content with upper-case letters or nocase: the buffer is always lower case.',
      rationale:
        'Suricata lower-cases the normalized Host buffer. It rejects an http.host content with upper-case letters (it could never match) and, in 7.0.10, one with nocase ("specifying nocase is redundant"). Use http.host.raw to match the Host header as sent.',
      badExample: 'drop http $HOME_NET any -> any any (http.host; content:"Example.COM"; sid:1;)',
      goodExample: 'drop http $HOME_NET any -> any any (http.host; content:"example.com"; sid:1;)',
      fixSafety: 'Safe: lower-casing a plain (non-hex) http.host content and removing nocase match exactly what the author meant on a lower-case buffer.',
    },
  },
  checkRule(_rule, ctx, facts) {
    for (const p of facts.contents.pcres) {
      const v = p.option.parsed?.kind === 'pcre' ? (p.option.parsed as PcreValue) : undefined;
      if (!v || v.pattern === undefined || v.flags === undefined || v.flags.includes('i') || !pcreHasUpperCase(v.pattern)) continue;
      if (v.flags.includes('W')) {
        ctx.report({
          range: p.option.range,
          message: 'this pcre matches the normalized Host buffer (/W) but has upper-case letters: the buffer is always lower case, and Suricata refuses the rule ("pcre host(\"W\") specified has an uppercase char")',
          hint: 'write the pattern in lower case (or match http.host.raw)',
        });
      } else if (p.buffer === 'http.host') {
        ctx.report({
          range: p.option.range,
          severity: 'warning',
          message: 'this pcre on http.host has upper-case letters, but the http.host buffer is always lower case: Suricata loads the rule and it can never match',
          hint: 'write the pattern in lower case (or use http.host.raw)',
        });
      }
    }
    for (const c of facts.contents.contents) {
      if (c.buffer !== 'http.host' || c.pattern === undefined) continue;
      if (c.transforms.length > 0) {
        // Transforms (dotprefix, strip_whitespace, ...) never add upper case here: the content loads but cannot match.
        if (/[A-Z]/.test(c.pattern) && !c.transforms.some((t) => t.name === 'to_uppercase')) {
          ctx.report({
            range: c.option.range,
            severity: 'warning',
            message: 'this http.host content has upper-case letters, but the http.host buffer is always lower case: Suricata loads the rule and it can never match',
            hint: 'write it in lower case',
          });
        }
        continue;
      }
      if (/[A-Z]/.test(c.pattern)) {
        const value = c.option.value;
        const plain = value && !value.text.includes('|') && !value.text.includes('\\');
        ctx.report({
          range: c.option.range,
          message: 'this http.host content has upper-case letters, but the http.host buffer is always lower case: it can never match, and Suricata rejects the rule',
          hint: 'write it in lower case (or use http.host.raw)',
          fix: plain && value ? Fix.safe('Lower-case the content', [Edit.replace(value.range, value.text.toLowerCase())]) : undefined,
        });
      }
      for (const m of c.modifiers) {
        if (canonicalOf(m) !== 'nocase') continue;
        ctx.report({
          range: m.range,
          message: "'nocase' on an http.host content: the buffer is already lower case, and Suricata 7 rejects the rule for it",
          hint: 'remove nocase and write the content in lower case',
          fix: Fix.safe("Remove 'nocase'", [removeOptionEdit(ctx.text, m)]),
        });
      }
    }
  },
});
