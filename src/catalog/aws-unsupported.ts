import { canonicalName } from './keyword-catalog.js';
import { KEYWORDS } from './keywords.data.js';

/**
 * One Suricata feature AWS Network Firewall does not support in stateful (IPS) rule groups.
 * Exactly one of `keyword`, `action`, `protocol` is set.
 */
export interface AwsUnsupportedEntry {
  /** Canonical keyword name (aliases are resolved by `awsUnsupportedKeyword`). */
  readonly keyword?: string;
  readonly action?: string;
  readonly protocol?: string;
  /** The entry applies only when the option's value matches (e.g. `xbits` with `track ip_dst`). */
  readonly valuePattern?: RegExp;
  /**
   * AWS does not name this item; it falls under a feature AWS names (e.g. `detection_filter` under
   * "Thresholding"). Rules may report these with a lower severity.
   */
  readonly inferred?: boolean;
  /** Why, in words a rule author can act on. */
  readonly reason: string;
  /** AWS documentation URL. */
  readonly source: string;
}

const CAVEATS = 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/suricata-limitations-caveats.html';
const ACTIONS_DOC = 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/rule-action.html#rule-action-stateful';

const kw = (keyword: string, reason: string, extra: Partial<AwsUnsupportedEntry> = {}): AwsUnsupportedEntry => ({
  keyword,
  reason,
  source: CAVEATS,
  ...extra,
});

const FILE_KEYWORDS = ['filestore', 'filename', 'file.name', 'fileext', 'filemagic', 'file.magic', 'filemd5', 'filesha1', 'filesha256', 'filesize'];
const REJECT_VARIANTS = ['rejectsrc', 'rejectdst', 'rejectboth'];

/**
 * AWS "Limitations and caveats for stateful rules" (2026 version of the page) as data. Not
 * representable here: IP-in-IP, HTTP/2 overloading, and the app-drop-established default rules with
 * session holding (they are not tied to a keyword, action or protocol).
 * GeoIP and QUIC were listed by older versions of the page and are supported now, so they are absent.
 */
export const AWS_UNSUPPORTED: readonly AwsUnsupportedEntry[] = [
  // Datasets
  kw('dataset', 'Datasets are not supported: AWS Network Firewall does not allow the dataset keyword.'),
  kw('datarep', 'Datasets are not supported: AWS Network Firewall does not allow the datarep keyword.'),
  // IP reputation
  kw('iprep', 'IP reputation is not supported: AWS Network Firewall does not allow the iprep keyword.'),
  // Lua
  kw('lua', 'Lua scripting is not supported by AWS Network Firewall.'),
  kw('luaxform', 'Lua scripting is not supported by AWS Network Firewall (luaxform runs a Lua script).', { inferred: true }),
  // File extraction
  ...FILE_KEYWORDS.map((name) =>
    kw(name, `File extraction is not supported: AWS Network Firewall does not allow file keywords such as ${name}.`),
  ),
  kw(
    'file.data',
    'AWS Network Firewall does not allow file keywords; file.data is one in Suricata\'s file keyword chapter, although it inspects file content without extracting it.',
    { inferred: true },
  ),
  // ENIP/CIP: every keyword of the enip app layer (cip_service, enip_command, Suricata 8's enip.*).
  ...KEYWORDS.filter((k) => k.appLayer === 'enip').map((k) => kw(k.name, `ENIP/CIP keywords such as ${k.name} are not supported by AWS Network Firewall.`)),
  // Thresholding: Suricata's thresholding chapter covers threshold and detection_filter.
  kw(
    'threshold',
    'Thresholding is not supported by AWS Network Firewall (note: AWS\'s own best-practice template uses threshold, so the service may accept it).',
  ),
  kw('detection_filter', 'Thresholding is not supported by AWS Network Firewall; detection_filter is a Suricata thresholding keyword.', {
    inferred: true,
  }),
  // Host/IP tracked bits
  kw('xbits', 'AWS Network Firewall does not support xbits with host or IP tracking (track ip_src, ip_dst or ip_pair).', {
    valuePattern: /(?:^|,)\s*track\s+ip_(?:src|dst|pair)\b/i,
  }),
  kw('hostbits', 'AWS Network Firewall does not support hostbits: they are always stored per host (host-level tracking).'),
  kw('tag', 'AWS Network Firewall does not support tag:host; use tag:session.', { valuePattern: /^\s*host\b/i }),
  // FTP-data protocol detection
  kw('ftpdata_command', 'FTP-data protocol detection is not supported by AWS Network Firewall, and ftpdata_command inspects ftp-data flows.', {
    inferred: true,
  }),
  // IKEv2: Suricata's ike parser handles IKEv1 and IKEv2, so every ike.* keyword is affected.
  ...KEYWORDS.filter((k) => k.appLayer === 'ike').map((k) =>
    kw(k.name, `The IKEv2 protocol is not supported by AWS Network Firewall, and ${k.name} inspects Suricata's IKE (v1/v2) parser.`, {
      inferred: true,
    }),
  ),
  // Actions
  ...REJECT_VARIANTS.map((action) => ({
    action,
    reason: `AWS Network Firewall supports only the pass, drop, reject and alert actions; use reject instead of ${action}.`,
    source: CAVEATS,
  })),
  { action: 'config', reason: 'AWS Network Firewall supports only the pass, drop, reject and alert actions.', source: CAVEATS },
  {
    action: 'accept',
    reason: 'AWS Network Firewall stateful (IPS) rule groups support only the pass, drop, reject and alert actions; accept is a Suricata 8 firewall-mode action.',
    source: ACTIONS_DOC,
  },
  // Protocols
  { protocol: 'sctp', reason: 'The SCTP protocol is not supported by AWS Network Firewall.', source: CAVEATS },
  { protocol: 'ikev2', reason: 'The IKEv2 protocol is not supported by AWS Network Firewall.', source: CAVEATS },
  {
    protocol: 'ike',
    reason: 'The IKEv2 protocol is not supported by AWS Network Firewall, and Suricata\'s ike protocol covers IKEv1 and IKEv2.',
    source: CAVEATS,
    inferred: true,
  },
  { protocol: 'ftp-data', reason: 'FTP-data protocol detection is not supported by AWS Network Firewall.', source: CAVEATS },
  { protocol: 'enip', reason: 'ENIP/CIP is not supported by AWS Network Firewall.', source: CAVEATS },
];

