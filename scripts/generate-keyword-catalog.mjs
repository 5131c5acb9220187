#!/usr/bin/env node
// Generates src/catalog/keywords.data.ts from Suricata 7.0.10's keyword list
// (../shared/reference/suricata-7.0.10-keywords.csv, the output of `suricata --list-keywords=csv`)
// plus the hand-written tables below (aliases, quoting, optional values, kinds, app layers,
// Suricata 8-only keywords, AWS Network Firewall keywords).
//
//   node scripts/generate-keyword-catalog.mjs            write src/catalog/keywords.data.ts
//   node scripts/generate-keyword-catalog.mjs --check    exit 1 when the committed file is stale
//   node scripts/generate-keyword-catalog.mjs --stdout   print the generated text
//   --csv <path>                                         read another CSV
//
// The output is deterministic: sorted by name, one object per line, no timestamps.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DEFAULT_CSV = fileURLToPath(new URL('../../shared/reference/suricata-7.0.10-keywords.csv', import.meta.url));
export const OUTPUT = fileURLToPath(new URL('../src/catalog/keywords.data.ts', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Facts about Suricata 7.0.10 the CSV does not carry. Measured against Suricata 7.0.10 (Debian
// bookworm-backports build) with `suricata -T`:
//  - aliases: every lower-case token in the suricata binary was tried as a keyword; the ones not
//    answered with "unknown rule keyword" and not in the CSV are aliases. Canonical mapping by name.
//  - quotes: `kw:zzz;` answered "value must be double quoted" -> mandatory;
//    `kw:"zzz";` answered "quotes on <kw> keyword that doesn't support them" -> never; else optional.
//  - optional values: `kw;` loaded without "invalid formatting or malformed option".
// ---------------------------------------------------------------------------------------------

/** canonical name -> aliases Suricata 7.0.10 also accepts. */
const ALIASES = {
  'dcerpc.iface': ['dce_iface'],
  'dcerpc.opnum': ['dce_opnum'],
  'dcerpc.stub_data': ['dce_stub_data'],
  'dnp3.data': ['dnp3_data'],
  dnp3_func: ['dnp3.func'],
  dnp3_ind: ['dnp3.ind'],
  dnp3_obj: ['dnp3.obj'],
  'dns.query': ['dns_query'],
  'file.data': ['file_data'],
  'http.accept': ['http_accept'],
  'http.accept_enc': ['http_accept_enc'],
  'http.accept_lang': ['http_accept_lang'],
  'http.connection': ['http_connection'],
  'http.content_len': ['http_content_len'],
  'http.content_type': ['http_content_type'],
  'http.header_names': ['http_header_names'],
  'http.protocol': ['http_protocol'],
  'http.referer': ['http_referer'],
  'http.request_line': ['http_request_line'],
  'http.response_line': ['http_response_line'],
  'http.start': ['http_start'],
  'http.uri': ['http.uri.normalized'],
  'ja3.hash': ['ja3_hash'],
  'ja3.string': ['ja3_string'],
  'ja4.hash': ['ja4_hash'],
  'krb5.cname': ['krb5_cname'],
  'krb5.sname': ['krb5_sname'],
  lua: ['luajit'],
  'mqtt.reason_code': ['mqtt.connack.return_code'],
  'nfs.version': ['nfs_version'],
  'smb.named_pipe': ['smb_named_pipe'],
  'smb.share': ['smb_share'],
  'ssh.hassh': ['ssh-hassh'],
  'ssh.hassh.server': ['ssh-hassh-server'],
  'ssh.hassh.server.string': ['ssh-hassh-server-string'],
  'ssh.hassh.string': ['ssh-hassh-string'],
  'ssh.proto': ['ssh_proto'],
  'ssh.software': ['ssh_software'],
  'tcp.ack': ['ack'],
  'tcp.flags': ['flags'],
  'tcp.seq': ['seq'],
  'tcp.window': ['window'],
  'tls.cert_fingerprint': ['tls_cert_fingerprint'],
  'tls.cert_issuer': ['tls_cert_issuer'],
  'tls.cert_serial': ['tls_cert_serial'],
  'tls.cert_subject': ['tls_cert_subject'],
  'tls.sni': ['tls_sni'],
  tls_store: ['tls.store'],
};

/** SIGMATCH_QUOTES_MANDATORY in 7.0.10. */
const QUOTES_MANDATORY = new Set([
  'content', 'filemagic', 'msg', 'pcrexform', 'replace', 'tls.fingerprint', 'tls.issuerdn', 'tls.subject', 'uricontent', 'xor',
]);
/** SIGMATCH_QUOTES_OPTIONAL in 7.0.10 (every other keyword with a value rejects quotes). */
const QUOTES_OPTIONAL = new Set([
  'app-layer-protocol', 'fileext', 'filename', 'ip_proto', 'pcre', 'ssh.protoversion', 'ssh.softwareversion', 'tos',
]);
/** SIGMATCH_OPTIONAL_OPT in 7.0.10: the value may be omitted. */
const VALUE_OPTIONAL = new Set(['base64_decode', 'fast_pattern', 'filestore']);

/** Descriptions for CSV rows that have none. */
const DESCRIPTIONS = {
  asn1: 'decode ASN.1 and check for malformed encodings',
  byte_math: 'extract bytes and perform a mathematical operation, storing the result in a variable',
  config: 'set flow or transaction configuration (used with the config action)',
  'dcerpc.iface': 'match on the DCERPC interface UUID',
  'dcerpc.opnum': 'match on the DCERPC operation number',
  'dcerpc.stub_data': 'sticky buffer to match on the DCERPC stub data',
  'decode-event': 'match on packet decoder events',
  'engine-event': 'match on detection engine events',
  flowvar: 'capture into or compare a per-flow variable',
  'icmpv4-csum': 'validate the ICMPv4 checksum',
  'icmpv6-csum': 'validate the ICMPv6 checksum',
  'ipv4-csum': 'validate the IPv4 header checksum',
  l3_proto: 'match on the layer 3 protocol (ipv4 or ipv6)',
  nfq_set_mark: 'set the netfilter mark of the packet (NFQ mode)',
  pkt_data: 'reset the inspection buffer to the packet payload',
  pktvar: 'capture into a per-packet variable',
  'stream-event': 'match on stream engine events',
  tag: 'log additional packets of the host or session after a match',
  'tcpv4-csum': 'validate the TCP checksum (IPv4)',
  'tcpv6-csum': 'validate the TCP checksum (IPv6)',
  'udpv4-csum': 'validate the UDP checksum (IPv4)',
  'udpv6-csum': 'validate the UDP checksum (IPv6)',
};

/** Kinds the CSV features and documentation page do not give, or give wrongly. */
const KIND_BY_NAME = {
  // bind to the previous content
  depth: 'content-modifier', distance: 'content-modifier', endswith: 'content-modifier', fast_pattern: 'content-modifier',
  nocase: 'content-modifier', offset: 'content-modifier', rawbytes: 'content-modifier', replace: 'content-modifier',
  startswith: 'content-modifier', within: 'content-modifier',
  // switch the buffer but are listed as plain 'No option'
  base64_data: 'sticky-buffer', 'file.data': 'sticky-buffer', pkt_data: 'sticky-buffer',
  'mqtt.connect.clientid': 'sticky-buffer', 'mqtt.connect.password': 'sticky-buffer', 'mqtt.connect.username': 'sticky-buffer',
  'mqtt.connect.willmessage': 'sticky-buffer', 'mqtt.connect.willtopic': 'sticky-buffer', 'mqtt.publish.message': 'sticky-buffer',
  'mqtt.publish.topic': 'sticky-buffer', 'quic.cyu.hash': 'sticky-buffer', 'quic.cyu.string': 'sticky-buffer',
  'sip.method': 'sticky-buffer', 'sip.protocol': 'sticky-buffer', 'sip.request_line': 'sticky-buffer',
  'sip.response_line': 'sticky-buffer', 'sip.stat_code': 'sticky-buffer', 'sip.stat_msg': 'sticky-buffer', 'sip.uri': 'sticky-buffer',
  // content on the HTTP URI buffer (legacy): a payload match like content
  uricontent: 'payload',
  // no documentation page in the CSV
  asn1: 'payload', byte_math: 'payload', config: 'other', 'decode-event': 'other', 'engine-event': 'other', 'stream-event': 'other',
  flowvar: 'flow', hostbits: 'flow', pktvar: 'other', nfq_set_mark: 'other', tag: 'other', l3_proto: 'ip',
  'ipv4-csum': 'ip', 'tcpv4-csum': 'ip', 'tcpv6-csum': 'ip', 'udpv4-csum': 'ip', 'udpv6-csum': 'ip', 'icmpv4-csum': 'ip', 'icmpv6-csum': 'ip',
};

/** Documentation page (file name) -> kind, for keywords whose features say nothing. */
const KIND_BY_DOC_PAGE = {
  'meta.html': 'meta', 'meta-keywords.html': 'meta',
  'payload-keywords.html': 'payload', 'base64-keywords.html': 'payload',
  'header-keywords.html': 'ip', 'ipaddr.html': 'ip', 'ip-reputation-rules.html': 'ip',
  'flow-keywords.html': 'flow', 'xbits.html': 'flow',
  'transforms.html': 'transform',
  'app-layer.html': 'app-layer', 'file-keywords.html': 'app-layer',
  'thresholding.html': 'other', 'noalert.html': 'other', 'bypass-keyword.html': 'other', 'prefilter-keywords.html': 'other',
  'rule-lua-scripting.html': 'other', 'dataset-keywords.html': 'other',
};

/** App-layer protocol implied by a name prefix (first match wins; longer prefixes first). */
const APP_LAYER_BY_PREFIX = [
  ['http2.', 'http2'], ['http.', 'http'], ['http_', 'http'], ['uricontent', 'http'], ['urilen', 'http'],
  ['tls.', 'tls'], ['tls_', 'tls'], ['ssl_', 'tls'], ['ja3.', 'tls'], ['ja3s.', 'tls'], ['ja4.', 'tls'],
  ['dns.', 'dns'], ['ssh.', 'ssh'], ['smb.', 'smb'], ['dcerpc.', 'dcerpc'], ['krb5.', 'krb5'], ['krb5_', 'krb5'],
  ['sip.', 'sip'], ['sdp.', 'sip'], ['rfb.', 'rfb'], ['mqtt.', 'mqtt'], ['quic.', 'quic'], ['snmp.', 'snmp'], ['dhcp.', 'dhcp'],
  ['ike.', 'ike'], ['nfs.', 'nfs'], ['nfs_', 'nfs'], ['dnp3.', 'dnp3'], ['dnp3_', 'dnp3'], ['modbus', 'modbus'],
  ['enip.', 'enip'], ['enip_', 'enip'], ['cip_', 'enip'], ['ftpbounce', 'ftp'], ['ftpdata_command', 'ftp-data'], ['ftp.', 'ftp'],
  ['smtp.', 'smtp'], ['email.', 'smtp'], ['ldap.', 'ldap'], ['pgsql.', 'pgsql'], ['ntp.', 'ntp'],
];

// ---------------------------------------------------------------------------------------------
// Keywords Suricata 7.0.10 rejects ("unknown rule keyword") that Suricata 8.0 loads: every one is
// used by a suricata-verify test that needs Suricata 8 (../shared/corpora/suricata-verify/tests.jsonl),
// plus dns.answer.name (8.0 source). Keywords only Suricata 9 knows are not listed.
// ---------------------------------------------------------------------------------------------
const DOCS8 = 'https://docs.suricata.io/en/suricata-8.0.3/rules/';
const sticky8 = (name, appLayer, description, docs) => ({ name, description, value: 'none', quotes: 'never', kind: 'sticky-buffer', appLayer, docs });
const valued8 = (name, kind, appLayer, description) => ({ name, description, value: 'required', quotes: 'never', kind, appLayer });
const SURICATA_8 = [
  { name: 'absent', description: 'match when the sticky buffer is absent', value: 'optional', quotes: 'never', kind: 'payload' },
  valued8('app-layer-state', 'app-layer', undefined, 'match on the app-layer progress of the transaction'),
  sticky8('dns.additionals.rrname', 'dns', 'sticky buffer to match on DNS additional record names'),
  sticky8('dns.answer.name', 'dns', 'sticky buffer to match on DNS answer names'),
  sticky8('dns.answers.rrname', 'dns', 'sticky buffer to match on DNS answer record names'),
  sticky8('dns.authorities.rrname', 'dns', 'sticky buffer to match on DNS authority record names'),
  sticky8('dns.queries.rrname', 'dns', 'sticky buffer to match on DNS query names'),
  valued8('dns.rcode', 'app-layer', 'dns', 'match on the DNS response code'),
  sticky8('dns.response.rrname', 'dns', 'sticky buffer to match on every DNS response record name'),
  valued8('dns.rrtype', 'app-layer', 'dns', 'match on the DNS record type'),
  { name: 'domain', description: 'transform the buffer to its registrable domain', value: 'none', quotes: 'never', kind: 'transform' },
  sticky8('email.cc', 'smtp', 'sticky buffer to match on the email Cc header'),
  sticky8('email.date', 'smtp', 'sticky buffer to match on the email Date header'),
  sticky8('email.from', 'smtp', 'sticky buffer to match on the email From header'),
  sticky8('email.message_id', 'smtp', 'sticky buffer to match on the email Message-Id header'),
  sticky8('email.received', 'smtp', 'sticky buffer to match on the email Received headers'),
  sticky8('email.subject', 'smtp', 'sticky buffer to match on the email Subject header'),
  sticky8('email.to', 'smtp', 'sticky buffer to match on the email To header'),
  sticky8('email.url', 'smtp', 'sticky buffer to match on URLs in the email body'),
  sticky8('email.x_mailer', 'smtp', 'sticky buffer to match on the email X-Mailer header'),
  valued8('enip.cip_attribute', 'app-layer', 'enip', 'match on the CIP attribute'),
  valued8('enip.cip_status', 'app-layer', 'enip', 'match on the CIP status'),
  valued8('enip.device_type', 'app-layer', 'enip', 'match on the ENIP identity device type'),
  valued8('enip.identity_status', 'app-layer', 'enip', 'match on the ENIP identity status'),
  valued8('enip.product_code', 'app-layer', 'enip', 'match on the ENIP identity product code'),
  sticky8('enip.product_name', 'enip', 'sticky buffer to match on the ENIP identity product name'),
  valued8('enip.protocol_version', 'app-layer', 'enip', 'match on the ENIP protocol version'),
  valued8('enip.revision', 'app-layer', 'enip', 'match on the ENIP identity revision'),
  valued8('enip.serial', 'app-layer', 'enip', 'match on the ENIP identity serial number'),
  valued8('enip.state', 'app-layer', 'enip', 'match on the ENIP identity state'),
  valued8('enip.status', 'app-layer', 'enip', 'match on the ENIP status'),
  valued8('enip.vendor_id', 'app-layer', 'enip', 'match on the ENIP identity vendor id'),
  valued8('entropy', 'payload', undefined, 'match on the Shannon entropy of the buffer'),
  valued8('flow.bytes', 'flow', undefined, 'match on the number of bytes seen in the flow'),
  valued8('flow.pkts', 'flow', undefined, 'match on the number of packets seen in the flow'),
  valued8('flow.pkts_toclient', 'flow', undefined, 'match on the number of packets seen to the client'),
  { name: 'from_base64', description: 'transform the buffer by base64-decoding it', value: 'optional', quotes: 'never', kind: 'transform' },
  sticky8('ftp.command', 'ftp', 'sticky buffer to match on the FTP command'),
  sticky8('ftp.command_data', 'ftp', 'sticky buffer to match on the FTP command data'),
  sticky8('ftp.completion_code', 'ftp', 'sticky buffer to match on the FTP reply completion code'),
  valued8('ftp.dynamic_port', 'app-layer', 'ftp', 'match on the FTP dynamic data port'),
  valued8('ftp.mode', 'app-layer', 'ftp', 'match on the FTP transfer mode (active or passive)'),
  sticky8('ftp.reply', 'ftp', 'sticky buffer to match on the FTP reply'),
  valued8('ftp.reply_received', 'app-layer', 'ftp', 'match on whether an FTP reply was received'),
  valued8('ldap.request.operation', 'app-layer', 'ldap', 'match on the LDAP request operation'),
  valued8('ldap.responses.count', 'app-layer', 'ldap', 'match on the number of LDAP responses'),
  valued8('ldap.responses.operation', 'app-layer', 'ldap', 'match on the LDAP response operation'),
  valued8('luaxform', 'transform', undefined, 'transform the buffer with a Lua script'),
  sticky8('mqtt.connect.protocol_string', 'mqtt', 'sticky buffer to match on the MQTT CONNECT protocol string'),
  valued8('ntp.mode', 'app-layer', 'ntp', 'match on the NTP mode'),
  sticky8('ntp.reference_id', 'ntp', 'sticky buffer to match on the NTP reference id'),
  valued8('ntp.stratum', 'app-layer', 'ntp', 'match on the NTP stratum'),
  valued8('ntp.version', 'app-layer', 'ntp', 'match on the NTP version'),
  sticky8('pgsql.query', 'pgsql', 'sticky buffer to match on the PostgreSQL query'),
  sticky8('sdp.connection_data', 'sip', 'sticky buffer to match on the SDP connection data'),
  sticky8('sdp.encryption_key', 'sip', 'sticky buffer to match on the SDP encryption key'),
  sticky8('sdp.media.media', 'sip', 'sticky buffer to match on the SDP media description'),
  sticky8('sdp.origin', 'sip', 'sticky buffer to match on the SDP origin'),
  sticky8('sdp.time', 'sip', 'sticky buffer to match on the SDP time description'),
  sticky8('sdp.uri', 'sip', 'sticky buffer to match on the SDP URI'),
  sticky8('sip.content_length', 'sip', 'sticky buffer to match on the SIP Content-Length header'),
  sticky8('sip.content_type', 'sip', 'sticky buffer to match on the SIP Content-Type header'),
  sticky8('sip.from', 'sip', 'sticky buffer to match on the SIP From header'),
  sticky8('sip.to', 'sip', 'sticky buffer to match on the SIP To header'),
  sticky8('sip.user_agent', 'sip', 'sticky buffer to match on the SIP User-Agent header'),
  sticky8('sip.via', 'sip', 'sticky buffer to match on the SIP Via header'),
  valued8('smb.version', 'app-layer', 'smb', 'match on the SMB protocol version'),
  sticky8('smtp.helo', 'smtp', 'sticky buffer to match on the SMTP HELO/EHLO argument'),
  sticky8('smtp.mail_from', 'smtp', 'sticky buffer to match on the SMTP MAIL FROM argument'),
  sticky8('smtp.rcpt_to', 'smtp', 'sticky buffer to match on the SMTP RCPT TO arguments'),
  { name: 'tld', description: 'transform the buffer to its top-level domain', value: 'none', quotes: 'never', kind: 'transform' },
  sticky8('tls.alpn', 'tls', 'sticky buffer to match on the TLS ALPN protocol names', `${DOCS8}tls-keywords.html#tls-alpn`),
  sticky8('tls.subjectaltname', 'tls', 'sticky buffer to match on the TLS certificate Subject Alternative Names', `${DOCS8}tls-keywords.html#tls-subjectaltname`),
  valued8('vlan.id', 'ip', undefined, 'match on the VLAN id'),
  valued8('vlan.layers', 'ip', undefined, 'match on the number of VLAN layers'),
];

// AWS Network Firewall extensions (docs: rule-groups-url-filtering.html). Upstream Suricata rejects
// them; values are category names with spaces, written unquoted in AWS's examples (quoting undocumented).
const AWS_DOC = 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/rule-groups-url-filtering.html';
const AWS_KEYWORDS = [
  {
    name: 'aws_domain_category', description: 'AWS Network Firewall: match the AWS-managed category of the domain (TLS SNI or HTTP Host)',
    value: 'required', quotes: 'optional', kind: 'app-layer', docs: AWS_DOC, vendor: 'aws',
  },
  {
    name: 'aws_url_category', description: 'AWS Network Firewall: match the AWS-managed category of the HTTP URL (HTTPS needs TLS inspection)',
    value: 'required', quotes: 'optional', kind: 'app-layer', appLayer: 'http', docs: AWS_DOC, vendor: 'aws',
  },
];

// ---------------------------------------------------------------------------------------------

/** Parses the semicolon-separated `--list-keywords=csv` output. */
export function parseKeywordCsv(text) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines.shift();
  if (!header || !header.startsWith('name;description;')) throw new Error('keyword CSV: unexpected header line');
  return lines.map((line, i) => {
    const fields = line.split(';');
    if (fields.length < 5) throw new Error(`keyword CSV line ${i + 2}: expected 5 fields, found ${fields.length}`);
    const [name, description, appLayer, features, docs] = fields;
    return { name: name.trim(), description: description.trim(), appLayer: appLayer.trim(), features: features.trim(), docs: docs.trim() };
  });
}

function appLayerOf(name) {
  for (const [prefix, proto] of APP_LAYER_BY_PREFIX) if (name.startsWith(prefix)) return proto;
  return undefined;
}

function kindOf(row, appLayer) {
  if (KIND_BY_NAME[row.name]) return KIND_BY_NAME[row.name];
  if (row.features.includes('sticky buffer')) return 'sticky-buffer';
  if (row.features.includes('content modifier')) return 'content-modifier';
  if (row.features.includes('transform')) return 'transform';
  const page = row.docs.replace(/#.*$/, '').split('/').pop();
  if (page && KIND_BY_DOC_PAGE[page]) return KIND_BY_DOC_PAGE[page];
  return appLayer ? 'app-layer' : 'other';
}

function fromCsvRow(row) {
  const appLayer = row.appLayer && row.appLayer !== 'Unset' ? row.appLayer : appLayerOf(row.name);
  const value = row.features.startsWith('No option') ? 'none' : VALUE_OPTIONAL.has(row.name) ? 'optional' : 'required';
  const quotes = value === 'none' ? 'never' : QUOTES_MANDATORY.has(row.name) ? 'mandatory' : QUOTES_OPTIONAL.has(row.name) ? 'optional' : 'never';
  return {
    name: row.name,
    aliases: ALIASES[row.name] ?? [],
    description: row.description || DESCRIPTIONS[row.name] || '',
    value,
    quotes,
    kind: kindOf(row, appLayer),
    appLayer,
    docs: row.docs || undefined,
    since: 7,
  };
}

/** Builds the sorted keyword list from the CSV text and the tables above. */
export function buildKeywords(csvText) {
  const rows = parseKeywordCsv(csvText);
  const keywords = [
    ...rows.map(fromCsvRow),
    ...SURICATA_8.map((k) => ({ ...k, aliases: [], since: 8 })),
    ...AWS_KEYWORDS.map((k) => ({ ...k, aliases: [], since: 7 })),
  ];
  const seen = new Set();
  for (const k of keywords) {
    for (const n of [k.name, ...k.aliases]) {
      if (seen.has(n)) throw new Error(`keyword catalog: duplicate name or alias "${n}"`);
      seen.add(n);
    }
  }
  const known = new Set(rows.map((r) => r.name));
  for (const name of [...Object.keys(ALIASES), ...QUOTES_MANDATORY, ...QUOTES_OPTIONAL, ...VALUE_OPTIONAL]) {
    if (!known.has(name)) throw new Error(`keyword catalog: extras table names "${name}", which the CSV does not list`);
  }
  return keywords.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const KEY_ORDER = ['name', 'aliases', 'description', 'value', 'quotes', 'kind', 'appLayer', 'docs', 'since', 'vendor'];

function renderKeyword(k) {
  const parts = [];
  for (const key of KEY_ORDER) {
    const v = k[key];
    if (v === undefined) continue;
    const text = Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v);
    parts.push(`${key}: ${text}`);
  }
  return `  { ${parts.join(', ')} },`;
}

/** The full text of src/catalog/keywords.data.ts. */
export function renderCatalog(keywords) {
  return [
    '// GENERATED FILE, DO NOT EDIT.',
    '// Source: ../shared/reference/suricata-7.0.10-keywords.csv (`suricata --list-keywords=csv`, Suricata 7.0.10)',
    '// plus the extras tables in scripts/generate-keyword-catalog.mjs.',
    '// Regenerate: node scripts/generate-keyword-catalog.mjs   (check: --check)',
    "import type { KeywordInfo } from './keyword.js';",
    '',
    'export const KEYWORDS: readonly KeywordInfo[] = [',
    ...keywords.map(renderKeyword),
    '];',
    '',
  ].join('\n');
}

/** Generates the catalog text from CSV text, without touching the file system. */
export function generateKeywordCatalog(csvText) {
  return renderCatalog(buildKeywords(csvText));
}

function main(argv) {
  const csvIndex = argv.indexOf('--csv');
  const csvPath = csvIndex >= 0 ? argv[csvIndex + 1] : DEFAULT_CSV;
  const text = generateKeywordCatalog(readFileSync(csvPath, 'utf8'));
  if (argv.includes('--stdout')) {
    process.stdout.write(text);
  } else if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUTPUT, 'utf8');
    } catch {
      // missing file: stale
    }
    if (current !== text) {
      process.stderr.write(`${OUTPUT} is out of date: run node scripts/generate-keyword-catalog.mjs\n`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(OUTPUT, text);
    process.stdout.write(`wrote ${OUTPUT}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
