import { lookupTable } from './lookup-table.js';
import { ENGINE_EVENTS } from './engine-events.data.js';
import { all, cLenientInt, cStrictUint, cUlong, matches, rustUint, wordList, type ValueCheck, type ValueGrammar } from './value-grammar.js';

/**
 * Value grammars per keyword (canonical name), each written from the Suricata 7.0.10 parser named in `source`.
 * A grammar sees the value as the keyword's Setup function gets it: after SigParseOptions (src/detect-parse.c)
 * trimmed it and removed the quotes and the `!` of keywords that allow them (that gate is `option-value-gate.ts`).
 * Keywords not listed here have no value check beyond the gate yet.
 */

/** Classtypes of the classification.config shipped with Suricata 7.0.10 (etc/classification.config); names are compared lower-cased (src/util-classification-config.c). */
export const STOCK_CLASSTYPES: readonly string[] = [
  'not-suspicious', 'unknown', 'bad-unknown', 'attempted-recon', 'successful-recon-limited', 'successful-recon-largescale', 'attempted-dos',
  'successful-dos', 'attempted-user', 'unsuccessful-user', 'successful-user', 'attempted-admin', 'successful-admin', 'rpc-portmap-decode',
  'shellcode-detect', 'string-detect', 'suspicious-filename-detect', 'suspicious-login', 'system-call-detect', 'tcp-connection', 'trojan-activity',
  'unusual-client-port-connection', 'network-scan', 'denial-of-service', 'non-standard-protocol', 'protocol-command-decode',
  'web-application-activity', 'web-application-attack', 'misc-activity', 'misc-attack', 'icmp-event', 'inappropriate-content', 'policy-violation',
  'default-login-attempt', 'targeted-activity', 'exploit-kit', 'external-ip-check', 'domain-c2', 'pup-activity', 'credential-theft',
  'social-engineering', 'coin-mining', 'command-and-control',
];

/**
 * App-layer protocol names `app-layer-event:PROTO.event` accepts (src/app-layer-protos.c AppProtoStrings, compared
 * with strcmp; `ikev2` is registered as a detection name of ike), plus `file`. Parsers register more names than
 * this table lists, so an unknown name is refused here only when it cannot be a registered name: upper case
 * letters or characters other than a-z, 0-9 and `-`.
 */
const APP_LAYER_EVENT_PROTOCOLS = new Set([
  'http', 'http1', 'ftp', 'smtp', 'tls', 'ssh', 'imap', 'smb', 'dcerpc', 'dns', 'modbus', 'enip', 'dnp3', 'nfs', 'ntp', 'ftp-data', 'tftp',
  'ike', 'ikev2', 'krb5', 'quic', 'dhcp', 'snmp', 'sip', 'rfb', 'mqtt', 'pgsql', 'telnet', 'rdp', 'http2', 'bittorrent-dht', 'file',
]);

/** Packet events `app-layer-event:NAME` accepts without a protocol (src/app-layer-events.c app_layer_event_pkt_table, case-insensitive). */
const APP_LAYER_PACKET_EVENTS = [
  'applayer_mismatch_protocol_both_directions', 'applayer_wrong_direction_first_data', 'applayer_detect_protocol_only_one_direction',
  'applayer_proto_detection_skipped', 'applayer_no_tls_after_starttls', 'applayer_unexpected_protocol',
];

const ENGINE_EVENT_SET = new Set(ENGINE_EVENTS.map((e) => e.toLowerCase()));
/** src/detect-engine-event.c PARSE_REGEX, searched (not anchored at the start) in `decoder.` / `stream.` + value. */
const ENGINE_EVENT_REGEX = /\S[0-9A-z_]+[.][A-z0-9_+.]+$/;

