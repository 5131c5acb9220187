/**
 * Safety (issue 8): the CLI never reads, opens or executes a file a rule names (lua scripts,
 * dataset/datarep load paths), and makes no network call and starts no program. The CLI runs as a
 * child process with a preload (io-spy-preload.cjs) that logs every fs path it touches and throws on
 * any net/dns/http/tls/dgram/child_process/fetch call. The named paths are also FIFOs, which would
 * block any process that opened them (the hang guard would then fail the test).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, runCli } from './run-cli.js';

const PRELOAD = fileURLToPath(new URL('./io-spy-preload.cjs', import.meta.url));

let dir: string;
let sentinels: string[];
const RELATIVE = ['rel-script.lua', 'rel-set.lst', 'rep.csv'];

function makeFifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'suricata-lint-sentinel-'));
  sentinels = [join(dir, 'x.lua'), join(dir, 'secret.lst'), join(dir, 'rep-abs.csv'), ...RELATIVE.map((r) => join(dir, r))];
  for (const s of sentinels) makeFifo(s);
  const rules = [
    `alert tcp any any -> any any (msg:"lua"; lua:${join(dir, 'x.lua')}; sid:1;)`,
    `drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"dataset"; tls.sni; dataset:isset,x,type string,load ${join(dir, 'secret.lst')}; sid:2;)`,
    `alert dns any any -> any any (dns.query; datarep:rep,>,5,type string,load ${join(dir, 'rep-abs.csv')}; sid:3;)`,
    `alert http any any -> any any (luajit:rel-script.lua; sid:4;)`,
    `alert dns any any -> any any (dns.query; dataset:set,y,type string,save rel-set.lst,load rel-set.lst; sid:5;)`,
    `alert dns any any -> any any (dns.query; datarep:r,>,1,type string,load rep.csv; sid:6;)`,
    `drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"needs a fix"; flow:to_server, established; sid:7; rev:1;)`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'sentinel.rules'), rules);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function events(log: string): { kind: string; call?: string; path?: string }[] {
  return readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

describe.skipIf(!BUILT)('the CLI never touches files named in rules, nor the network', () => {
  for (const mode of [[], ['--fix'], ['--diff'], ['--format', 'json']]) {
    it(`suricata-lint ${[...mode, 'sentinel.rules'].join(' ')}`, () => {
      const log = join(dir, `io-${mode.join('') || 'lint'}.log`);
      writeFileSync(log, '');
      const r = runCli([...mode, 'sentinel.rules'], { cwd: dir, env: { NODE_OPTIONS: `--require ${PRELOAD}`, SURICATA_LINT_IO_LOG: log }, hangGuardMs: 60_000 });
      expect(r.signal, `the CLI hung (a FIFO sentinel opened?): ${r.stderr}`).toBeNull();
      expect([0, 1]).toContain(r.status);
      const ev = events(log);
      expect(ev[0]?.kind).toBe('ready');
      expect(ev.filter((e) => e.kind === 'forbidden')).toEqual([]);
      // The spy did see the rules file itself, so it was active.
      expect(ev.some((e) => e.kind === 'fs' && e.path?.endsWith('sentinel.rules'))).toBe(true);
      const touched = ev.filter((e) => e.kind === 'fs' && e.path && (sentinels.includes(e.path) || sentinels.some((s) => s.endsWith(`/${e.path}`))));
      expect(touched).toEqual([]);
    });
  }

  it('the preload really catches a network call (control)', () => {
    const log = join(dir, 'io-control.log');
    writeFileSync(log, '');
    const script = "require('node:net').connect(9, '127.0.0.1')";
    let threw = false;
    try {
      execFileSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_OPTIONS: `--require ${PRELOAD}`, SURICATA_LINT_IO_LOG: log }, stdio: 'pipe' });
    } catch {
      threw = true;
    }
    expect(threw).toBe(true);
    expect(events(log).some((e) => e.kind === 'forbidden' && e.call === 'node:net.connect')).toBe(true);
  });
});
