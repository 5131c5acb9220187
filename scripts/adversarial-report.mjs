#!/usr/bin/env node
/**
 * Runs the built CLI on every adversarial fixture (test/adversarial/fixtures.mjs), each under
 * `/usr/bin/time -v`, and prints a table of exit code, wall time and peak memory (max RSS).
 * The fixtures are generated into a scratch folder and removed afterwards.
 *
 *   npm run build && node scripts/adversarial-report.mjs [--only <substring>] [--small] > test/adversarial/REPORT.txt
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES } from '../test/adversarial/fixtures.mjs';

const BIN = fileURLToPath(new URL('../bin/suricata-lint.js', import.meta.url));
const TIME = '/usr/bin/time';
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
/** --small: skip the large fixtures (minutes each on a loaded machine). */
const small = process.argv.includes('--small');
if (!existsSync(fileURLToPath(new URL('../dist/cli/main.js', import.meta.url)))) {
  console.error('adversarial-report: dist/ is missing; run npm run build first');
  process.exit(2);
}
if (!existsSync(TIME)) {
  console.error('adversarial-report: /usr/bin/time is missing (apt-get install time)');
  process.exit(2);
}

function field(text, label) {
  const line = text.split('\n').find((l) => l.trim().startsWith(label));
  return line ? line.slice(line.lastIndexOf(': ') + 2).trim() : undefined;
}
function wallSeconds(s) {
  if (!s) return NaN;
  const parts = s.split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

const dir = mkdtempSync(join(tmpdir(), 'suricata-lint-adversarial-report-'));
const rows = [];
try {
  for (const f of FIXTURES) {
    if ((only && !f.name.includes(only)) || (small && f.large)) continue;
    const built = f.build(dir);
    if ('skip' in built) {
      rows.push({ name: f.name, result: `skipped: ${built.skip}` });
      continue;
    }
    const r = spawnSync(TIME, ['-v', process.execPath, BIN, ...built.args], { cwd: built.cwd ?? dir, input: built.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...built.env }, maxBuffer: 1 << 30, timeout: 15 * 60_000 });
    const stderr = r.stderr ?? '';
    const timeAt = stderr.indexOf('\tCommand being timed');
    // The CLI's own stderr: what precedes time's report, without time's "Command exited" line.
    const cliStderr = (timeAt >= 0 ? stderr.slice(0, timeAt) : stderr).split('\n').filter((l) => !/^Command (exited|terminated)/.test(l)).join('\n');
    const ours = cliStderr.split('\n').filter(Boolean).join(' | ');
    const timing = timeAt >= 0 ? stderr.slice(timeAt) : '';
    const exit = Number(field(timing, 'Exit status') ?? r.status);
    const wall = wallSeconds(field(timing, 'Elapsed (wall clock) time'));
    const rssMb = Number(field(timing, 'Maximum resident set size (kbytes)')) / 1024;
    const problem = f.check?.(dir, { stdout: r.stdout ?? '', stderr: cliStderr });
    const ok = f.expect.exit.includes(exit) && (!f.expect.stderr || f.expect.stderr.test(cliStderr)) && !problem;
    rows.push({ name: f.name, exit, expected: f.expect.exit.join('|'), wall, rssMb, ok, message: problem ? `CHECK FAILED: ${problem} | ${ours}` : ours });
    console.error(`${f.name}: exit ${exit}, ${wall.toFixed(2)} s, ${rssMb.toFixed(0)} MB`);
    // Free the disk before the next fixture.
    rmSync(dir, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', dir]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`suricata-lint adversarial report: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('wall = elapsed time of the whole CLI process (node start-up included); RSS = peak resident memory (/usr/bin/time -v)\n');
console.log(`${pad('fixture', 54)} ${pad('exit', 5)} ${pad('want', 5)} ${lpad('wall s', 8)} ${lpad('RSS MB', 8)}  ok  message (stderr)`);
console.log('-'.repeat(120));
for (const r of rows) {
  if (r.result) {
    console.log(`${pad(r.name, 54)} ${r.result}`);
    continue;
  }
  const msg = r.message.length > 110 ? `${r.message.slice(0, 107)}...` : r.message;
  console.log(`${pad(r.name, 54)} ${pad(r.exit, 5)} ${pad(r.expected, 5)} ${lpad(r.wall.toFixed(2), 8)} ${lpad(r.rssMb.toFixed(0), 8)}  ${r.ok ? 'yes' : 'NO '} ${msg}`);
}
const bad = rows.filter((r) => !r.result && !r.ok);
console.log(`\n${rows.length} fixtures, ${bad.length} with an unexpected result`);
process.exitCode = bad.length ? 1 : 0;