/** decode-event / stream-event (src/detect-engine-event.c DetectEngineEventParse): the prefixed name must be in DEvents[]. */
function engineEvent(keyword: string, prefix: 'decoder.' | 'stream.'): ValueCheck {
  return (value) => {
    let v = value;
    if (prefix === 'stream.') v = v === 'est_synack_resend_with_different_ack' ? 'est_synack_resend_with_diff_ack' : v === '3whs_synack_resend_with_different_ack' ? '3whs_synack_resend_with_diff_ack' : v;
    const m = ENGINE_EVENT_REGEX.exec(prefix + v);
    if (!m) return { message: `'${value}' is not an event name: ${keyword} takes one name such as ${prefix === 'decoder.' ? 'ipv4.pkt_too_small' : 'pkt_invalid_timestamp'}`, engine: 'pcre_exec parse error' };
    if (!ENGINE_EVENT_SET.has(m[0].toLowerCase())) {
      const known = ENGINE_EVENTS.filter((e) => e.startsWith(prefix)).map((e) => e.slice(prefix.length));
      const near = known.find((k) => k.toLowerCase().includes(value.toLowerCase().replace(/^.*\./, '').slice(0, 8)));
      return { message: `'${value}' is not a ${keyword} Suricata 7 knows`, hint: near ? `did you mean '${near}'?` : `see the ${prefix}* events in Suricata's decode-events.c`, engine: `unknown decode event "${m[0]}"` };
    }
    return undefined;
  };
}

/** app-layer-event (src/detect-app-layer-event.c DetectAppLayerEventSetup). Unknown event names of a known protocol only warn (the rule is skipped), so they are not checked here. */
const appLayerEvent: ValueCheck = (raw) => {
  const value = raw.replace(/^\s+/, '');
  const dot = value.indexOf('.');
  if (dot < 0) {
    if (APP_LAYER_PACKET_EVENTS.includes(value.toLowerCase())) return undefined;
    return { message: `'${value}' is neither PROTOCOL.EVENT nor a packet event`, hint: `write app-layer-event:PROTOCOL.EVENT (tls.invalid_record_type) or one of ${APP_LAYER_PACKET_EVENTS.join(', ')}`, engine: 'app-layer-event keyword supplied with packet based event that isn\'t supported yet' };
  }
  if (value.length > 50) return { message: `'${value}' is longer than 50 characters`, hint: 'write app-layer-event:PROTOCOL.EVENT; a missing ";" after it joins the next option', engine: 'app-layer-event keyword is too long or malformed' };
  const protocol = value.slice(0, dot);
  if (!APP_LAYER_EVENT_PROTOCOLS.has(protocol) && !/^[a-z0-9-]+$/.test(protocol)) {
    const lower = protocol.toLowerCase();
    return {
      message: `'${protocol}' is not an app-layer protocol name (names are lower case and compared exactly)`,
      hint: APP_LAYER_EVENT_PROTOCOLS.has(lower) ? `write '${lower}.${value.slice(dot + 1)}'` : `use one of ${[...APP_LAYER_EVENT_PROTOCOLS].slice(0, 10).join(', ')}, ...`,
      engine: `app-layer-event keyword supplied with unknown protocol "${protocol}"`,
    };
  }
  return undefined;
};

/** flowint (src/detect-flowint.c PARSE_REGEX and DetectFlowintParse). */
const FLOWINT = /^\s*([a-zA-Z][\w./]+)\s*,\s*([+=-]{1}|==|!=|<|<=|>|>=|isset|notset|isnotset)\s*,?\s*([a-zA-Z]\w+|\d{1,10})?\s*$/;
const flowint: ValueCheck = (value) => {
  const m = FLOWINT.exec(value);
  if (!m) return { message: `'${value}' is not NAME,OPERATOR[,VALUE]`, hint: 'write flowint:name,+,1; (operators: = + - == != < <= > >= isset notset isnotset)', engine: `"${value}" is not a valid setting for flowint` };
  const op = m[2];
  if (op !== 'isset' && op !== 'notset' && op !== 'isnotset') {
    if (m[3] === undefined) return { message: `flowint operator '${op}' needs a value: '${value}' has none`, hint: `write flowint:${m[1]},${op},1;`, engine: `"${value}" is not a valid setting for flowint` };
    if (/^\d/.test(m[3]) && Number(m[3]) > 4294967295) return { message: `${m[3]} is out of range: flowint values are 0 to 4294967295`, engine: `"${value}" is not a valid setting for flowint` };
  }
  return undefined;
};

