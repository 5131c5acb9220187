// @ts-check
/**
 * fast-check generators for Suricata rules texts, shared by the bounded property tests
 * (test/property/properties.test.ts, run by `npm test`) and the long fuzz run (scripts/fuzz.mjs).
 * Plain JavaScript so that the fuzz script can run it with node against the built dist/.
 *
 * Four families:
 *  - valid rules files: realistic headers and options, comments, blanks, disabled and indented
 *    rules, `\` continuations, LF/CRLF/CR, optional BOM and final newline;
 *  - near-valid files: a valid file with exactly one mutation (deleted `;`, stray `"`, swapped
 *    direction, random keyword, dropped `)`, ...);
 *  - token soup: random sequences of the characters and words the grammar cares about;
 *  - random text: any code points (incl. lone surrogates, control characters, NUL, BOM).
 */
import fc from 'fast-check';

const ACTIONS = ['alert', 'drop', 'pass', 'reject', 'rejectsrc', 'rejectdst', 'rejectboth', 'Alert', 'DROP', 'drop:flow', 'pass:packet', 'config'];
const PROTOCOLS = ['tcp', 'udp', 'ip', 'icmp', 'tls', 'http', 'http2', 'dns', 'smb', 'ssh', 'quic', 'ftp', 'smtp', 'tcp-pkt', 'tcp-stream', 'TLS', 'tls:client_hello_done', 'http1:request_started'];
const DIRECTIONS = ['->', '->', '->', '<>', '=>'];
const VARS = ['$HOME_NET', '$EXTERNAL_NET', '$HTTP_SERVERS', '$DNS_SERVERS', '$SQL_SERVERS'];
const IPSETS = ['@BETA', '@ALLOWED_DOMAINS', '@blocked_v4'];
const PORT_VARS = ['$HTTP_PORTS', '$SSH_PORTS', '$ORACLE_PORTS'];

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
const cidr4 = fc.tuple(ipv4, fc.nat(32)).map(([a, m]) => `${a}/${m}`);
const ipv6 = fc.constantFrom('2001:db8::/32', '::1', 'fe80::1', '2001:db8:0:0:1::/80', '::/0');

const addressAtom = fc.oneof(
  { arbitrary: fc.constant('any'), weight: 3 },
  { arbitrary: fc.constantFrom(...VARS), weight: 4 },
  { arbitrary: fc.constantFrom(...IPSETS), weight: 1 },
  { arbitrary: ipv4, weight: 2 },
  { arbitrary: cidr4, weight: 2 },
  { arbitrary: ipv6, weight: 1 },
);

/** Address expressions: atoms, negation, and nested groups. */
const address = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: addressAtom, weight: 5 },
    { arbitrary: addressAtom.map((a) => `!${a}`), weight: 1 },
    { arbitrary: tie('group'), weight: 1 },
  ),
  group: fc
    .tuple(fc.boolean(), fc.array(tie('expr'), { minLength: 1, maxLength: 4 }), fc.constantFrom(',', ', '))
    .map(([neg, items, sep]) => `${neg ? '!' : ''}[${/** @type {string[]} */ (items).join(sep)}]`),
})).expr;

const portNumber = fc.integer({ min: 0, max: 65535 });
const portAtom = fc.oneof(
  { arbitrary: fc.constant('any'), weight: 4 },
  { arbitrary: portNumber.map(String), weight: 3 },
  { arbitrary: fc.tuple(portNumber, portNumber).map(([a, b]) => `${Math.min(a, b)}:${Math.max(a, b)}`), weight: 1 },
  { arbitrary: portNumber.map((p) => `${p}:`), weight: 1 },
  { arbitrary: portNumber.map((p) => `:${p}`), weight: 1 },
  { arbitrary: fc.constantFrom(...PORT_VARS), weight: 1 },
);
const port = fc.oneof(
  { arbitrary: portAtom, weight: 5 },
  { arbitrary: portAtom.map((p) => `!${p}`), weight: 1 },
  { arbitrary: fc.tuple(fc.boolean(), fc.array(fc.tuple(fc.boolean(), portAtom), { minLength: 1, maxLength: 4 })).map(([neg, items]) => `${neg ? '!' : ''}[${items.map(([n, p]) => (n ? '!' : '') + p).join(',')}]`), weight: 1 },
);

