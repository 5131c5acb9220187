import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';

export default defineLintRule({
  meta: {
    id: 'deprecated-keyword-alias',
    category: 'hygiene',
    severity: { 'aws-nfw': 'warning', suricata: 'info' },
    fix: 'safe',
    docs: {
      summary: 'A legacy keyword name (tls_sni, ja3_hash, file_data, dns_query, ...) instead of its dotted name (tls.sni, ja3.hash, ...).',
      rationale:
        "Suricata keeps the old underscore names as aliases of the dotted sticky buffers; the documentation, AWS's examples and newer keywords use the dotted names, and the aliases may go away. Only underscore aliases of dotted names are reported.",
      badExample: 'pass tls any any -> any any (ssl_state:client_hello; tls_sni; content:"example.com"; sid:1;)',
      goodExample: 'pass tls any any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; sid:1;)',
      fixSafety: 'Safe: the alias and the canonical name are the same keyword in Suricata.',
    },
  },
  checkRule(rule, ctx, facts) {
    const { infos } = facts.keywords;
    const options = rule.options;
    for (let i = 0; i < options.length; i++) {
      const info = infos[i];
      const option = options[i];
      // Written as the canonical name (the usual case): `name` is the keyword text lower-cased.
      if (!info || info.name === option.name) continue;
      const written = option.keyword.text.trim();
      if (!info || info.name === written.toLowerCase()) continue;
      if (written.includes('.') || !info.name.includes('.')) continue;
      // A sticky buffer with no match after it (Snort style, `content:"x"; tls_sni;`): renaming it would leave the rule
      // as broken as before under a new name, so no fix until sticky-buffer-empty's is applied.
      const broken = info.kind === 'sticky-buffer' && facts.bufferModel.findings.some((f) => f.kind === 'empty-buffer' && f.buffer.option === option);
      ctx.report({
        range: option.keyword.range,
        message: `'${written}' is a legacy alias of '${info.name}'`,
        hint: broken ? `write '${info.name}', and move it before the content it selects (see sticky-buffer-empty)` : `write '${info.name}'`,
        fix: broken ? undefined : Fix.safe(`Replace with '${info.name}'`, [Edit.replace(option.keyword.range, info.name)]),
      });
    }
  },
});