/** flowbits (src/detect-flowbits.c PARSE_REGEX `^([a-z]+)(?:,\s*(.*))?`, DetectFlowbitSetup, FlowbitOrAddData). */
const FLOWBIT_COMMANDS = ['noalert', 'isset', 'isnotset', 'set', 'unset', 'toggle'];
const flowbits: ValueCheck = (value) => {
  const m = /^([a-z]+)(?:,\s*(.*))?/.exec(value);
  if (!m) return { message: `'${value}' does not start with a flowbits command`, hint: `write flowbits:set,NAME; (commands: ${FLOWBIT_COMMANDS.join(', ')})`, engine: `"${value}" is not a valid setting for flowbits` };
  const command = m[1];
  const name = m[2] ?? '';
  const rest = value.slice(m[1].length);
  if (m[2] === undefined && rest !== '') return { message: `'${value}' is not COMMAND,NAME`, hint: `write flowbits:${FLOWBIT_COMMANDS.includes(command) ? command : 'set'},NAME;`, engine: `flowbits action "${value}" is not supported` };
  if (!FLOWBIT_COMMANDS.includes(command)) return { message: `'${command}' is not a flowbits command`, hint: `use one of ${FLOWBIT_COMMANDS.join(', ')} (lower case)`, engine: `flowbits action "${command}" is not supported` };
  if (command === 'noalert') return name ? { message: 'flowbits:noalert takes no name', hint: 'write flowbits:noalert;', engine: `"${value}" is not a valid setting for flowbits` } : undefined;
  if (!name) return { message: `flowbits:${command} needs a flowbit name`, hint: `write flowbits:${command},NAME;`, engine: `"${value}" is not a valid setting for flowbits` };
  if (!name.includes('|')) {
    if (/[ \t]/.test(name)) return { message: `'${name}' has a space: flowbit names cannot contain spaces`, hint: 'a missing ";" after the name joins the next option', engine: 'spaces not allowed in flowbit names' };
    return undefined;
  }
  const tokens = name.split('|').map((t) => t.trim()).filter((t) => t);
  if (tokens.some((t) => t.includes(' '))) return { message: `a flowbit name in '${name}' has a space`, engine: 'Spaces are not allowed in flowbit names.' };
  if (!tokens.length) return { message: `'${name}' names no flowbit`, engine: 'No valid flowbits specified' };
  return undefined;
};

/** isdataat (src/detect-isdataat.c PARSE_REGEX and DetectIsdataatParse: StringParseUint16 base 10, or a variable). */
const ISDATAAT = /^\s*!?([^\s,]+)\s*(,\s*relative)?\s*(,\s*rawbytes\s*)?\s*$/;
const isdataat: ValueCheck = (value, ctx) => {
  const m = ISDATAAT.exec(value);
  if (!m) return { message: `'${value}' is not N[,relative][,rawbytes]`, hint: 'write isdataat:10,relative;', engine: 'pcre_exec parse error' };
  const n = m[1];
  if (n[0] !== '-' && /^[A-Za-z]/.test(n)) return undefined;
  return cStrictUint('isdataat', 0, 65535)(n, ctx) ? { message: `isdataat ${n} is not a number from 0 to 65535`, engine: 'isdataat out of range' } : undefined;
};

/** fast_pattern (src/detect-fast-pattern.c PARSE_REGEX); without a value it is `SIGMATCH_OPTIONAL_OPT`. */
const FAST_PATTERN = /^(\s*only\s*)|\s*([0-9]+)\s*,\s*([0-9]+)\s*$/;
const fastPattern: ValueCheck = (value) => {
  const m = FAST_PATTERN.exec(value);
  if (!m) return { message: `'${value}' is not 'only' or OFFSET,LENGTH`, hint: 'write fast_pattern; or fast_pattern:only; or fast_pattern:0,4;', engine: `parse error, string ${value}` };
  if (m[2] !== undefined && (Number(m[2]) > 65535 || Number(m[3]) > 65535)) return { message: `fast_pattern offset and length are 0 to 65535`, engine: 'Invalid fast pattern offset/length' };
  return undefined;
};

