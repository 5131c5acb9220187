#!/usr/bin/env node
/*
 * Benchmark (not a test): `npm run bench:lsp` (builds first). The language server's latency after a
 * one-character edit in a 30,000-rule file: from sending textDocument/didChange (an incremental change of
 * one character, as an editor sends a keystroke) to receiving textDocument/publishDiagnostics for that
 * version, through the real `suricata-lint lsp` over stdio (vscode-languageserver's client-side connection).
 * The server publishes twice per edit: at once with the edited statements re-checked (the cross-rule
 * findings of the other statements carried over), then after a pause in typing with the cross-rule checks
 * run; both are measured. Edits are typed at spread-out places of the file, in several kinds of place: a msg text, a content
 * value, a sid (which the cross-rule duplicate-sid checks read), a header address, and a new line. Also
 * reports the time to the first diagnostics after opening the file.
 * Corpus: ../shared/corpora repeated with sids renumbered (as scripts/bench.mjs), else rules-samples/.
 * Options: --rules N (default 30000), --edits N per kind (default 15), --corpus corpora|aws-allow-list (default
 * corpora; aws-allow-list: a generated domain allow list at AWS's 30,000-rule capacity), --profile P (default
 * suricata for the corpora, which are Suricata's own IDS rules; aws-nfw for the allow list), --out FILE.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPORA = join(ROOT, '..', 'shared', 'corpora');
const BIN = join(ROOT, 'bin', 'suricata-lint.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const RULES = Number(option('--rules', '30000'));
const EDITS = Number(option('--edits', '15'));
const OUT = option('--out', undefined);
// The corpora are Suricata's own IDS rules: linted as such by default (under aws-nfw every copy adds AWS findings).
const PROFILE = option('--profile', option('--corpus', 'corpora') === 'aws-allow-list' ? 'aws-nfw' : 'suricata');

function rulesFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) rulesFiles(p, out);
    else if (name.endsWith('.rules')) out.push(p);
  }
  return out;
}

const CORPUS = option('--corpus', 'corpora');

/** ../shared/corpora (Suricata's bundled rules, suricata-verify's, AWS's examples) repeated, sids renumbered. */
function corporaLines() {
  const source = existsSync(CORPORA) ? rulesFiles(CORPORA) : rulesFiles(join(ROOT, 'rules-samples'));
  const unitLines = source.flatMap((f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/));
  const out = [];
  let sid = 0;
  for (let rules = 0; rules < RULES; ) {
    for (const l of unitLines) {
      const rule = /^(alert|drop|pass|reject)\s/.test(l);
      if (rule && rules >= RULES) break;
      out.push(rule ? l.replace(/\bsid\s*:\s*\d+/, () => `sid:${++sid}`) : l);
      if (rule) rules++;
    }
  }
  return out;
}

/**
 * An AWS Network Firewall domain allow list at the rule group capacity limit (30,000): TLS SNI and HTTP host pass
 * rules in strict order, a commented section every 500 rules, one rule in 200 with a problem to report (a drop
 * without ssl_state, a missing msg), and the default-deny rules at the end.
 */
function allowListLines() {
  const out = ['# Egress allow list (STRICT_ORDER)'];
  for (let i = 1; i <= RULES - 2; i++) {
    if (i % 500 === 1) out.push('', `# Section ${Math.ceil(i / 500)}`);
    const host = `host-${i}.example${i % 7}.com`;
    if (i % 200 === 0) out.push(`drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"Block ${host}"; tls.sni; content:"${host}"; flow:to_server; sid:${i}; rev:1;)`);
    else if (i % 200 === 100) out.push(`pass http $HOME_NET any -> $EXTERNAL_NET any (http.host; content:"${host}"; startswith; endswith; flow:to_server; sid:${i}; rev:1;)`);
    else if (i % 3 === 0) out.push(`pass http $HOME_NET any -> $EXTERNAL_NET any (http.host; content:"${host}"; startswith; endswith; msg:"Allow ${host}"; flow:to_server, established; sid:${i}; rev:1;)`);
    else out.push(`pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"${host}"; startswith; nocase; endswith; msg:"Allow ${host}"; flow:to_server, established; sid:${i}; rev:1;)`);
  }
  out.push('drop tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; msg:"Deny other TLS"; flow:to_server, established; sid:999998; rev:1;)');
  out.push('drop http $HOME_NET any -> $EXTERNAL_NET any (msg:"Deny other HTTP"; flow:to_server, established; sid:999999; rev:1;)');
  return out;
}

