#!/usr/bin/env node
/*
 * Benchmark (not a test): `npm run bench` (builds first). Reports medians over several runs of
 *   - parse and full lint throughput in-process (rules/s, MB/s) on corpora of 10k, 50k and 200k rules
 *     built by repeating ../shared/corpora (sids renumbered per copy, so no two copies are identical),
 *   - fix throughput on a generated file where every TLS rule needs the ssl_state:client_hello fix,
 *   - the CLI end to end (wall time and peak RSS via /usr/bin/time -v) on the 50k file, with --fix,
 *     --diff against --fix from 1k to 50k TLS rules,
 *     and on a folder of thousands of small files,
 *   - the CLI's cold start on a 10-rule file against a bare `node -e 0` started the same way (hyperfine
 *     when installed, else repeated spawns),
 *   - `suricata -T` and suricata-update's Python rule parser on the same 50k file in the same run, when
 *     installed, and the ratios.
 * Options: --runs N (in-process repetitions, default 7), --quick (fewer runs, no 200k, no suricata),
 * --no-suricata, --out FILE (also write the report there; `npm run bench` writes scripts/bench-results.txt).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPORA = join(ROOT, '..', 'shared', 'corpora');
const BIN = join(ROOT, 'bin', 'suricata-lint.js');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const QUICK = flag('--quick');
const RUNS = Number(option('--runs', QUICK ? '3' : '7'));
const OUT = option('--out', undefined);

const { parseRules } = await import(join(ROOT, 'dist', 'syntax', 'parse.js'));
const { lintText } = await import(join(ROOT, 'dist', 'linter', 'linter.js'));
const { fixText } = await import(join(ROOT, 'dist', 'fix', 'fix-loop.js'));

const lines = [];
const say = (s = '') => {
  lines.push(s);
  process.stdout.write(`${s}\n`);
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;

// ---------------------------------------------------------------------------------------------
// Corpora
function rulesFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) rulesFiles(p, out);
    else if (name.endsWith('.rules')) out.push(p);
  }
  return out;
}

if (!existsSync(CORPORA)) {
  console.error(`bench: ${CORPORA} not found: the benchmark builds its corpus from ../shared/corpora`);
  process.exit(2);
}
const sourceFiles = rulesFiles(CORPORA);
// Statements of the concatenated corpus, each with its own line ending, and whether it is a rule.
const unitText = sourceFiles.map((f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, '').replace(/\r?\n?$/, '\n')).join('');
const unit = parseRules(unitText).statements.map((s) => ({ text: unitText.slice(s.range.start, s.eol.end), rule: s.kind === 'rule' && s.layout === 'active' }));
const unitRules = unit.filter((s) => s.rule).length;

/**
 * `n` active rules: the corpus repeated (comments and blank lines included), every sid renumbered
 * 1, 2, 3...: no two copies are identical, and Suricata loads the rules instead of rejecting them as
 * duplicates (the suricata-verify files reuse sid:1, sid:2...).
 */
function corpus(n) {
  const parts = [];
  let rules = 0;
  let sid = 0;
  while (rules < n) {
    for (const s of unit) {
      if (s.rule && rules >= n) break;
      parts.push(s.rule ? s.text.replace(/\bsid\s*:\s*\d+/, () => `sid:${++sid}`) : s.text);
      if (s.rule) rules++;
    }
  }
  return parts.join('');
}

/** `n` TLS rules that each need the ssl_state:client_hello fix (blocking rules keyed on ClientHello buffers). */
function tlsFixCorpus(n) {
  const out = [];
  for (let i = 1; i <= n; i++) {
    const t = i % 3;
    if (t === 0) out.push(`drop tls $HOME_NET any -> any any (msg:"block site ${i}"; tls.sni; content:"site-${i}.example.com"; endswith; nocase; flow:to_server; sid:${i}; rev:1;)`);
    else if (t === 1) out.push(`reject tls $HOME_NET any -> $EXTERNAL_NET 443 (msg:"block ja3 ${i}"; ja3.hash; content:"${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}aa55aa55aa55aa55aa55aa55"; sid:${i}; rev:2;)`);
    else out.push(`drop tls any any -> any any (msg:"block sni ${i}"; flow:established,to_server; tls.sni; content:"host${i}.example.org"; sid:${i}; rev:1;)`);
  }
  return `${out.join('\n')}\n`;
}