const rust = (file: string, fn = 'DetectU*Parse'): string => `${file} (${fn} -> rust/src/detect/uint.rs detect_parse_uint)`;

/** Keyword (canonical name) -> its value grammar. */
export const VALUE_GRAMMARS: Readonly<Record<string, ValueGrammar>> = lookupTable<ValueGrammar>({
  sid: { check: cUlong('sid', { zeroInvalid: true }), source: 'src/detect-sid.c (DetectSidSetup: strtoul, 1 to 4294967294)' },
  rev: { check: cUlong('rev', { zeroInvalid: true }), source: 'src/detect-rev.c (DetectRevSetup: strtoul, 1 to 4294967294)' },
  gid: { check: cUlong('gid', { zeroInvalid: false }), source: 'src/detect-gid.c (DetectGidSetup: strtoul, below 4294967295)' },
  priority: { check: matches('priority', /^\s*(\d+|"\d+")\s*$/, 'a number', 'Invalid Priority in Signature'), source: 'src/detect-priority.c (PARSE_REGEX)' },
  classtype: {
    check: all(
      matches('classtype', /^\s*([a-zA-Z][a-zA-Z0-9\-_]*)\s*$/, 'a name of letters, digits, - and _ that starts with a letter', 'Invalid Classtype in Signature'),
      wordList('classtype', STOCK_CLASSTYPES, { single: true, caseInsensitive: true, engine: 'uses unknown classtype, using default priority 3', severity: 'warning' }),
    ),
    source: 'src/detect-classtype.c (PARSE_REGEX; an unknown name only warns: names from classification.config, src/util-classification-config.c)',
  },
  depth: { check: cStrictUint('depth', 0, 65535, { variables: true }), source: 'src/detect-depth.c (DetectDepthSetup: StringParseUint16 base 0, or a byte_ variable)' },
  offset: { check: cStrictUint('offset', 0, 65535, { variables: true }), source: 'src/detect-offset.c (DetectOffsetSetup: StringParseUint16 base 0, or a byte_ variable)' },
  distance: { check: cLenientInt('distance', -1048576, 1048576), source: 'src/detect-distance.c (DetectDistanceSetup: StringParseI32RangeCheck base 0 len 0, ±DETECT_CONTENT_VALUE_MAX)' },
  within: { check: cLenientInt('within', -1048576, 1048576), source: 'src/detect-within.c (DetectWithinSetup: StringParseI32RangeCheck base 0 len 0, ±DETECT_CONTENT_VALUE_MAX)' },
  isdataat: { check: isdataat, source: 'src/detect-isdataat.c (PARSE_REGEX, DetectIsdataatParse)' },
  reference: {
    check: matches('reference', /^\s*([A-Za-z0-9]+)\s*,"?\s*"?\s*([a-zA-Z0-9\-_./?=]+)"?\s*"?/, 'TYPE,ID such as url,example.com/advisory or cve,2024-1234', 'Unable to parse "reference" keyword argument'),
    source: 'src/detect-reference.c (PARSE_REGEX; an unknown TYPE only warns)',
  },
  pcre: {
    check: matches('pcre', /(?<!\\)\/(.*(?<!(?<!\\)\\))\/([^"]*)/, 'a pattern between / delimiters, then flags: "/pattern/flags"', 'pcre parse error'),
    source: 'src/detect-pcre.c (PARSE_REGEX; the pattern itself is compiled by PCRE2, not checked here)',
  },
  fast_pattern: { check: fastPattern, source: 'src/detect-fast-pattern.c (PARSE_REGEX, DetectFastPatternSetup)' },
  'decode-event': { check: engineEvent('decode-event', 'decoder.'), source: 'src/detect-engine-event.c (DetectDecodeEventSetup; names: src/decode-events.c DEvents[])' },
  'stream-event': { check: engineEvent('stream-event', 'stream.'), source: 'src/detect-engine-event.c (DetectStreamEventSetup; names: src/decode-events.c DEvents[])' },
  'app-layer-event': { check: appLayerEvent, source: 'src/detect-app-layer-event.c (DetectAppLayerEventSetup)' },
  flowint: { check: flowint, source: 'src/detect-flowint.c (PARSE_REGEX, DetectFlowintParse)' },
  flowbits: { check: flowbits, source: 'src/detect-flowbits.c (PARSE_REGEX, DetectFlowbitSetup, FlowbitOrAddData)' },
  ipopts: { check: wordList('ipopts', ['rr', 'lsrr', 'eol', 'nop', 'ts', 'sec', 'esec', 'ssrr', 'satid', 'any'], { single: true, caseInsensitive: true, engine: 'unknown IP option specified' }), source: 'src/detect-ipopts.c (ipopts[], strcasecmp)' },
  dsize: { check: rustUint('dsize', 16), source: rust('src/detect-dsize.c', 'DetectU16Parse') },
  bsize: { check: rustUint('bsize', 64), source: rust('src/detect-bsize.c', 'DetectU64Parse') },
  ttl: { check: rustUint('ttl', 8), source: rust('src/detect-ttl.c', 'DetectU8Parse') },
  itype: { check: rustUint('itype', 8), source: rust('src/detect-itype.c', 'DetectU8Parse') },
  icode: { check: rustUint('icode', 8), source: rust('src/detect-icode.c', 'DetectU8Parse') },
  'tcp.mss': { check: rustUint('tcp.mss', 16), source: rust('src/detect-tcpmss.c', 'DetectU16Parse') },
  filesize: { check: rustUint('filesize', 64), source: rust('src/detect-filesize.c', 'DetectU64Parse') },
  'flow.age': { check: rustUint('flow.age', 32), source: rust('src/detect-flow-age.c', 'DetectU32Parse') },
  'icmpv6.mtu': { check: rustUint('icmpv6.mtu', 32), source: rust('src/detect-icmpv6-mtu.c', 'DetectU32Parse') },
  'dhcp.leasetime': { check: rustUint('dhcp.leasetime', 64), source: rust('src/detect-dhcp-leasetime.c', 'DetectU64Parse') },
  'dhcp.rebinding_time': { check: rustUint('dhcp.rebinding_time', 64), source: rust('src/detect-dhcp-rebinding-time.c', 'DetectU64Parse') },
  'dhcp.renewal_time': { check: rustUint('dhcp.renewal_time', 64), source: rust('src/detect-dhcp-renewal-time.c', 'DetectU64Parse') },
  'ike.exchtype': { check: rustUint('ike.exchtype', 8), source: rust('src/detect-ike-exch-type.c', 'DetectU8Parse') },
  'ike.key_exchange_payload_length': { check: rustUint('ike.key_exchange_payload_length', 32), source: rust('src/detect-ike-key-exchange-payload-length.c', 'DetectU32Parse') },
  'ike.nonce_payload_length': { check: rustUint('ike.nonce_payload_length', 32), source: rust('src/detect-ike-nonce-payload-length.c', 'DetectU32Parse') },
  'mqtt.protocol_version': { check: rustUint('mqtt.protocol_version', 8), source: rust('src/detect-mqtt-protocol-version.c', 'DetectU8Parse') },
  'nfs.version': { check: rustUint('nfs.version', 32, { inclusive: true }), source: rust('src/detect-nfs-version.c', 'rs_detect_u32_parse_inclusive') },
  'rfb.sectype': { check: rustUint('rfb.sectype', 32), source: rust('src/detect-rfb-sectype.c', 'DetectU32Parse') },
  'snmp.version': { check: rustUint('snmp.version', 32), source: rust('src/detect-snmp-version.c', 'DetectU32Parse') },
  'tls.cert_chain_len': { check: rustUint('tls.cert_chain_len', 32), source: rust('src/detect-tls-certs.c', 'DetectU32Parse') },
  'http2.window': { check: rustUint('http2.window', 32), source: rust('src/detect-http2.c', 'DetectU32Parse') },
  'http2.priority': { check: rustUint('http2.priority', 8), source: rust('src/detect-http2.c', 'DetectU8Parse') },
  'http2.size_update': { check: rustUint('http2.size_update', 64), source: rust('src/detect-http2.c', 'rs_detect_u64_parse') },
});
