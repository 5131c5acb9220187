import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { removeOptionEdit } from './utils/remove-option.js';

export default defineLintRule({
  meta: {
    id: 'transform-after-content',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'unsafe',
    docs: {
      summary: 'A transform (dotprefix, to_lowercase, strip_whitespace, ...) after the content it should transform, or with no sticky buffer.',
      rationale:
        "Transforms modify the sticky buffer before matching, so they must come right after the sticky buffer, before its content (AWS: \"Always place it before 'content'\"). Without a sticky buffer (or after pkt_data) Suricata rejects the rule (\"transforms must directly follow stickybuffers\"). After a content of the buffer, Suricata 7 loads the rule but the transform does not apply to that content, so the content is matched on the untransformed buffer (a warning).",
      badExample: 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:".example.com"; dotprefix; endswith; sid:1;)',
      goodExample: 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; dotprefix; content:".example.com"; endswith; sid:1;)',
      fixSafety: 'Unsafe: moving the transform before the content changes what the content matches (that is the point, but review it).',
    },
  },
  checkRule(_rule, ctx, facts) {
    const text = ctx.text;
    for (const m of facts.contents.misplacedTransforms) {
      const name = m.transform.keyword.text;
      if (!m.buffer) {
        ctx.report({
          range: m.transform.range,
          message: `transform '${name}' has no sticky buffer to modify: Suricata rejects the rule ("transforms must directly follow stickybuffers")`,
          hint: `put '${name}' right after a sticky buffer such as tls.sni or http.host, before its content`,
        });
        continue;
      }
      const moved = text.slice(m.transform.range.start, m.transform.range.end);
      ctx.report({
        range: m.transform.range,
        severity: ctx.severity === 'error' ? 'warning' : undefined,
        message: `transform '${name}' comes after '${m.after?.keyword.text ?? 'a match'}' in the '${m.buffer.keyword.text}' buffer, so it does not apply to it: the content is matched on the untransformed buffer`,
        hint: `move '${name}' right after '${m.buffer.keyword.text}'`,
        fix: m.buffer.terminator
          ? Fix.unsafe(`Move '${name}' before the content`, [Edit.insertAt(m.buffer.range.end, ` ${moved.endsWith(';') ? moved : `${moved};`}`), removeOptionEdit(text, m.transform)])
          : undefined,
      });
    }
  },
});
