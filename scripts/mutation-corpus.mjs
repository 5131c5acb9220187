#!/usr/bin/env node
/**
 * Builds the labelled mutation corpus (test/fixtures/mutations/mutants.jsonl): rules Suricata 7 loads from
 * ../shared/corpora, each mutated in one of its option values in a systematic way (an argument dropped or
 * added, a number out of range, an unknown word, a swallowed `;`, a modifier moved, a sticky buffer after its
 * content, a PCRE delimiter or flag broken, ...), then labelled by the real Suricata (`suricata -T` with the
 * project's minimal config, thousands of rules per run; src/engine attributes each verdict to its rule).
 *
 *   npm run build && node scripts/mutation-corpus.mjs [--engine-path suricata] [--seed 13] [--per-rule 1]
 *
 * Deterministic for a seed and the corpora: the same input gives the same mutants. The output holds one JSON
 * object per line: { id, op, keyword, source, rule, verdict: 'accepted'|'rejected'|'skipped', reason? } where `reason` is
 * Suricata's first error for a refused rule; `skipped` is a rule whose `requires:` the engine does not meet (not parsed further, left out of the scores). Source rules that do not load in this harness unmutated (files
 * they need, ...) are left out. `npm run crosscheck` (scripts/crosscheck.mjs) then compares the linter with the
 * labels; no engine is needed for that.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const dist = new URL('dist/engine/', root);
if (!existsSync(fileURLToPath(new URL('run-suricata.js', dist)))) {
  console.error('mutation-corpus: dist/ is missing; run npm run build first');
  process.exit(2);
}
const { runSuricata, probeSuricata } = await import(new URL('run-suricata.js', dist).href);
const { readLoaderStatements } = await import(new URL('loader-statements.js', dist).href);

const args = process.argv.slice(2);
const option = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const suricataPath = option('--engine-path', 'suricata');
const seed = Number(option('--seed', '13'));
const perRule = Number(option('--per-rule', '1'));
const out = option('--out', fileURLToPath(new URL('test/fixtures/mutations/mutants.jsonl', root)));
const sharedDir = fileURLToPath(new URL('../shared/', root));
const BATCH = 3000;

/** mulberry32: a small seeded PRNG, so the corpus is reproducible. */
function prng(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const pick = (list) => list[Math.floor(random() * list.length)];

// ---------------------------------------------------------------------------------------------------------
// Splitting a rule the way Suricata's SigParse does: options end at the first `;` not escaped by `\`
// (quotes do not protect a `;`); the keyword ends at the first `:`.

/** `{ header, options: [{ name, value? }] }` or undefined when the rule is not `header (options)`. */
function splitRule(text) {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open || text.slice(close + 1).trim() !== '') return undefined;
  const header = text.slice(0, open).trim();
  const body = text.slice(open + 1, close);
  const options = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      i++;
      continue;
    }
    if (body[i] !== ';') continue;
    const part = body.slice(start, i).trim();
    start = i + 1;
    if (!part) return undefined;
    const colon = part.indexOf(':');
    if (colon < 0) options.push({ name: part.trim() });
    else options.push({ name: part.slice(0, colon).trim(), value: part.slice(colon + 1).trim() });
  }
  if (body.slice(start).trim() !== '') return undefined;
  return { header, options };
}

const optionText = (o) => (o.raw !== undefined ? o.raw : o.value === undefined ? `${o.name};` : `${o.name}:${o.value};`);
const joinRule = (header, options) => `${header} (${options.map(optionText).join(' ')})`;

