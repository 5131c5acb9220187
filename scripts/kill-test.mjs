#!/usr/bin/env node
/**
 * The kill test (issue 17): FILES files of RULES fixable rules each; `suricata-lint --fix` on the folder is
 * killed with SIGKILL at KILLS random moments. After each kill every file must be byte for byte either the
 * original or the reference fix (what an uninterrupted --fix writes), and after the next run (a complete
 * --fix) no temporary file may be left and every file must be the reference fix.
 *
 *   npm run build && node scripts/kill-test.mjs [--files 100] [--rules 5000] [--kills 30] [--seed N]
 *
 * Slow (each kill is followed by a complete run): not part of npm test. Prints one line per kill and a summary;
 * exit code 1 when any check failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/suricata-lint.js', import.meta.url));
const arg = (name, def) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : def);
const FILES = arg('--files', 100);
const RULES = arg('--rules', 5000);
const KILLS = arg('--kills', 30);
let seed = arg('--seed', Date.now() % 2 ** 31);
const firstSeed = seed;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const root = mkdtempSync(join(tmpdir(), 'suricata-lint-kill-'));
const original = join(root, 'original');
const reference = join(root, 'reference');
const work = join(root, 'work');

function makeOriginals() {
  for (let f = 0; f < FILES; f++) {
    const lines = [];
    for (let r = 0; r < RULES; r++) lines.push(`drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"f${f} r${r}"; flow:to_server, established; sid:${f * RULES + r + 1}; rev:1;)`);
    writeFileSync(join(original, `f${String(f).padStart(3, '0')}.rules`), `${lines.join('\n')}\n`);
  }
}

function resetWork() {
  rmSync(work, { recursive: true, force: true });
  cpSync(original, work, { recursive: true });
  // Dated 10 s back: --fix waits for files modified in the last second to settle (SETTLE_MS).
  const old = new Date(Date.now() - 10_000);
  for (const n of readdirSync(work)) utimesSync(join(work, n), old, old);
}

function runFix(dir) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [BIN, '--fix', '-f', 'json', '-o', '/dev/null', '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { ms: Date.now() - t0, status: r.status, stderr: r.stderr };
}

function check(afterNextRun) {
  const problems = [];
  const names = readdirSync(work);
  const temps = names.filter((n) => n.includes('.suricata-lint-') && n.endsWith('.tmp'));
  if (afterNextRun && temps.length) problems.push(`${temps.length} temporary file(s) left: ${temps.slice(0, 3).join(', ')}`);
  let fixed = 0;
  for (const n of names.filter((x) => x.endsWith('.rules'))) {
    const got = readFileSync(join(work, n));
    if (got.equals(readFileSync(join(reference, n)))) fixed++;
    else if (afterNextRun || !got.equals(readFileSync(join(original, n)))) problems.push(`${n}: neither the original nor the reference fix (${got.length} bytes)`);
  }
  return { problems, fixed, temps: temps.length };
}

let failures = 0;
try {
  spawnSync('mkdir', ['-p', original, reference]);
  makeOriginals();
  cpSync(original, reference, { recursive: true });
  const old = new Date(Date.now() - 10_000);
  for (const n of readdirSync(reference)) utimesSync(join(reference, n), old, old);
  const ref = runFix(reference);
  if (ref.status !== 0 && ref.status !== 1) throw new Error(`the reference --fix failed (exit ${ref.status}): ${ref.stderr}`);
  console.log(`kill test: ${FILES} files x ${RULES} rules, ${KILLS} kills, seed ${firstSeed}; an uninterrupted --fix takes ${(ref.ms / 1000).toFixed(1)} s`);
  for (let k = 1; k <= KILLS; k++) {
    resetWork();
    const delay = Math.floor(random() * ref.ms * 1.1);
    const child = spawn(process.execPath, [BIN, '--fix', '-f', 'json', '-o', '/dev/null', '.'], { cwd: work, stdio: 'ignore' });
    await new Promise((res) => setTimeout(res, delay));
    child.kill('SIGKILL');
    await new Promise((res) => (child.exitCode !== null || child.signalCode !== null ? res() : child.once('exit', res)));
    const after = check(false);
    const next = runFix(work);
    const final = check(true);
    const problems = [...after.problems, ...final.problems];
    if (next.status !== 0 && next.status !== 1) problems.push(`the next run exited ${next.status}: ${next.stderr.trim().split('\n')[0]}`);
    if (problems.length) failures++;
    console.log(
      `kill ${String(k).padStart(2)} at ${String(delay).padStart(6)} ms: ${after.fixed}/${FILES} fixed, ${after.temps} temporary file(s) after the kill; next run: ${final.fixed}/${FILES} fixed, ${final.temps} left` +
        (problems.length ? `  FAIL: ${problems.slice(0, 3).join('; ')}` : '  ok'),
    );
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
console.log(`\n${KILLS} kills, ${failures} failed`);
process.exitCode = failures ? 1 : 0;
