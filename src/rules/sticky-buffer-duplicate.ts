import { maybeSkipped } from './utils/requires.js';
import { defineLintRule } from '../linter/lint-rule.js';

export default defineLintRule({
  meta: {
    id: 'sticky-buffer-duplicate',
    category: 'hygiene',
    severity: { 'aws-nfw': 'warning', suricata: 'warning' },
    fix: 'none',
    docs: {
      summary: 'The same sticky buffer selected again later in the rule (http.header; content:"a"; http.header; content:"b";).',
      rationale:
        'Most buffers have one instance per rule: selecting one again continues the same buffer, and Suricata 7 logs "duplicate instance for X" on every start. Keep all matches of a buffer after one selection. Buffers with several instances (file.data, dns.query, tls.certs, http.request_header, ...) are not reported.',
      badExample: 'alert http any any -> any any (msg:"x"; http.header; content:"a"; http.header; content:"b"; sid:1;)',
      goodExample: 'alert http any any -> any any (msg:"x"; http.header; content:"a"; content:"b"; sid:1;)',
    },
  },
  checkRule(rule, ctx, facts) {
    // `requires:` not met: Suricata skips the rule before checking the rest of it.
    if (maybeSkipped(rule, ctx.options.suricataVersion)) return;
    for (const f of facts.bufferModel.findings) {
      if (f.kind !== 'duplicate-instance') continue;
      const name = f.buffer.option.keyword.text;
      ctx.report({
        range: f.buffer.option.range,
        message: `'${name}' selects the same buffer as the '${f.first.keyword.text}' earlier in this rule: Suricata continues that buffer and warns on every start ("duplicate instance for ${f.buffer.name}")`,
        hint: `remove this '${name};' and keep the buffer's matches together after the first one`,
      });
    }
  },
});