/** Characters for quoted strings: printable ASCII, full unicode, and the escapes Suricata knows. */
const stringChar = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }).filter((c) => c !== '"' && c !== ';' && c !== '\\' && c !== '|'), weight: 10 },
  { arbitrary: fc.constantFrom('\\"', '\\;', '\\\\', '\\:', '\\|'), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((c) => !/[";\\|\r\n]/.test(c)), weight: 1 },
);
const quotedText = fc.array(stringChar, { maxLength: 24 }).map((cs) => cs.join(''));
const hexBytes = fc.array(fc.nat(255), { minLength: 1, maxLength: 6 }).map((bs) => `|${bs.map((b) => b.toString(16).padStart(2, '0')).join(' ')}|`);
const contentBody = fc.array(fc.oneof({ arbitrary: quotedText, weight: 3 }, { arbitrary: hexBytes, weight: 1 }), { minLength: 1, maxLength: 3 }).map((p) => p.join('')).filter((s) => s.length > 0);
const ident = fc.stringMatching(/^[a-z][a-z0-9_.]{0,11}$/);
const flowbitName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.]{0,9}$/);
const domain = fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/), { minLength: 1, maxLength: 3 }).map((l) => `${l.join('.')}.com`);
const hex32 = fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: 32, maxLength: 32 }).map((c) => c.join(''));

/** One option, as written inside the parentheses (without the separating space). */
const option = fc.oneof(
  { arbitrary: quotedText.map((t) => `msg:"${t}";`), weight: 3 },
  { arbitrary: fc.tuple(fc.boolean(), contentBody).map(([neg, b]) => `content:${neg ? '!' : ''}"${b}";`), weight: 4 },
  { arbitrary: fc.constantFrom('nocase;', 'fast_pattern;', 'startswith;', 'endswith;', 'bsize:>5;', 'depth:4;', 'offset:2;', 'distance:0;', 'within:10;', 'dotprefix;', 'isdataat:!1,relative;'), weight: 3 },
  { arbitrary: fc.tuple(fc.constantFrom('/foo[0-9]+/i', '/^GET\\s/', '/a\\;b/Ui', '/(?:x|y){2,}/smx', '/\\x00\\xff/'), fc.boolean()).map(([p, neg]) => `pcre:${neg ? '!' : ''}"${p}";`), weight: 1 },
  {
    arbitrary: fc
      .subarray(['to_server', 'to_client', 'from_server', 'from_client', 'established', 'not_established', 'stateless', 'only_stream', 'no_stream'], { minLength: 1, maxLength: 3 })
      .chain((xs) => fc.constantFrom(',', ', ').map((sep) => `flow:${xs.join(sep)};`)),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(fc.subarray(['client_hello', 'server_hello', 'client_keyx', 'server_keyx', 'unknown'], { minLength: 1, maxLength: 3 }), fc.constantFrom(',', '|'), fc.boolean())
      .map(([xs, sep, neg]) => `ssl_state:${neg ? '!' : ''}${xs.join(sep)};`),
    weight: 3,
  },
  { arbitrary: domain.map((d) => `tls.sni; content:"${d}"; endswith;`), weight: 3 },
  { arbitrary: domain.map((d) => `tls_sni; content:"${d}"; nocase;`), weight: 1 },
  { arbitrary: hex32.map((h) => `ja3.hash; content:"${h}";`), weight: 1 },
  { arbitrary: hex32.map((h) => `ja3_hash; content:"${h}";`), weight: 1 },
  { arbitrary: fc.constantFrom('ja3s.hash;', 'ja4.hash;', 'tls.cert_subject;', 'tls.cert_issuer;', 'tls.certs;', 'tls_store;', 'tls.version:1.2;', 'tls.version:1.3;', 'ssl_version:tls1.3;', 'tls.random;'), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('set', 'isset', 'unset', 'toggle', 'isnotset'), fc.array(flowbitName, { minLength: 1, maxLength: 3 }), fc.constantFrom('|', '&'))
      .map(([cmd, names, sep]) => `flowbits:${cmd},${names.join(sep)};`),
    weight: 2,
  },
  { arbitrary: fc.constant('flowbits:noalert;'), weight: 1 },
  { arbitrary: fc.constantFrom('app-layer-protocol:tls;', 'app-layer-protocol:!tls;', 'app-layer-protocol:http;'), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 9999999 }).map((n) => `sid:${n};`), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 20 }).map((n) => `rev:${n};`), weight: 1 },
  { arbitrary: fc.constantFrom('priority:1;', 'classtype:trojan-activity;', 'reference:url,example.com/x;', 'metadata:created_at 2024_01_01, policy balanced;', 'threshold:type limit, track by_src, count 1, seconds 60;', 'byte_test:2,>,10,0;', 'target:dest_server;', 'noalert;'), weight: 1 },
  { arbitrary: fc.constantFrom('lua:/tmp/suricata-lint-sentinel.lua;', 'luajit:x.lua;', 'dataset:isset,x,type string,load /tmp/secret.lst;', 'datarep:rep,>,5,type string,load x.csv;', 'filestore;', 'filemagic:"exe";'), weight: 1 },
  { arbitrary: ident.map((k) => `${k};`), weight: 1 },
  { arbitrary: fc.tuple(ident, quotedText).map(([k, v]) => `${k}:"${v}";`), weight: 1 },
);

