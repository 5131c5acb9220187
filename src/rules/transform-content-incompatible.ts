import { defineLintRule } from '../linter/lint-rule.js';
import { canonicalOf } from './utils/rule-options.js';
import { lookupTable } from '../catalog/lookup-table.js';

const WS = /[ \t\n\r\v\f]/;

/** Transform -> why a content can never match its output (Suricata's content validation callbacks). */
const INCOMPATIBLE: Readonly<Record<string, (pattern: string) => string | undefined>> = lookupTable({
  strip_whitespace: (p) => (WS.test(p) ? 'contains whitespace, which strip_whitespace removes' : undefined),
  compress_whitespace: (p) => (/[ \t\n\r\v\f]{2}/.test(p) ? 'contains consecutive whitespace, which compress_whitespace reduces to one' : undefined),
  to_lowercase: (p) => (/[A-Z]/.test(p) ? 'contains upper-case letters, and to_lowercase leaves none' : undefined),
  to_uppercase: (p) => (/[a-z]/.test(p) ? 'contains lower-case letters, and to_uppercase leaves none' : undefined),
});

export default defineLintRule({
  meta: {
    id: 'transform-content-incompatible',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'A content that cannot occur in the transformed buffer (whitespace after strip_whitespace, upper case after to_lowercase, ...).',
      rationale: 'Suricata checks each content against the transforms of its buffer and rejects the rule when it can never match ("content string ... incompatible with strip_whitespace transform").',
      badExample: 'alert http any any -> any any (msg:"x"; http.user_agent; to_lowercase; content:"Mozilla"; sid:1;)',
      goodExample: 'alert http any any -> any any (msg:"x"; http.user_agent; to_lowercase; content:"mozilla"; sid:1;)',
    },
  },
  checkRule(_rule, ctx, facts) {
    for (const c of facts.contents.contents) {
      if (c.pattern === undefined) continue;
      for (const t of c.transforms) {
        const why = INCOMPATIBLE[canonicalOf(t)]?.(c.pattern);
        if (!why) continue;
        ctx.report({
          range: c.option.range,
          message: `this content ${why}: it can never match, and Suricata rejects the rule`,
          hint: `write the content as it looks after '${t.keyword.text}'`,
        });
        break;
      }
    }
  },
});
