import { CompletionItemKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver/node';
import { ACTIONS } from '../catalog/actions.js';
import { awsUnsupportedKeyword, awsUnsupportedProtocol } from '../catalog/aws-unsupported.js';
import type { KeywordInfo } from '../catalog/keyword.js';
import { lookupKeyword } from '../catalog/keyword-catalog.js';
import { KEYWORDS } from '../catalog/keywords.data.js';
import { PROTOCOLS } from '../catalog/protocols.js';
import { SSL_STATES } from '../catalog/tls-keyword-timing.js';
import type { EffectiveConfig } from '../config/merge-config.js';
import { FLOW_VALUES } from '../rules/flow-invalid.js';
import type { Session } from './session.js';
import { statementAt } from './statement-at.js';

/** Characters after which editors ask for completions without being told. */
export const COMPLETION_TRIGGERS = [':', ' ', '(', ';', ',', '!'];

/** Where the cursor is inside a rule statement, read from the statement's text up to the cursor. */
export type CursorContext =
  | { readonly kind: 'header'; readonly word: number; readonly protocol?: string }
  | { readonly kind: 'keyword'; readonly protocol?: string; readonly before: readonly string[] }
  | { readonly kind: 'value'; readonly keyword: string; readonly protocol?: string }
  | { readonly kind: 'none' };

/**
 * Reads `text` (a statement from its start up to the cursor) the way the rule grammar would: the header
 * words, then inside `(...)` the options, `;`-separated, with `"..."` (and `\` escapes) skipped.
 */
export function cursorContext(text: string): CursorContext {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === '#') return { kind: 'none' };
  const paren = text.indexOf('(');
  const header = (paren < 0 ? text : text.slice(0, paren)).trim();
  const words = header.split(/\s+/).filter(Boolean);
  const protocol = words[1]?.split(':')[0].toLowerCase();
  if (paren < 0) {
    const word = /\s$/.test(text) || text.trim() === '' ? words.length : words.length - 1;
    return { kind: 'header', word: Math.max(0, word), protocol };
  }
  let segment = paren + 1;
  let quoted = false;
  const before: string[] = [];
  for (let j = paren + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') {
      const name = text.slice(segment, j).split(':')[0].trim().toLowerCase();
      if (name) before.push(name);
      segment = j + 1;
    } else if (!quoted && c === ')') return { kind: 'none' };
  }
  if (quoted) return { kind: 'none' };
  const current = text.slice(segment);
  const colon = current.indexOf(':');
  if (colon >= 0) return { kind: 'value', keyword: current.slice(0, colon).trim().toLowerCase(), protocol };
  return { kind: 'keyword', protocol, before };
}

/** App-layer names the header protocol stands for (`http1`/`http2` are `http`, `ssl` is `tls`). */
function appOf(protocol: string | undefined): string | undefined {
  if (!protocol) return undefined;
  if (protocol === 'ssl') return 'tls';
  if (protocol === 'http1' || protocol === 'http2') return 'http';
  return protocol;
}

/** Whether a keyword can be used at the cursor: by the target Suricata version, the profile (AWS support) and the header protocol. */
function keywordFits(k: KeywordInfo, options: EffectiveConfig, protocol: string | undefined): boolean {
  if (k.since > (options.suricataVersion ?? 7)) return false;
  const aws = (options.profile ?? 'aws-nfw') === 'aws-nfw';
  if (k.vendor === 'aws' && !aws) return false;
  if (aws && awsUnsupportedKeyword(k.name) !== undefined) return false;
  const packet = PROTOCOLS.find((p) => p.name === protocol)?.layer !== 'app';
  if (!packet && k.appLayer && appOf(k.appLayer) !== appOf(protocol)) return false;
  return true;
}