function indexBy(field: 'keyword' | 'action' | 'protocol'): ReadonlyMap<string, readonly AwsUnsupportedEntry[]> {
  const map = new Map<string, AwsUnsupportedEntry[]>();
  for (const entry of AWS_UNSUPPORTED) {
    const key = entry[field];
    if (key === undefined) continue;
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  }
  return map;
}

const BY_KEYWORD = indexBy('keyword');
const BY_ACTION = indexBy('action');
const BY_PROTOCOL = indexBy('protocol');

/**
 * The AWS limitation that applies to keyword `name` (name or alias, any case), or undefined.
 * Entries with a `valuePattern` (xbits, tag) are returned only when `value` is given and matches.
 */
export function awsUnsupportedKeyword(name: string, value?: string): AwsUnsupportedEntry | undefined {
  const entries = awsUnsupportedKeywordEntries(canonicalName(name) ?? name.toLowerCase());
  if (!entries) return undefined;
  for (const entry of entries) {
    if (!entry.valuePattern) return entry;
    if (value !== undefined && entry.valuePattern.test(value)) return entry;
  }
  return undefined;
}

/**
 * Every entry for a canonical (or unknown, lower-cased) keyword name, in table order; undefined when
 * AWS supports the keyword. For callers that resolved the keyword already and read the value only when
 * an entry has a `valuePattern`.
 */
export function awsUnsupportedKeywordEntries(canonical: string): readonly AwsUnsupportedEntry[] | undefined {
  return BY_KEYWORD.get(canonical);
}

/**
 * `name` lower-cased, without a new string when it has no upper-case letter (actions and protocols are
 * nearly always written in lower case, and these look-ups run on every rule).
 */
function lowerKey(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return name.toLowerCase();
  }
  return name;
}

/** The AWS limitation for a rule action (`rejectsrc`, `config`, ...), or undefined. */
export function awsUnsupportedAction(name: string): AwsUnsupportedEntry | undefined {
  return BY_ACTION.get(lowerKey(name))?.[0];
}

/** The AWS limitation for a header protocol (`sctp`, `ikev2`, ...), or undefined. */
export function awsUnsupportedProtocol(name: string): AwsUnsupportedEntry | undefined {
  return BY_PROTOCOL.get(lowerKey(name))?.[0];
}
