import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';

export default defineLintRule({
  meta: {
    id: 'keyword-value-unexpected',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'unsafe',
    docs: {
      summary: 'A value on a keyword that takes none (`nocase:true;`, `tls.sni:"example.com";`).',
      rationale:
        'Keywords such as nocase, startswith, endswith and every sticky buffer take no value; Suricata rejects the rule when one is given. A sticky buffer with a value usually means the content was meant to follow it: `tls.sni; content:"example.com";`.',
      badExample: 'pass tls any any -> any any (ssl_state:client_hello; tls.sni:"example.com"; sid:1;)',
      goodExample: 'pass tls any any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; sid:1;)',
      fixSafety: 'Unsafe: a quoted value on a sticky buffer becomes a following content, any other value is dropped; check that this is what you meant.',
    },
  },
  checkRule(rule, ctx, facts) {
    const { infos } = facts.keywords;
    const options = rule.options;
    for (let i = 0; i < options.length; i++) {
      const info = infos[i];
      const option = options[i];
      if (!info || info.value !== 'none' || !option.colon) continue;
      const value = option.value?.text ?? '';
      const removal = { start: option.colon.start, end: option.value?.range.end ?? option.colon.end };
      const asContent = info.kind === 'sticky-buffer' && /^!?"/.test(value);
      ctx.report({
        range: { start: option.colon.start, end: removal.end },
        message: `'${option.keyword.text}' takes no value, but has ':${value}': Suricata rejects the rule`,
        hint: asContent ? `a sticky buffer is followed by the content it inspects: ${info.name}; content:${value};` : `write '${option.keyword.text};'`,
        // A value continued onto the next line (a backslash, then a line break) is not a value written by mistake on
        // one keyword: no fix (removing it would also remove the line break).
        fix: spansLines(ctx.text, removal.start, removal.end)
          ? undefined
          : asContent
          ? Fix.unsafe(`Move the value into a content`, [Edit.replace(removal, `; content:${value}`)])
          : Fix.unsafe('Remove the value', [Edit.remove(removal)]),
      });
    }
  },
});

/** `[start, end)` of the text holds a line break (a value continued with a backslash). */
function spansLines(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}