const header = fc
  .record({ action: fc.constantFrom(...ACTIONS), protocol: fc.constantFrom(...PROTOCOLS), src: address, sp: port, dir: fc.constantFrom(...DIRECTIONS), dst: address, dp: port })
  .map((h) => `${h.action} ${h.protocol} ${h.src} ${h.sp} ${h.dir} ${h.dst} ${h.dp}`);

const optionSep = fc.oneof({ arbitrary: fc.constant(' '), weight: 8 }, { arbitrary: fc.constant(''), weight: 1 }, { arbitrary: fc.constant('  '), weight: 1 }, { arbitrary: fc.constant(' \\\n    '), weight: 1 });

/** A single valid rule (one logical line; may contain `\`+LF continuations). */
export const validRule = fc
  .tuple(header, fc.array(fc.tuple(option, optionSep), { minLength: 1, maxLength: 8 }), fc.constantFrom('', ' '))
  .map(([h, opts, pad]) => `${h} (${pad}${opts.map(([o, s], i) => (i === 0 ? o : s + o)).join('')}${pad})`);

const line = fc.oneof(
  { arbitrary: validRule, weight: 8 },
  { arbitrary: validRule.map((r) => `# ${r}`), weight: 1 },
  { arbitrary: validRule.map((r) => `  ${r}`), weight: 1 },
  { arbitrary: fc.constantFrom('', '   ', '\t'), weight: 1 },
  { arbitrary: quotedText.map((t) => `# ${t}`), weight: 1 },
  { arbitrary: fc.constantFrom('# suricata-lint-disable-next-line tls-client-hello-gate', '# suricata-lint-disable-next-line', '# suricata-lint-disable-next-line unknown-rule-id'), weight: 1 },
);

const eolStyle = fc.constantFrom('\n', '\n', '\r\n', '\r', 'mixed');

/** Joins lines with one line-ending style ('mixed' picks per line) and optional BOM / final newline. */
function joinLines(lines, style, bom, finalEol, picks) {
  const eol = (i) => (style === 'mixed' ? ['\n', '\r\n', '\r'][picks[i % picks.length]] : style);
  let out = bom ? '\uFEFF' : '';
  lines.forEach((l, i) => {
    // Continuations inside a rule use the file's line ending.
    out += l.replaceAll('\\\n', `\\${eol(i)}`);
    if (i < lines.length - 1 || finalEol) out += eol(i);
  });
  return out;
}

/** A whole valid rules file. */
export const validFile = fc
  .record({ lines: fc.array(line, { minLength: 1, maxLength: 6 }), style: eolStyle, bom: fc.boolean(), finalEol: fc.boolean(), picks: fc.array(fc.nat(2), { minLength: 1, maxLength: 6 }) })
  .map(({ lines, style, bom, finalEol, picks }) => joinLines(lines, style, bom, finalEol, picks));

// Object.prototype member names too: table look-ups keyed by rule text must not find them (a crash once).
const RANDOM_KEYWORDS = ['contnet', 'ssl_stat', 'tls.sni', 'sid', 'flow', 'msg', 'lua', 'xyz', 'content', 'pcre', 'ja3.hash', 'tls_cert_subject', 'SID', 'FLOW', 'constructor', '__proto__', 'toString'];

/** One mutation applied at a position chosen by `at` (a fraction of the text length). */
const MUTATIONS = {
  deleteSemicolon: (t, at) => removeNth(t, ';', at),
  strayQuote: (t, at) => insertAt(t, at, '"'),
  swapDirection: (t, _at, pick) => t.replace('->', ['<-', 'any->', '- >', '<->', '>', '=>', '<>'][pick % 7]),
  randomKeyword: (t, at, pick) => insertAfterNth(t, ';', at, ` ${RANDOM_KEYWORDS[pick % RANDOM_KEYWORDS.length]}${pick % 2 ? ':1' : ''};`),
  dropCloseParen: (t, at) => removeNth(t, ')', at),
  dropOpenParen: (t, at) => removeNth(t, '(', at),
  extraParen: (t, at) => insertAt(t, at, pick(at, ['(', ')'])),
  deleteChar: (t, at) => (t.length ? t.slice(0, idx(t, at)) + t.slice(idx(t, at) + 1) : t),
  duplicateChar: (t, at) => (t.length ? t.slice(0, idx(t, at) + 1) + t.slice(idx(t, at)) : t),
  insertNewline: (t, at, p) => insertAt(t, at, ['\n', '\r\n', '\r', '\\\n', '\\'][p % 5]),
  truncate: (t, at) => t.slice(0, idx(t, at)),
  openBracket: (t, at, p) => insertAt(t, at, '['.repeat(1 + (p % 5))),
  closeBracket: (t, at, p) => insertAt(t, at, ']'.repeat(1 + (p % 3))),
  bangNoise: (t, at) => insertAt(t, at, '!'),
  escapeNoise: (t, at) => insertAt(t, at, '\\'),
  controlChar: (t, at, p) => insertAt(t, at, ['\0', '\u0001', '\u000b', '\u000c', '\u007f', '\u2028', '\u0085', '\uFEFF', '\uD800'][p % 9]),
};