/** Top-level comma-separated arguments of a value (commas inside quotes are kept). */
function splitArgs(value) {
  const parts = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

// Keyword groups, from Suricata 7's keyword table (suricata --list-keywords) and docs.
const CONTENT_MODIFIERS = new Set(['nocase', 'depth', 'offset', 'distance', 'within', 'fast_pattern', 'rawbytes', 'startswith', 'endswith', 'bsize']);
const LEGACY_MODIFIERS = [
  'http_uri', 'http_raw_uri', 'http_header', 'http_raw_header', 'http_cookie', 'http_method', 'http_client_body',
  'http_server_body', 'http_stat_code', 'http_stat_msg', 'http_user_agent', 'http_host', 'http_raw_host',
];
const STICKY = new Set([
  'http.uri', 'http.uri.raw', 'http.header', 'http.header.raw', 'http.cookie', 'http.method', 'http.user_agent', 'http.host',
  'http.host.raw', 'http.request_body', 'http.response_body', 'http.stat_code', 'http.stat_msg', 'http.request_line',
  'http.response_line', 'http.server', 'http.location', 'http.referer', 'http.accept', 'http.content_type',
  'http.start', 'http.protocol', 'http.header_names', 'http.connection', 'http.content_len', 'http.accept_enc',
  'http.accept_lang', 'file_data', 'file.data', 'pkt_data', 'tls.sni', 'tls_sni', 'tls.cert_subject', 'tls.cert_issuer',
  'tls.cert_serial', 'tls.cert_fingerprint', 'tls.certs', 'dns.query', 'dns_query', 'ja3.hash', 'ja3.string', 'ja3s.hash',
  'ssh.software', 'ssh.proto', 'smb.named_pipe', 'smb.share', 'http_request_line', 'http_response_line', 'tls_cert_subject',
  'tls_cert_issuer', 'http_header_names', 'http_accept', 'http_referer', 'http_content_type', 'http_start', 'http_protocol',
  'krb5_cname', 'krb5_sname', 'sip.method', 'sip.uri', 'quic.sni', 'quic.ua', 'dcerpc.stub_data', 'base64_data', 'file.name',
  'filename', 'http.uri.normalized',
]);
const SKIP_NUMBER = new Set(['sid', 'msg', 'classtype', 'reference', 'metadata', 'content', 'pcre', 'flowbits', 'xbits', 'tls.sni', 'dataset']);
const PCRE_FLAG_JUNK = ['j', 'Z', 'X', 'q', '0'];

/** Mutations of one option value; each returns [op, newOption | replacement list] candidates. */
function valueMutations(o) {
  const v = o.value;
  const out = [];
  const set = (op, value) => out.push({ op, keyword: o.name, option: { name: o.name, value } });
  if (v === undefined) {
    out.push({ op: 'value-added', keyword: o.name, option: { name: o.name, value: pick(['1', 'yes', '"x"', 'abc']) } });
    return out;
  }
  if (o.name === 'sid') {
    out.push({ op: 'value-drop', keyword: 'sid', option: { name: 'sid' } });
    set('sid-word', 'abc');
    return out;
  }
  out.push({ op: 'value-drop', keyword: o.name, option: { name: o.name } });
  set('value-empty', '');
  set('value-empty-quoted', '""');
  const argv = splitArgs(v);
  if (argv.length >= 2) {
    set('arg-drop-first', argv.slice(1).join(','));
    set('arg-drop-last', argv.slice(0, -1).join(','));
    set('arg-empty', [...argv.slice(0, -1), ''].join(','));
    set('arg-repeat', [...argv, argv[argv.length - 1]].join(','));
  }
  set('arg-extra', `${v},${pick(['bogus', '1', 'x y'])}`);
  set('arg-extra-space', `${v} ${pick(['bogus', '1'])}`);
  if (!SKIP_NUMBER.has(o.name)) {
    const num = /-?\d+/.exec(v);
    if (num) {
      const replaceNum = (n) => v.slice(0, num.index) + n + v.slice(num.index + num[0].length);
      set('number-huge', replaceNum('99999999999999999999'));
      set('number-2^32', replaceNum('4294967296'));
      set('number-65536', replaceNum('65536'));
      set('number-256', replaceNum('256'));
      set('number-negative', replaceNum(`-${num[0].replace('-', '')}`));
      set('number-zero', replaceNum('0'));
      set('number-word', replaceNum('ten'));
      set('number-float', replaceNum(`${num[0]}.5`));
    }
    const range = /^(\s*)(\d+)\s*<>\s*(\d+)(.*)$/.exec(v);
    if (range) set('range-reversed', `${range[1]}${range[3]}<>${range[2]}${range[4]}`);
    if (/^\s*\d+\s*$/.test(v)) {
      set('range-open', `${v.trim()}<>`);
      set('op-doubled', `<<${v.trim()}`);
    }
  }
  if (o.name !== 'content' && o.name !== 'pcre' && o.name !== 'msg') {
    const word = /[A-Za-z_][A-Za-z0-9_]+/.exec(v);
    if (word) {
      set('word-unknown', v.slice(0, word.index) + 'bogus_word' + v.slice(word.index + word[0].length));
      set('word-upper', v.slice(0, word.index) + word[0].toUpperCase() + v.slice(word.index + word[0].length));
      set('word-typo', v.slice(0, word.index) + word[0].slice(0, -1) + v.slice(word.index + word[0].length));
    }
    if (/^".*"$/.test(v)) set('quotes-removed', v.slice(1, -1));
    else set('quotes-added', `"${v}"`);
    set('negated', `!${v}`);
  }
  if (o.name === 'content' || o.name === 'uricontent') {
    set('content-empty', '""');
    set('content-negated-empty', '!""');
    set('content-bad-hex', v.replace(/"$/, '|4G|"'));
    set('content-odd-hex', v.replace(/"$/, '|414|"'));
    set('content-open-hex', v.replace(/"$/, '|41"'));
    set('content-unquoted', v.replace(/^(!?)"(.*)"$/, '$1$2'));
    set('content-open-quote', v.replace(/"$/, ''));
    set('content-inner-quote', v.replace(/"$/, 'a"b"'));
    set('content-negated-twice', `!${v.startsWith('!') ? v : `!${v}`}`);
  }
  if (o.name === 'pcre') {
    const m = /^(!?)"(.*)"$/.exec(v);
    if (m) {
      const inner = m[2];
      const slash = inner.lastIndexOf('/');
      if (inner.startsWith('/') && slash > 0) {
        const pattern = inner.slice(1, slash);
        const flags = inner.slice(slash + 1);
        const re = (p, f) => `${m[1]}"/${p}/${f}"`;
        set('pcre-no-delimiters', `${m[1]}"${pattern}"`);
        set('pcre-no-end-delimiter', `${m[1]}"/${pattern}"`);
        set('pcre-flag-unknown', re(pattern, flags + pick(PCRE_FLAG_JUNK)));
        set('pcre-flag-repeated', flags ? re(pattern, flags + flags[0]) : re(pattern, 'ii'));
        set('pcre-open-paren', re(`${pattern}(a`, flags));
        set('pcre-close-paren', re(`${pattern})`, flags));
        set('pcre-open-class', re(`${pattern}[a`, flags));
        set('pcre-bad-quantifier', re(`*${pattern}`, flags));
        set('pcre-bad-escape', re(`${pattern}\\`, flags));
        set('pcre-empty', '""');
        set('pcre-empty-pattern', re('', flags));
        set('pcre-unquoted', `${m[1]}/${pattern}/${flags}`);
        set('pcre-buffer-flags', re(pattern, `${flags}${pick(['U', 'H', 'P', 'C', 'W', 'I', 'D', 'M', 'S', 'Y', 'V', 'B', 'R'])}`));
      }
    }
  }
  return out;
}

/** All mutants of a rule, as { op, keyword, rule }. */
function mutantsOf(rule) {
  const { header, options } = rule;
  const out = [];
  const replaceAt = (i, repl) => joinRule(header, [...options.slice(0, i), ...(Array.isArray(repl) ? repl : [repl]), ...options.slice(i + 1)]);
  options.forEach((o, i) => {
    for (const m of valueMutations(o)) out.push({ op: m.op, keyword: m.keyword, rule: replaceAt(i, m.option) });
    if (o.name !== 'sid') {
      // Swallowed `;`: this option runs into the next one.
      if (i + 1 < options.length) {
        const merged = { raw: `${optionText(o).slice(0, -1)} ${optionText(options[i + 1])}` };
        out.push({ op: 'semicolon-swallowed', keyword: o.name, rule: joinRule(header, [...options.slice(0, i), merged, ...options.slice(i + 2)]) });
      }
      out.push({ op: 'option-repeated', keyword: o.name, rule: replaceAt(i, [o, o]) });
      out.push({ op: 'keyword-typo', keyword: o.name, rule: replaceAt(i, { ...o, name: `${o.name}s` }) });
      out.push({ op: 'space-before-colon', keyword: o.name, rule: replaceAt(i, o.value === undefined ? o : { raw: `${o.name} :${o.value};` }) });
    }
    if (CONTENT_MODIFIERS.has(o.name) || LEGACY_MODIFIERS.includes(o.name)) {
      // A modifier moved before every content of the rule.
      const first = options.findIndex((x) => x.name === 'content');
      if (first >= 0 && first < i) {
        const rest = options.filter((_, j) => j !== i);
        out.push({ op: 'modifier-before-content', keyword: o.name, rule: joinRule(header, [...rest.slice(0, first), o, ...rest.slice(first)]) });
      }
      if (i > 0) out.push({ op: 'modifier-moved-back', keyword: o.name, rule: joinRule(header, [...options.slice(0, i - 1), o, options[i - 1], ...options.slice(i + 1)]) });
    }
    if (STICKY.has(o.name)) {
      // Snort style: the sticky buffer written after the content it should select.
      const next = options.findIndex((x, j) => j > i && (x.name === 'content' || x.name === 'pcre'));
      if (next > i) {
        const moved = [...options.slice(0, i), ...options.slice(i + 1, next + 1), o, ...options.slice(next + 1)];
        out.push({ op: 'sticky-after-content', keyword: o.name, rule: joinRule(header, moved) });
        // A legacy modifier while this buffer is active.
        out.push({ op: 'legacy-in-sticky', keyword: o.name, rule: replaceAt(next, [options[next], { name: pick(LEGACY_MODIFIERS) }]) });
      }
      out.push({ op: 'sticky-at-end', keyword: o.name, rule: joinRule(header, [...options, { name: o.name }]) });
      out.push({ op: 'sticky-twice', keyword: o.name, rule: replaceAt(i, [o, o]) });
    }
  });
  // Text after the closing parenthesis.
  out.push({ op: 'text-after-paren', keyword: '', rule: `${joinRule(header, options)} # comment` });
  return out;
}

// ---------------------------------------------------------------------------------------------------------

const CORPORA = [
  { name: 'suricata-verify', dir: 'suricata-verify/rules' },
  { name: 'suricata-7.0.10', dir: 'suricata-7.0.10' },
  { name: 'aws-docs', dir: 'aws-docs' },
];
/** Rules that need files, scripts or databases beside them: left out. */
const NEEDS_FILES = /\b(dataset|datarep|lua|luajit|iprep|geoip|filemd5|filesha1|filesha256|threshold|detection_filter)\s*:/i;

async function sourceRules() {
  const rules = [];
  for (const corpus of CORPORA) {
    const oracle = new Map();
    const text = await readFile(join(sharedDir, 'oracle', `${corpus.name}.jsonl`), 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line);
      oracle.set(`${o.file}:${o.line}`, o.verdict);
    }
    const dir = join(sharedDir, 'corpora', corpus.dir);
    const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.rules')).sort();
    for (const name of names) {
      const file = `${corpus.dir}/${name}`;
      for (const s of readLoaderStatements(await readFile(join(dir, name), 'utf8'))) {
        if (oracle.get(`${file}:${s.line}`) !== 'accepted') continue;
        if (s.text.length > 1200 || NEEDS_FILES.test(s.text) || /[^\x20-\x7e]/.test(s.text)) continue;
        const parsed = splitRule(s.text);
        if (!parsed || !parsed.options.some((o) => o.name === 'sid')) continue;
        rules.push({ source: `${file}:${s.line}`, ...parsed });
      }
    }
  }
  return rules;
}

/** Gives the rule sid `sid` (so that mutants never collide as duplicate signatures). */
function withSid(rule, sid) {
  return { ...rule, options: rule.options.map((o) => (o.name === 'sid' ? { name: 'sid', value: String(sid) } : o)) };
}

/**
 * Labels rule texts with the engine, batched; returns one { verdict, reason } per rule. Runs in engine-analysis
 * mode: a rule is `accepted` only when Suricata lists it in rules.json (loaded). A rule with neither an error
 * nor an entry was dropped silently (an app-layer event Suricata "no longer supports", a `requires:` not met):
 * `skipped`. The reason is the last error logged before Suricata's "error parsing signature" line (an earlier
 * one may belong to a rule that loaded with an error-level message).
 */
async function label(texts) {
  const labels = [];
  for (let i = 0; i < texts.length; i += BATCH) {
    const batch = texts.slice(i, i + BATCH);
    const run = await runSuricata(`${batch.join('\n')}\n`, { suricataPath, timeoutMs: 900_000, analysis: true });
    if (run.status !== 'ok') throw new Error(`Suricata run failed: ${run.message}`);
    const byLine = new Map(run.results.map((r) => [r.line, r]));
    batch.forEach((_, j) => {
      const r = byLine.get(j + 1);
      if (!r) return labels.push({ verdict: 'unknown' });
      if (r.verdict === 'rejected') {
        const errors = r.messages.filter((m) => m.level === 'error' && !/^Error parsing signature/i.test(m.text));
        return labels.push({ verdict: 'rejected', reason: errors[errors.length - 1]?.text });
      }
      const loaded = r.verdict === 'accepted' && run.analysis?.[j + 1] !== undefined;
      labels.push({ verdict: loaded ? 'accepted' : 'skipped' });
    });
    process.stderr.write(`labelled ${Math.min(i + BATCH, texts.length)}/${texts.length}\n`);
  }
  return labels;
}

const probe = await probeSuricata(suricataPath);
if ('run' in probe) {
  console.error(`mutation-corpus: ${probe.run.message}`);
  process.exit(2);
}
if (!probe.version.text.startsWith('7.')) console.error(`mutation-corpus: warning: labelling with Suricata ${probe.version.text}, the corpus is meant for 7.0.10`);

// 1. Sources that load unmutated here, each with its own sid.
const all = (await sourceRules()).map((r, i) => withSid(r, 1_000_000 + i));
const baseline = await label(all.map((r) => joinRule(r.header, r.options)));
const sources = all.filter((_, i) => baseline[i].verdict === 'accepted');
console.error(`source rules: ${all.length}, loading unmutated: ${sources.length}`);

// 2. Mutants: `perRule` per source rule. The option to mutate is chosen first, weighted (rule metadata such as
// msg/sid/rev, present in every rule, less; content and pcre more), then the operation, then the candidate, so
// that rare operations are not drowned out by the keywords every rule has.
const META = new Set(['msg', 'sid', 'rev', 'classtype', 'reference', 'metadata', 'gid', 'priority']);
const weightOf = (key) => (key === '~structure' ? 1.5 : META.has(key) ? 0.25 : key === 'pcre' || key === 'content' ? 2 : 1);
const STRUCTURE = new Set(['semicolon-swallowed', 'option-repeated', 'keyword-typo', 'space-before-colon', 'modifier-before-content', 'modifier-moved-back', 'sticky-after-content', 'legacy-in-sticky', 'sticky-at-end', 'sticky-twice', 'text-after-paren']);
function weightedPick(keys) {
  const total = keys.reduce((n, k) => n + weightOf(k), 0);
  let r = random() * total;
  for (const k of keys) if ((r -= weightOf(k)) < 0) return k;
  return keys[keys.length - 1];
}
const RICH = /^(pcre|byte_\w+|isdataat|dsize|bsize|urilen|tls[._]|ssl_|ja3|http[._]|file[._]|dns[._]|base64_|fast_pattern|ttl|itype|icode|flags|stream_size|dcerpc\.|smb\.|ssh[._]|krb5_|sip\.|quic\.|mqtt\.)/;
const seen = new Set(sources.map((r) => joinRule(r.header, r.options)));
const mutants = [];
let sid = 2_000_000;
for (const rule of sources) {
  const candidates = mutantsOf(rule).map((c) => ({ ...c, key: STRUCTURE.has(c.op) ? '~structure' : c.keyword }));
  const keys = [...new Set(candidates.map((c) => c.key))];
  // Rules with the keywords of richer grammars (pcre, byte_*, sticky buffers, ...) are rarer in the corpora: one more mutant each.
  const rich = rule.options.some((o) => RICH.test(o.name));
  for (let k = 0; k < perRule + (rich ? 1 : 0) && keys.length; k++) {
    const key = weightedPick(keys);
    keys.splice(keys.indexOf(key), 1);
    const ofKey = candidates.filter((c) => c.key === key);
    const op = pick([...new Set(ofKey.map((c) => c.op))]);
    const c = pick(ofKey.filter((x) => x.op === op));
    if (seen.has(c.rule)) continue;
    seen.add(c.rule);
    mutants.push({ op: c.op, keyword: c.keyword, source: rule.source, rule: c.rule });
  }
}
// Each mutant its own sid (written after mutation, so a mutated sid stays as the mutation left it).
for (const m of mutants) {
  if (m.op === 'sid-word' || (m.op === 'value-drop' && m.keyword === 'sid')) continue;
  m.rule = m.rule.replace(/([(;]\s*sid\s*:\s*)\d+/, (_a, p) => `${p}${sid++}`);
}
const labels = await label(mutants.map((m) => m.rule));
const lines = mutants.map((m, i) => JSON.stringify({ id: i + 1, op: m.op, keyword: m.keyword, source: m.source, rule: m.rule, verdict: labels[i].verdict, ...(labels[i].reason ? { reason: labels[i].reason } : {}) }));
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${lines.join('\n')}\n`);
const refused = labels.filter((l) => l.verdict === 'rejected').length;
console.log(`mutants: ${mutants.length}, refused by Suricata ${probe.version.text}: ${refused}, loaded: ${labels.filter((l) => l.verdict === 'accepted').length}`);
console.log(`written: ${out}`);
