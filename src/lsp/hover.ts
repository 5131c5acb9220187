import type { Hover, HoverParams, MarkupContent } from 'vscode-languageserver/node';
import { awsUnsupportedKeyword } from '../catalog/aws-unsupported.js';
import type { KeywordInfo } from '../catalog/keyword.js';
import { lookupKeyword } from '../catalog/keyword-catalog.js';
import { tlsKeywordTiming, type TlsPhase } from '../catalog/tls-keyword-timing.js';
import type { LintRuleMeta } from '../linter/lint-rule.js';
import { ALL_LINT_RULES } from '../rules/index.js';
import { toLspRange } from './diagnostics.js';
import type { Session } from './session.js';
import { optionAt, statementAt } from './statement-at.js';

/** When a TLS keyword's data exists, in words (src/catalog/tls-keyword-timing.ts, DOMAIN.md 2.3). */
const PHASE_TEXT: Readonly<Record<TlsPhase, string>> = {
  'client-hello': 'from the parsed ClientHello (to_server): absent on the first segment of a split ClientHello, so a rule using it waits for the whole ClientHello',
  hello: 'from the ClientHello when inspected to_server, the ServerHello to_client: to_server, it waits for the whole ClientHello',
  'server-hello': "from the server's ServerHello (to_client): never there at ssl_state:client_hello",
  certificate: "from the server's Certificate message (TLS 1.2 and older; TLS 1.3 encrypts it unless TLS inspection is on): never there at ssl_state:client_hello",
  record: 'from the TLS record header: there on the first segment, before the ClientHello is complete (it does not gate a rule on the ClientHello)',
  state: 'the handshake state itself: ssl_state:client_hello makes a rule wait for the complete ClientHello',
  store: 'a post-match action (stores the certificate), not a condition: it gates nothing',
};

const KIND_TEXT: Readonly<Record<KeywordInfo['kind'], string>> = {
  'sticky-buffer': 'sticky buffer: the content/pcre after it inspect this buffer',
  'content-modifier': 'content modifier: applies to the content before it',
  transform: 'transform: changes the sticky buffer before matching',
  payload: 'payload match',
  meta: 'rule metadata: never matches',
  flow: 'flow state / flow variables',
  'app-layer': 'app-layer match',
  ip: 'IP/TCP/UDP/ICMP header match',
  other: 'other',
};

const VALUE_TEXT: Readonly<Record<KeywordInfo['value'], string>> = {
  none: 'takes no value (`name;`)',
  required: 'takes a value (`name:value;`)',
  optional: 'takes an optional value',
};

/** A keyword's catalog entry as Markdown: what it does, its value, its buffer, app-layer, TLS timing and AWS support. */
export function keywordMarkdown(k: KeywordInfo, written: string): string {
  const lines = [`**${k.name}**${written.toLowerCase() !== k.name ? ` (written \`${written}\`, an alias)` : ''}: ${k.description}`, ''];
  lines.push(`- ${KIND_TEXT[k.kind]}; ${VALUE_TEXT[k.value]}${k.quotes === 'mandatory' ? ', in double quotes' : ''}`);
  if (k.appLayer) lines.push(`- app-layer: \`${k.appLayer}\``);
  lines.push(`- ${k.since === 8 ? 'Suricata 8 only (not loaded by Suricata 7)' : 'Suricata 7 and 8'}`);
  const timing = tlsKeywordTiming(k.name);
  if (timing) lines.push(`- TLS timing (split ClientHello): ${PHASE_TEXT[timing.phase]}`);
  const aws = awsUnsupportedKeyword(k.name);
  if (k.vendor === 'aws') lines.push('- AWS Network Firewall: an AWS extension, unknown to upstream Suricata');
  else if (aws) lines.push(`- AWS Network Firewall: **not supported**${aws.valuePattern ? ' (with some values)' : ''}: ${aws.reason} ([AWS](${aws.source}))`);
  else lines.push('- AWS Network Firewall: supported');
  if (k.docs) lines.push('', `[Documentation](${k.docs})`);
  return lines.join('\n');
}

/** A lint rule's explanation (what `suricata-lint explain ID` prints) as Markdown. */
export function ruleMarkdown(m: LintRuleMeta): string {
  const parts = [`**${m.id}** (${m.category}): ${m.docs.summary}`, '', m.docs.rationale, '', `Severity: aws-nfw ${m.severity['aws-nfw']}, suricata ${m.severity.suricata}. Fix: ${m.fix}.`];
  if (m.docs.badExample) parts.push('', 'Flagged:', '```', m.docs.badExample, '```');
  if (m.docs.goodExample) parts.push('', 'Instead:', '```', m.docs.goodExample, '```');
  if (m.docs.fixSafety) parts.push('', `Fix safety: ${m.docs.fixSafety}`);
  return parts.join('\n');
}

const META: ReadonlyMap<string, LintRuleMeta> = new Map(ALL_LINT_RULES.map((r) => [r.meta.id, r.meta]));

/**
 * `textDocument/hover`: on a finding, its rule's explanation; on a rule keyword (`.rules` documents), the
 * keyword's catalog entry. Both when both apply.
 */
export function hover(session: Session, params: HoverParams): Hover | null {
  const doc = session.document(params.textDocument.uri);
  if (!doc) return null;
  const offset = doc.offsetAt(params.position);
  const sections: string[] = [];
  let range: { start: number; end: number } | undefined;
  const state = session.state(params.textDocument.uri);
  const seen = new Set<string>();
  for (const d of state?.diagnostics ?? []) {
    if (d.range.start > offset || offset > d.range.end || seen.has(d.ruleId)) continue;
    seen.add(d.ruleId);
    const m = META.get(d.ruleId);
    if (m) sections.push(ruleMarkdown(m));
    range ??= d.range;
  }
  if (!state || state.adapter === 'rules') {
    const text = doc.getText();
    const s = statementAt(session, params.textDocument.uri, text, offset);
    if (s?.kind === 'rule') {
      const o = optionAt(s, offset);
      const k = o ? lookupKeyword(o.keyword.text.trim()) : undefined;
      if (o && k) {
        sections.unshift(keywordMarkdown(k, o.keyword.text.trim()));
        range = o.keyword.range;
      }
    }
  }
  if (!sections.length) return null;
  const contents: MarkupContent = { kind: 'markdown', value: sections.join('\n\n---\n\n') };
  return { contents, range: range && toLspRange(doc, range) };
}