function idx(t, at) {
  return Math.min(t.length - 1, Math.floor(at * t.length));
}
function pick(at, xs) {
  return xs[Math.floor(at * 1000) % xs.length];
}
function insertAt(t, at, s) {
  const i = Math.floor(at * (t.length + 1));
  return t.slice(0, i) + s + t.slice(i);
}
function positions(t, ch) {
  const out = [];
  for (let i = t.indexOf(ch); i >= 0; i = t.indexOf(ch, i + 1)) out.push(i);
  return out;
}
function removeNth(t, ch, at) {
  const ps = positions(t, ch);
  if (!ps.length) return t;
  const i = ps[Math.min(ps.length - 1, Math.floor(at * ps.length))];
  return t.slice(0, i) + t.slice(i + 1);
}
function insertAfterNth(t, ch, at, s) {
  const ps = positions(t, ch);
  if (!ps.length) return t + s;
  const i = ps[Math.min(ps.length - 1, Math.floor(at * ps.length))] + 1;
  return t.slice(0, i) + s + t.slice(i);
}

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** A valid file with exactly one mutation. */
export const nearValidFile = fc
  .tuple(validFile, fc.constantFrom(...MUTATION_NAMES), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.nat(1000))
  .map(([t, m, at, p]) => MUTATIONS[m](t, at, p));

const SOUP = ['alert', 'drop', 'pass', 'tls', 'tcp', 'any', '$HOME_NET', '@S', '->', '<>', '<-', '=>', '(', ')', '[', ']', '!', ',', ';', ':', '"', '\\', '\\\n', '|', ' ', '\t', '\n', '\r', '\r\n', '#', 'content', 'msg', 'ssl_state', 'client_hello', 'flow', 'to_server', 'tls.sni', 'ja3.hash', 'flowbits', 'set', 'isset', 'sid:1', 'pcre', '/x/', 'constructor', '__proto__', 'hasOwnProperty', '\uFEFF', '\0', 'é', '😀', '\uDC00', '\u2028'];

/** Random sequences of grammar-relevant tokens: reaches parser corners random text rarely does. */
export const tokenSoup = fc.array(fc.constantFrom(...SOUP), { maxLength: 60 }).map((xs) => xs.join(''));

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

/** Any text: full unicode, lone surrogates, control characters, CR/LF/CRLF mixes, BOMs. */
export const randomText = fc
  .array(
    fc.oneof(
      { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 4 },
      { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }), weight: 4 },
      { arbitrary: fc.constantFrom('\r', '\n', '\r\n', '\n\r', '\uFEFF'), weight: 2 },
      { arbitrary: control, weight: 1 },
      { arbitrary: loneSurrogate, weight: 1 },
    ),
    { maxLength: 20 },
  )
  .map((xs) => xs.join(''));

/** Everything the text properties run on. */
export const anyRulesText = fc.oneof(
  { arbitrary: validFile, weight: 4 },
  { arbitrary: nearValidFile, weight: 4 },
  { arbitrary: tokenSoup, weight: 2 },
  { arbitrary: randomText, weight: 2 },
);

/** Raw bytes, biased towards the interesting prefixes (BOMs) and bytes (NUL, invalid UTF-8 leads). */
export const anyBytes = fc
  .tuple(
    fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]),
    fc.array(fc.oneof(fc.nat(255), fc.constantFrom(0, 0x80, 0xbf, 0xc0, 0xc1, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0xff, 0x0a, 0x0d)), { maxLength: 64 }),
    fc.option(validFile, { nil: undefined }),
  )
  .map(([bom, bytes, text]) => Uint8Array.from([...bom, ...(text ? new TextEncoder().encode(text) : []), ...bytes]));