const lines = CORPUS === 'aws-allow-list' ? allowListLines() : corporaLines();
const text = `${lines.join('\n')}\n`;

const report = [];
const say = (s = '') => {
  report.push(s);
  process.stdout.write(`${s}\n`);
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

const child = spawn(process.execPath, [...(process.env.BENCH_LSP_NODE_ARGS ?? '').split(' ').filter(Boolean), BIN, 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
/** Per version: resolvers of its first and second publication (the second has the cross-rule checks run). */
const waiting = new Map();
const seen = new Map();
let lastCount = 0;
connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
  lastCount = p.diagnostics.length;
  const n = (seen.get(p.version) ?? 0) + 1;
  seen.set(p.version, n);
  waiting.get(`${p.version}/${n}`)?.(performance.now());
});
connection.listen();
const published = (version, n = 1) => new Promise((resolve) => waiting.set(`${version}/${n}`, resolve));

const uri = pathToFileURL(join(ROOT, 'bench-lsp-30k.rules')).href;
await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities: {}, initializationOptions: { profile: PROFILE } });
await connection.sendNotification(InitializedNotification.type, {});

say(`suricata-lint language server: diagnostics after a one-character edit (scripts/bench-lsp.mjs)`);
say(`machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}; node ${process.version}`);
say(`profile ${PROFILE}; file: ${RULES.toLocaleString('en-US')} rules, ${lines.length.toLocaleString('en-US')} lines, ${(text.length / 1e6).toFixed(1)} MB (${CORPUS === 'aws-allow-list' ? 'a generated AWS domain allow list' : existsSync(CORPORA) ? '../shared/corpora repeated, sids renumbered' : 'rules-samples repeated, sids renumbered'})`);

let version = 1;
let doc = TextDocument.create(uri, 'suricata', version, text);
let t0 = performance.now();
const wait = published(version);
await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'suricata', version, text } });
say(`open: first diagnostics after ${((await wait) - t0).toFixed(0)} ms (${lastCount} diagnostics)`);

/** Offsets of one kind of place, spread over the file. */
function places(kind) {
  const re = { msg: /msg:"/g, content: /content:"/g, sid: /sid:\d/g, header: /\$HOME_NET/g, newline: /\n/g }[kind];
  const all = [...doc.getText().matchAll(re)].map((m) => m.index + m[0].length - (kind === 'sid' ? 1 : 0));
  return Array.from({ length: EDITS }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / EDITS)]);
}

/** Sends one edit; the time to its first publication, and to the complete one (after the server's pause). */
async function edit(offset, insert, remove = 0) {
  const range = { start: doc.positionAt(offset), end: doc.positionAt(offset + remove) };
  version++;
  doc = TextDocument.update(doc, [{ range, text: insert }], version);
  const first = published(version, 1);
  const second = published(version, 2);
  t0 = performance.now();
  await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
  const a = (await first) - t0;
  const b = (await second) - t0;
  return [a, b];
}

const all = [];
const allComplete = [];
say('');
say('From didChange sent to publishDiagnostics received, ms. "first": the edited statements re-checked, the cross-rule');
say('findings of the others carried over; "complete": the cross-rule checks run again (after the server\'s 300 ms pause).');
say('');
say('edit (typed, then deleted)   first: median   p95    max   complete: median   p95    max');
const row = (name, xs, ys) =>
  say(`${name.padEnd(29)}${median(xs).toFixed(1).padStart(14)}${pct(xs, 95).toFixed(1).padStart(7)}${Math.max(...xs).toFixed(1).padStart(7)}${median(ys).toFixed(0).padStart(18)}${pct(ys, 95).toFixed(0).padStart(6)}${Math.max(...ys).toFixed(0).padStart(7)}`);
for (const [kind, char] of [['msg', 'x'], ['content', 'x'], ['sid', '7'], ['header', 'X'], ['newline', '\n']]) {
  const times = [];
  const complete = [];
  for (const at of places(kind)) {
    for (const [a, b] of [await edit(at, char), await edit(at, '', char.length)]) {
      // typed one character, then deleted it again
      times.push(a);
      complete.push(b);
    }
  }
  all.push(...times);
  allComplete.push(...complete);
  row(kind, times, complete);
}
row('all', all, allComplete);

await connection.sendRequest(ShutdownRequest.type);
await connection.sendNotification(ExitNotification.type);
if (OUT) writeFileSync(OUT, `${report.join('\n')}\n`);
