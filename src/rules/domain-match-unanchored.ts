import { BLOCKING_ACTIONS } from '../catalog/actions.js';
import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { bufferMatches, HOST_BUFFERS, type ContentSpec } from '../semantics/buffer-match.js';

/** A content that reads as (part of) a host name: letters, digits, dots, hyphens, with a dot and a letter. */
function domainLike(pattern: string): boolean {
  return /^[A-Za-z0-9._-]+$/.test(pattern) && pattern.includes('.') && /[A-Za-z]/.test(pattern);
}

const after = (c: ContentSpec, text: string): Edit => Edit.insertAt(c.option.range.end, text);

/** `dotprefix; content:".name"; endswith;`: the name and every subdomain, as AWS generates for `.name` targets. */
function dotprefixSuggestion(c: ContentSpec, first: boolean, hasTransforms: boolean, endswith: boolean): Fix | undefined {
  const value = c.option.value;
  if (!first || hasTransforms || !value || c.pattern.startsWith('.')) return undefined;
  const quote = value.text.indexOf('"');
  if (quote < 0) return undefined;
  const edits = [Edit.insertAt(c.option.range.start, 'dotprefix; '), Edit.insertAt(value.range.start + quote + 1, '.')];
  if (!endswith) edits.push(after(c, ' endswith;'));
  return Fix.unsafe(`Match ${c.pattern} and its subdomains: dotprefix; content:".${c.pattern}"; endswith;`, edits);
}

export default defineLintRule({
  meta: {
    id: 'domain-match-unanchored',
    category: 'hygiene',
    severity: { 'aws-nfw': 'warning', suricata: 'warning' },
    fix: 'unsafe',
    docs: {
      summary: 'A pass, drop or reject rule matches a domain in tls.sni, http.host, dns.query or quic.sni without anchoring it at a label boundary: it also matches other domains.',
      rationale:
        '`content` finds its pattern anywhere in the buffer. `tls.sni; content:"pypi.org"; endswith;` also matches `evilpypi.org`, and `tls.sni; content:".ru"; nocase;` without `endswith` also matches `docs.rust-lang.org`. In an allow list that lets other domains through; in a deny list it blocks the wrong ones. The exact forms are `content:"pypi.org"; startswith; endswith;` for the name alone and `dotprefix; content:".pypi.org"; endswith;` for the name and its subdomains (what AWS generates for domain lists).',
      badExample: 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"pypi.org"; endswith; nocase; flow:to_server; sid:1;)',
      goodExample: 'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; dotprefix; content:".pypi.org"; endswith; nocase; flow:to_server; sid:1;)',
      fixSafety:
        'Unsafe: whether the author meant the name alone or the name and its subdomains is not in the text. The fix anchors to the exact name (startswith; endswith;, as AWS does for targets without a leading dot); the subdomain form is offered as a suggestion.',
    },
  },
  checkRule(rule, ctx) {
    const action = rule.header.action?.name ?? '';
    if (action !== 'pass' && !BLOCKING_ACTIONS.has(action)) return;
    if (!rule.options.some((o) => HOST_BUFFERS.has(o.name) || o.name === 'http_host' || o.name === 'tls_sni' || o.name === 'dns_query')) return;
    for (const m of bufferMatches(rule)) {
      if (!HOST_BUFFERS.has(m.buffer) || m.pcres.length > 0 || m.bsizes.length > 0) continue;
      const positives = m.contents.filter((c) => !c.negated);
      if (positives.length === 0 || positives.some((c) => c.unsupported.length > 0 || c.offset !== undefined || c.depth !== undefined || c.distance !== undefined || c.within !== undefined)) continue;
      const domains = positives.filter((c) => domainLike(c.pattern));
      if (domains.length === 0) continue;
      const right = positives.find((c) => c.endswith);
      const leftAnchored = positives.some((c) => c.startswith) || (right !== undefined && right.pattern.startsWith('.'));
      const hasTransforms = m.transforms.length > 0;
      if (!right) {
        const c = domains[domains.length - 1];
        const dot = c.pattern.startsWith('.') || leftAnchored;
        const fix = dot
          ? Fix.unsafe(`Anchor at the end: add endswith; after content:"${c.pattern}"`, [after(c, ' endswith;')])
          : Fix.unsafe(`Match exactly ${c.pattern}: add startswith; endswith;`, [after(c, ' startswith; endswith;')]);
        const example = `${c.pattern.startsWith('.') ? 'www' : ''}${c.pattern}.attacker.example`;
        ctx.report({
          range: c.option.range,
          message: `${m.buffer} content "${c.pattern}" has no endswith, so this ${action} rule also matches ${example}`,
          hint: dot ? 'add endswith; so the name must end the buffer' : `anchor it: content:"${c.pattern}"; startswith; endswith; for the name alone, or dotprefix; content:".${c.pattern}"; endswith; for it and its subdomains`,
          fix,
          suggestions: dot ? undefined : [dotprefixSuggestion(c, m.contents[0] === c, hasTransforms, false)].filter((s): s is Fix => s !== undefined),
        });
        continue;
      }
      if (leftAnchored || !domainLike(right.pattern) || m.transforms.some((t) => t !== 'dotprefix' && t !== 'to_lowercase')) continue;
      ctx.report({
        range: right.option.range,
        message: `${m.buffer} content "${right.pattern}" with endswith but no startswith or leading dot also matches evil${right.pattern}: this ${action} rule is not anchored at a label boundary`,
        hint: `use content:"${right.pattern}"; startswith; endswith; for the name alone, or dotprefix; content:".${right.pattern}"; endswith; for it and its subdomains`,
        fix: Fix.unsafe(`Match exactly ${right.pattern}: add startswith;`, [after(right, ' startswith;')]),
        suggestions: [dotprefixSuggestion(right, m.contents[0] === right, hasTransforms, true)].filter((s): s is Fix => s !== undefined),
      });
    }
  },
});
