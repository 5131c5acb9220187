import { maybeSkipped } from './utils/requires.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { LEGACY_BUFFER_MODIFIERS } from './utils/content-analysis.js';

export default defineLintRule({
  meta: {
    id: 'legacy-modifier-in-sticky-buffer',
    category: 'syntax',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'A legacy content modifier (http_header, http_uri, ...) after a sticky buffer (file_data, http.uri, ...) that is still active.',
      rationale:
        'Legacy modifiers move the content before them into an HTTP buffer; sticky buffers select the buffer for what follows. Suricata 7 refuses a legacy modifier while a sticky buffer is active ("keyword seen with a sticky buffer still set. Reset sticky buffer with pkt_data before using the modifier"): the content would belong to two buffers.',
      badExample: 'alert http any any -> any any (msg:"x"; file_data; content:"filename="; http_header; sid:1;)',
      goodExample: 'alert http any any -> any any (msg:"x"; file_data; content:"a"; http.header; content:"filename="; sid:1;)',
    },
  },
  checkRule(rule, ctx, facts) {
    // `requires:` not met: Suricata skips the rule before checking the rest of it.
    if (maybeSkipped(rule, ctx.options.suricataVersion)) return;
    for (const f of facts.bufferModel.findings) {
      if (f.kind !== 'legacy-modifier-in-sticky-buffer') continue;
      const name = f.modifier.keyword.text;
      const sticky = LEGACY_BUFFER_MODIFIERS[name.toLowerCase()];
      ctx.report({
        range: f.modifier.range,
        message: `legacy modifier '${name}' while sticky buffer '${f.buffer.option.keyword.text}' is active: Suricata refuses the rule ("${name} keyword seen with a sticky buffer still set")`,
        hint: sticky ? `write '${sticky};' before the content instead of '${name}' after it` : `reset the buffer with 'pkt_data;' before the content`,
      });
    }
  },
});
