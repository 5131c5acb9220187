import { lookupProtocol } from '../catalog/protocols.js';
import { defineLintRule } from '../linter/lint-rule.js';
import type { KeywordInfo } from '../catalog/keyword.js';
import type { RuleOption } from '../syntax/tree.js';
import { lookupTable } from '../catalog/lookup-table.js';

/*
 * The protocol lists are shared between the tables below (and OWN_PROTOCOL): when a rule's header and
 * keywords name the same list, the check compares identities and intersects nothing.
 */
const HTTP_ANY: readonly string[] = ['http', 'http1', 'http2'];

/** App-layer protocols a keyword's buffer exists in, when more than its own (verified on Suricata 7.0.10). */
const KEYWORD_PROTOCOLS: Readonly<Record<string, readonly string[]>> = lookupTable({
  http: HTTP_ANY,
  dcerpc: ['dcerpc', 'smb'],
});
/** Keywords that also work on other protocols than their app layer. */
const KEYWORD_OVERRIDES: Readonly<Record<string, readonly string[]>> = lookupTable({
  'ja3.hash': ['tls', 'quic'],
  'ja3.string': ['tls', 'quic'],
  'ja3s.hash': ['tls', 'quic'],
  'ja3s.string': ['tls', 'quic'],
  'ja4.hash': ['tls', 'quic'],
});
/** What a header protocol accepts. */
const HEADER_PROTOCOLS: Readonly<Record<string, readonly string[]>> = lookupTable({
  http: HTTP_ANY,
  http1: ['http', 'http1'],
  http2: ['http', 'http2'],
});
/** Packet-only header protocols: app-layer keywords cannot be used with them. */
const PACKET_ONLY: ReadonlySet<string> = new Set(['tcp-pkt', 'pkthdr']);

/** Built once per protocol: the keywords of one app layer share it. */
const OWN_PROTOCOL = new Map<string, readonly string[]>();

/** Each app-layer keyword's list, found once per catalog entry (one look-up per option, not three). */
const KEYWORD_LISTS = new Map<KeywordInfo, readonly string[]>();

function protocolsOf(info: KeywordInfo | undefined): readonly string[] | undefined {
  if (!info?.appLayer) return undefined;
  let list = KEYWORD_LISTS.get(info);
  if (!list) KEYWORD_LISTS.set(info, (list = KEYWORD_OVERRIDES[info.name] ?? KEYWORD_PROTOCOLS[info.appLayer] ?? ownProtocol(info.appLayer)));
  return list;
}

function ownProtocol(protocol: string): readonly string[] {
  let own = OWN_PROTOCOL.get(protocol);
  if (!own) OWN_PROTOCOL.set(protocol, (own = [protocol]));
  return own;
}

interface HeaderProtocol {
  /** What the header protocol accepts (undefined: not an app-layer protocol); the same list objects as the keywords' where they agree. */
  readonly allowed: readonly string[] | undefined;
  /** A packet-only protocol: no app-layer keyword may be used. */
  readonly packetOnly: boolean;
}

/** Per header protocol name, worked out once per run (bounded: the names come from the rules). */
const HEADERS = new Map<string, HeaderProtocol>();
const HEADERS_LIMIT = 1024;

function headerProtocol(header: string): HeaderProtocol {
  let h = HEADERS.get(header);
  if (!h) {
    if (HEADERS.size >= HEADERS_LIMIT) HEADERS.clear();
    const app = header !== '' && lookupProtocol(header)?.layer === 'app';
    h = { allowed: app ? (HEADER_PROTOCOLS[header] ?? ownProtocol(header)) : undefined, packetOnly: PACKET_ONLY.has(header) };
    HEADERS.set(header, h);
  }
  return h;
}

const NO_HEADER: HeaderProtocol = { allowed: undefined, packetOnly: false };

/** Whether every entry of `a` is in `b` (then intersecting `a` with `b` leaves `a`). */
function within(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (!b.includes(a[i])) return false;
  return true;
}

export default defineLintRule({
  meta: {
    id: 'app-layer-keyword-conflict',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'An app-layer keyword for another protocol than the rule header (tls.sni in an http rule) or than another keyword in the rule.',
      rationale:
        "Each app-layer keyword sets the rule's app-layer protocol; Suricata rejects a rule whose keywords or header name two different ones (\"can't set rule app proto to tls: already set to http_any\", \"rule contains conflicting protocols\"). HTTP keywords work on http, http1 and http2, DCERPC keywords on dcerpc and smb, JA3/JA4 on tls and quic.",
      badExample: 'alert http any any -> any any (msg:"x"; tls.sni; content:"example.com"; sid:1;)',
      goodExample: 'alert tls any any -> any any (msg:"x"; tls.sni; content:"example.com"; sid:1;)',
    },
  },
  checkRule(rule, ctx, facts) {
    const header = rule.header.protocol?.name;
    const { allowed: headerAllows, packetOnly } = header === undefined ? NO_HEADER : headerProtocol(header);
    let allowed = headerAllows;
    // What set `allowed`: the keyword option, or (undefined) the header protocol. The message text is
    // built only when a conflict is reported.
    let setBy: RuleOption | undefined;
    const { infos } = facts.keywords;
    for (let i = 0; i < infos.length; i++) {
      const protocols = protocolsOf(infos[i]);
      if (!protocols) continue;
      const option = rule.options[i];
      if (packetOnly) {
        ctx.report({
          range: option.keyword.range,
          message: `'${option.keyword.text}' inspects ${protocols[0]} app-layer data, but '${header}' rules only see packets: Suricata rejects the rule`,
          hint: `use the protocol '${protocols[0]}' or 'tcp' in the header`,
        });
        return;
      }
      if (!allowed) {
        allowed = protocols;
        setBy = option;
        continue;
      }
      // The same list again (most rules use one app layer): nothing to intersect.
      if (allowed === protocols || within(allowed, protocols)) continue;
      const common = allowed.filter((p) => protocols.includes(p));
      if (common.length === 0) {
        ctx.report({
          range: option.keyword.range,
          message: `'${option.keyword.text}' inspects ${protocols.join('/')} traffic, but ${setBy ? `'${setBy.keyword.text}'` : `the rule protocol '${rule.header.protocol!.text}'`} already makes this a ${allowed.join('/')} rule: Suricata rejects the rule ("can't set rule app proto")`,
          hint: 'split it into one rule per protocol, or use the keyword that matches the rule protocol',
        });
        return;
      }
      allowed = common;
    }
  },
});