/** The largest `sid:N` in the text plus one (1 in a text without sids). */
export function nextFreeSid(text: string): number {
  let max = 0;
  for (const m of text.matchAll(/\bsid\s*:\s*"?(\d{1,15})/gi)) max = Math.max(max, Number(m[1]));
  return max + 1;
}

/** The values a keyword takes from a fixed set, with where the set comes from. */
function enumeratedValues(keyword: string, options: EffectiveConfig): { values: readonly string[]; detail: string } | undefined {
  switch (lookupKeyword(keyword)?.name ?? keyword) {
    case 'flow':
      return { values: Object.keys(FLOW_VALUES), detail: 'flow value' };
    case 'ssl_state':
      return { values: [...SSL_STATES, ...SSL_STATES.map((s) => `!${s}`)], detail: 'TLS handshake state' };
    case 'app-layer-protocol': {
      const version = options.suricataVersion ?? 7;
      const aws = (options.profile ?? 'aws-nfw') === 'aws-nfw';
      const names = PROTOCOLS.filter((p) => p.layer === 'app' && p.since <= version && !(aws && p.awsUnsupported)).map((p) => p.name);
      return { values: [...names, 'failed', ...names.map((n) => `!${n}`)], detail: 'app-layer protocol' };
    }
    default:
      return undefined;
  }
}

function keywordItem(k: KeywordInfo, sortGroup: number, sid: number): CompletionItem {
  const insertText = k.name === 'sid' ? `sid:${sid};` : k.value === 'none' ? `${k.name};` : k.value === 'required' ? `${k.name}:` : k.name;
  return {
    label: k.name,
    kind: CompletionItemKind.Keyword,
    detail: k.name === 'sid' ? `next free sid in this file: ${sid}` : k.description,
    insertText,
    sortText: `${sortGroup}${k.name}`,
  };
}

/**
 * `textDocument/completion` in `.rules` documents: actions and protocols in the header; inside the options,
 * the keywords that fit the cursor (target version, profile: AWS-unsupported keywords are left out under
 * aws-nfw, header protocol; after a sticky buffer its content matches and transforms first), the values of
 * enumerated keywords (`flow`, `ssl_state`, `app-layer-protocol`), and the next free `sid`.
 */
export function completion(session: Session, params: CompletionParams): CompletionItem[] {
  const uri = params.textDocument.uri;
  const doc = session.document(uri);
  if (!doc) return [];
  const state = session.state(uri);
  if (state && state.adapter !== 'rules') return [];
  const options = session.configFor(uri).options;
  const text = doc.getText();
  const offset = doc.offsetAt(params.position);
  const s = statementAt(session, uri, text, offset);
  const start = s && s.range.start <= offset ? s.range.start : offset;
  const ctx = cursorContext(text.slice(start, offset));
  const sid = nextFreeSid(text);
  const aws = (options.profile ?? 'aws-nfw') === 'aws-nfw';
  const version = options.suricataVersion ?? 7;
  switch (ctx.kind) {
    case 'header':
      if (ctx.word === 0) return ACTIONS.filter((a) => a.since <= version && (!aws || a.aws)).map((a) => ({ label: a.name, kind: CompletionItemKind.Keyword, detail: 'rule action' }));
      if (ctx.word === 1) {
        return PROTOCOLS.filter((p) => p.since <= version && !(aws && awsUnsupportedProtocol(p.name))).map((p) => ({
          label: p.name,
          kind: CompletionItemKind.EnumMember,
          detail: p.layer === 'app' ? 'app-layer protocol' : 'packet protocol',
        }));
      }
      return [];
    case 'value': {
      if (ctx.keyword === 'sid') return [{ label: String(sid), kind: CompletionItemKind.Value, detail: 'next free sid in this file', insertText: `${sid};` }];
      const e = enumeratedValues(ctx.keyword, options);
      return e ? e.values.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, detail: e.detail })) : [];
    }
    case 'keyword': {
      // The active buffer: the last sticky buffer named before the cursor (its content matches and transforms come first).
      const sticky = [...ctx.before].reverse().map((n) => lookupKeyword(n)).find((k) => k?.kind === 'sticky-buffer');
      return KEYWORDS.filter((k) => keywordFits(k, options, ctx.protocol)).map((k) => {
        const first = sticky ? k.kind === 'payload' || k.kind === 'transform' || k.kind === 'content-modifier' : k.kind !== 'content-modifier';
        return keywordItem(k, first ? 0 : 1, sid);
      });
    }
    default:
      return [];
  }
}
