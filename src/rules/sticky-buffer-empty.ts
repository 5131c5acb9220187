import { maybeSkipped } from './utils/requires.js';
import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { removeOptionEdit } from './utils/remove-option.js';

export default defineLintRule({
  meta: {
    id: 'sticky-buffer-empty',
    category: 'syntax',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'unsafe',
    docs: {
      summary: 'A sticky buffer (tls.sni, http.host, file.data, ...) with no content or other match after it: often a Snort-style buffer written after its content.',
      rationale:
        'A sticky buffer selects the buffer for the matches that follow it. Suricata 7 refuses a rule whose buffer gets no match before the next buffer ("previous sticky buffer has no matches") or the end of the rule ("setup buffer ... but didn\'t add matches to it"). Written after the content, as Snort\'s modifiers were, it leaves the content on the packet payload and the buffer empty.',
      badExample: 'drop tls $HOME_NET any -> any any (msg:"bad SNI"; content:"bad.example.com"; tls_sni; sid:1;)',
      goodExample: 'drop tls $HOME_NET any -> any any (msg:"bad SNI"; tls.sni; content:"bad.example.com"; sid:1;)',
      fixSafety: 'Unsafe: moving the buffer keyword before the content changes which buffer the content matches (that is the intent, but review it).',
    },
  },
  checkRule(rule, ctx, facts) {
    // `requires:` not met: Suricata skips the rule before checking the rest of it.
    if (maybeSkipped(rule, ctx.options.suricataVersion)) return;
    const text = ctx.text;
    for (const f of facts.bufferModel.findings) {
      if (f.kind !== 'empty-buffer') continue;
      const name = f.buffer.option.keyword.text;
      const engine = f.next ? 'previous sticky buffer has no matches' : `setup buffer ${name} but didn't add matches to it`;
      const snort = f.before;
      const moved = text.slice(f.buffer.option.range.start, f.buffer.option.range.end);
      ctx.report({
        range: f.buffer.option.range,
        message: snort
          ? `sticky buffer '${name}' comes after the ${snort.keyword.text} it should select: a sticky buffer applies to the matches after it (not before, as Snort's modifiers did), so '${name}' stays empty and Suricata refuses the rule ("${engine}")`
          : `sticky buffer '${name}' has no content or other match after it${f.next ? ` before '${f.next.keyword.text}'` : ''}: Suricata refuses the rule ("${engine}")`,
        hint: snort ? `write '${name};' before the ${snort.keyword.text}` : `add the content for '${name}' right after it, or remove '${name}'`,
        fix:
          snort && f.buffer.option.terminator
            ? Fix.unsafe(`Move '${name}' before the ${snort.keyword.text}`, [Edit.insertAt(snort.range.start, `${moved} `), removeOptionEdit(text, f.buffer.option)])
            : undefined,
      });
    }
  },
});