const work = mkdtempSync(join(tmpdir(), 'suricata-lint-bench-'));
const sizes = QUICK ? [10_000, 50_000] : [10_000, 50_000, 200_000];
const files = {};
for (const n of sizes) {
  files[n] = join(work, `corpus-${n / 1000}k.rules`);
  writeFileSync(files[n], corpus(n));
}
const tlsFile = join(work, 'tls-fix-50k.rules');
writeFileSync(tlsFile, tlsFixCorpus(50_000));
const tenFile = join(work, 'ten.rules');
writeFileSync(tenFile, corpus(10));
// Many files: the 50k corpus split into 2,000 files of 25 rules.
const manyDir = join(work, 'many');
mkdirSync(manyDir);
{
  const rs = corpus(50_000).split('\n').filter((l) => l && !l.startsWith('#'));
  for (let i = 0; i * 25 < rs.length; i++) writeFileSync(join(manyDir, `group-${String(i).padStart(4, '0')}.rules`), `${rs.slice(i * 25, i * 25 + 25).join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------
const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
say('suricata-lint benchmark');
say(`date ${new Date().toISOString()}  commit ${git || '?'}  node ${process.version}  ${cpus().length} x ${cpus()[0]?.model ?? '?'}`);
say(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on this machine inflates times; ratios are against peers measured in the same run)`);
say(`corpus: ${sourceFiles.length} files of ../shared/corpora (${fmt(unitRules)} active rules) repeated; every sid renumbered to be unique`);
say(`in-process figures: median of ${RUNS} runs after one warm-up run; CLI figures: median of the runs shown`);
say();

// ---------------------------------------------------------------------------------------------
function timeRuns(fn, runs) {
  fn(); // warm-up
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

say('In-process (one core): parse = parseRules (the whole tree, kept); lint = lintText (parse + all lint rules, default aws-nfw profile, one statement at a time)');
say('  rules      MB    parse rules/s    MB/s    lint rules/s    MB/s   lint ms');
const lintRate = {};
for (const n of sizes) {
  const text = readFileSync(files[n], 'utf8');
  const mb = Buffer.byteLength(text) / 1e6;
  const runs = n > 100_000 ? Math.max(3, Math.ceil(RUNS / 2)) : RUNS;
  const p = timeRuns(() => parseRules(text), runs);
  const l = timeRuns(() => lintText(text), runs);
  lintRate[n] = n / (l / 1000);
  say(`  ${fmt(n).padStart(7)} ${mb.toFixed(1).padStart(6)} ${fmt(n / (p / 1000)).padStart(14)} ${(mb / (p / 1000)).toFixed(1).padStart(7)} ${fmt(lintRate[n]).padStart(13)} ${(mb / (l / 1000)).toFixed(1).padStart(7)} ${fmt(l).padStart(8)}`);
}
if (sizes.length > 1) {
  const base = lintRate[sizes[0]];
  say(`  linearity: lint rules/s relative to ${fmt(sizes[0])} rules: ${sizes.map((n) => `${fmt(n / 1000)}k ${(lintRate[n] / base).toFixed(2)}`).join(', ')} (1.00 = linear)`);
}
{
  const text = readFileSync(tlsFile, 'utf8');
  let applied = 0;
  const f = timeRuns(() => {
    applied = fixText(text).applied.length;
  }, Math.max(3, Math.ceil(RUNS / 2)));
  say(`  fix (fixText, safe fixes): 50,000 TLS rules, ${fmt(applied)} fixes applied: ${fmt(50_000 / (f / 1000))} rules/s (${fmt(f)} ms: lint, apply, re-lint)`);
}
say();

// ---------------------------------------------------------------------------------------------
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/** Wall ms and max RSS (MB) of one command, via /usr/bin/time -v when present. */
function measure(cmd, cmdArgs) {
  if (TIME) {
    const r = spawnSync(TIME, ['-v', cmd, ...cmdArgs], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    const ms = wall ? ((Number(wall[1] ?? 0) * 60 + Number(wall[2])) * 60 + Number(wall[3])) * 1000 : NaN;
    return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN, status: r.status };
  }
  const t = performance.now();
  const r = spawnSync(cmd, cmdArgs, { stdio: 'ignore' });
  return { ms: performance.now() - t, rssMb: NaN, status: r.status };
}
function measureRuns(runs, cmd, cmdArgs, before) {
  const rs = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    rs.push(measure(cmd, cmdArgs));
  }
  return { ms: median(rs.map((r) => r.ms)), rssMb: median(rs.map((r) => r.rssMb)), maxRssMb: Math.max(...rs.map((r) => r.rssMb)), status: rs[0].status };
}

const cliRuns = QUICK ? 1 : 3;
say(`CLI end to end (node bin/suricata-lint.js, text output to /dev/null; wall and max RSS from /usr/bin/time -v, median of ${cliRuns})`);
const cli = {};
for (const n of sizes) {
  cli[n] = measureRuns(cliRuns, process.execPath, [BIN, files[n]]);
  say(`  lint ${fmt(n).padStart(7)} rules: ${fmt(cli[n].ms).padStart(7)} ms  ${fmt(n / (cli[n].ms / 1000)).padStart(7)} rules/s  max RSS ${fmt(cli[n].maxRssMb)} MB`);
}
{
  const copy = join(work, 'fix-copy.rules');
  const r = measureRuns(cliRuns, process.execPath, [BIN, '--fix', copy], () => cpSync(tlsFile, copy));
  const after = readFileSync(copy, 'utf8');
  const fixed = (after.match(/ssl_state:client_hello/g) ?? []).length;
  say(`  --fix  50,000 TLS rules: ${fmt(r.ms).padStart(7)} ms  ${fmt(50_000 / (r.ms / 1000)).padStart(7)} rules/s  max RSS ${fmt(r.maxRssMb)} MB  (${fmt(fixed)} rules fixed in the file)`);
}
{
  // --diff renders hunks from the regions the fixer changed: it must stay within 1.5x of --fix at every size.
  say(`  --diff against --fix on TLS rules that all need a fix (target: --diff within 1.5x of --fix)`);
  for (const n of QUICK ? [1_000, 16_000, 50_000] : [1_000, 2_000, 4_000, 8_000, 16_000, 50_000]) {
    const src = join(work, `tls-${n}.rules`);
    writeFileSync(src, tlsFixCorpus(n));
    const copy = join(work, `tls-${n}-copy.rules`);
    const fix = measureRuns(cliRuns, process.execPath, [BIN, '--fix', copy], () => cpSync(src, copy));
    const diff = measureRuns(cliRuns, process.execPath, [BIN, '--diff', src]);
    say(`    ${fmt(n).padStart(6)} rules: --fix ${fmt(fix.ms).padStart(6)} ms, --diff ${fmt(diff.ms).padStart(6)} ms (max RSS ${fmt(diff.maxRssMb)} MB), ratio ${(diff.ms / fix.ms).toFixed(2)}`);
  }
}
{
  const count = readdirSync(manyDir).length;
  // Worker threads (--threads): the same folder on one thread and on two, in the same run.
  const one = measureRuns(cliRuns, process.execPath, [BIN, '--threads', '1', manyDir]);
  const two = measureRuns(cliRuns, process.execPath, [BIN, '--threads', '2', manyDir]);
  const auto = measureRuns(cliRuns, process.execPath, [BIN, manyDir]);
  say(`  folder of ${fmt(count)} files (50,000 rules), --threads 1: ${fmt(one.ms)} ms  ${fmt(50_000 / (one.ms / 1000))} rules/s  max RSS ${fmt(one.maxRssMb)} MB`);
  say(`  same folder, --threads 2: ${fmt(two.ms)} ms  ${fmt(50_000 / (two.ms / 1000))} rules/s  max RSS ${fmt(two.maxRssMb)} MB  (${(one.ms / two.ms).toFixed(2)}x the one-thread speed)`);
  say(`  same folder, default threads (one per two logical CPUs, so 1 on 2 vCPUs): ${fmt(auto.ms)} ms`);
}
say();

// ---------------------------------------------------------------------------------------------
say('Cold start on a 10-rule file, against a bare node started the same way');
if (has('hyperfine')) {
  const json = join(work, 'hyperfine.json');
  const runs = QUICK ? 10 : 40;
  spawnSync('hyperfine', ['-N', '-i', '--warmup', '3', '--runs', String(runs), '--export-json', json, `${process.execPath} -e 0`, `${process.execPath} ${BIN} ${tenFile}`], { stdio: 'ignore' });
  const [bare, lint] = JSON.parse(readFileSync(json, 'utf8')).results;
  const b = bare.median * 1000;
  const l = lint.median * 1000;
  say(`  hyperfine, ${runs} runs each, medians: node -e 0 ${fmt(b)} ms; suricata-lint ten.rules ${fmt(l)} ms`);
  say(`  ratio ${(l / b).toFixed(2)}x; ${fmt(l - b)} ms above bare node (target: < 80 ms)`);
} else {
  const runs = QUICK ? 10 : 30;
  const time = (cmdArgs) => {
    const ms = [];
    for (let i = 0; i < runs + 3; i++) {
      const t = performance.now();
      spawnSync(process.execPath, cmdArgs, { stdio: 'ignore' });
      if (i >= 3) ms.push(performance.now() - t);
    }
    return median(ms);
  };
  const b = time(['-e', '0']);
  const l = time([BIN, tenFile]);
  say(`  spawnSync, ${runs} runs each, medians: node -e 0 ${fmt(b)} ms; suricata-lint ten.rules ${fmt(l)} ms`);
  say(`  ratio ${(l / b).toFixed(2)}x; ${fmt(l - b)} ms above bare node (target: < 80 ms)`);
}
say();

// ---------------------------------------------------------------------------------------------
// suricata-update's Python rule parser (Debian's suricata-update package) reads the same 50k file.
const SU_PATH = '/usr/lib/python3/dist-packages';
if (!flag('--no-suricata') && existsSync(join(SU_PATH, 'suricata', 'update', 'rule.py'))) {
  const py = `import sys; sys.path.insert(0, ${JSON.stringify(SU_PATH)}); from suricata.update import rule; print(len(rule.parse_file(sys.argv[1])))`;
  const r = measureRuns(cliRuns, '/usr/bin/python3', ['-c', py, files[50_000]]);
  const ratio = r.ms / cli[50_000].ms;
  say(`suricata-update's rule parser (python3, suricata.update.rule.parse_file) on the same 50,000-rule file, median of ${cliRuns}`);
  say(`  ${fmt(r.ms)} ms, max RSS ${fmt(r.maxRssMb)} MB; suricata-lint CLI (full lint) ${fmt(cli[50_000].ms)} ms: suricata-lint ${ratio >= 1 ? `${ratio.toFixed(2)}x faster` : `${(1 / ratio).toFixed(2)}x slower`} (target: 2x faster)`);
  say();
}

if (!QUICK && !flag('--no-suricata') && has('suricata')) {
  const version = spawnSync('suricata', ['-V'], { encoding: 'utf8' }).stdout.trim();
  const logDir = join(work, 'suricata-log');
  mkdirSync(logDir);
  const config = existsSync('/etc/suricata/suricata.yaml') ? ['-c', '/etc/suricata/suricata.yaml'] : [];
  const r = measure('suricata', ['-T', ...config, '-S', files[50_000], '-l', logDir]);
  const log = existsSync(join(logDir, 'suricata.log')) ? readFileSync(join(logDir, 'suricata.log'), 'utf8') : '';
  const loaded = /(\d+) rules successfully loaded, (\d+) rules failed/.exec(log)?.[0] ?? '';
  say(`suricata -T on the same 50,000-rule file (${version}; one run; exit ${r.status}${loaded ? `; ${loaded}` : ''})`);
  say(`  ${fmt(r.ms)} ms (${fmt(50_000 / (r.ms / 1000))} rules/s), max RSS ${fmt(r.rssMb)} MB`);
  const ratio = r.ms / cli[50_000].ms;
  say(`  suricata-lint CLI on the same file: ${fmt(cli[50_000].ms)} ms; time ratio suricata -T / suricata-lint = ${ratio.toFixed(2)} (${ratio >= 1 ? `suricata-lint ${ratio.toFixed(1)}x faster` : `suricata-lint ${(1 / ratio).toFixed(1)}x slower`})`);
  say();
}

say(`command: npm run bench   (node scripts/bench.mjs ${args.join(' ')})`.trimEnd());
say(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
rmSync(work, { recursive: true, force: true });
if (OUT) writeFileSync(OUT, `${lines.join('\n')}\n`);
