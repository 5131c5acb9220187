/**
 * `--fix` end to end through the built CLI (issue 8): BOM, CRLF, missing final newline and mode
 * survive; only the fixed bytes change; a symlink out of the tree is not followed silently.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT, runCli } from './run-cli.js';

const RULE = 'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"not allowlisted"; flow:to_server, established; sid:3; rev:1;)';
const FIXED_RULE = 'drop tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; msg:"not allowlisted"; flow:to_server, established; sid:3; rev:1;)';
const INSERTED = 'ssl_state:client_hello; ';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'suricata-lint-e2e-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Dates a file 10 s back: --fix waits for a file modified in the last second to settle (SETTLE_MS), which these tests need not. */
function settled(path: string): void {
  const old = new Date(Date.now() - 10_000);
  utimesSync(path, old, old);
}

const CASES: { name: string; text: string }[] = [
  { name: 'BOM + CRLF + final newline', text: `\uFEFF# allow list\r\n${RULE}\r\npass tls any any -> any any (tls.sni; content:"a.com"; sid:4;)\r\n` },
  { name: 'BOM + CRLF, no final newline', text: `\uFEFF${RULE}\r\n${RULE.replace('sid:3', 'sid:5')}` },
  { name: 'LF, no BOM', text: `${RULE}\n` },
  { name: 'CR only (classic Mac)', text: `# x\r${RULE}\r` },
  { name: 'non-ASCII text around the fix', text: `# règles – ☃\n${RULE.replace('not allowlisted', 'non autorisé ✓')}\n` },
];

describe.skipIf(!BUILT)('suricata-lint --fix keeps the file format', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const file = join(dir, 'f.rules');
      writeFileSync(file, c.text);
      chmodSync(file, 0o604);
      settled(file);
      const r = runCli(['--fix', 'f.rules'], { cwd: dir });
      expect(r.signal).toBeNull();
      // One summary (issue 16 bug 5): the text report's, on stdout.
      expect(r.stdout).toMatch(/Fixed \d+ problems? in 1 file\./);
      expect(r.stderr).not.toMatch(/fixed/);
      const out = readFileSync(file, 'utf8');
      // Only the inserted text differs (and a BOM is removed: Suricata would read it as part of the first
      // rule, byte-order-mark): removing the insertions gives back the original, byte for byte.
      expect(out.split(INSERTED).join('')).toBe(c.text.replace(/^\uFEFF/, ''));
      expect(out).toContain(INSERTED);
      expect(out.split('\n').filter((l) => l.includes('sid:3')).every((l) => l.includes('(ssl_state:client_hello; msg:'))).toBe(true);
      expect(out.startsWith('\uFEFF')).toBe(false);
      expect(out.match(/\r\n/g)?.length ?? 0).toBe(c.text.match(/\r\n/g)?.length ?? 0);
      expect(statSync(file).mode & 0o777).toBe(0o604);
      expect(readdirSync(dir)).toEqual(['f.rules']);
      // Idempotent through the CLI too.
      const again = runCli(['--fix', 'f.rules'], { cwd: dir });
      expect(again.stderr).not.toMatch(/fixed/);
      expect(readFileSync(file, 'utf8')).toBe(out);
    });
  }
});

describe.skipIf(!BUILT)('suricata-lint --fix and symbolic links', () => {
  it('a link inside the folder is fixed through to its target, the link stays a link', () => {
    mkdirSync(join(dir, 'tree', 'shared'), { recursive: true });
    writeFileSync(join(dir, 'tree', 'shared', 'base.rules'), `${RULE}\n`);
    symlinkSync('shared/base.rules', join(dir, 'tree', 'link.rules'));
    const r = runCli(['--fix', 'tree'], { cwd: dir });
    expect(r.signal).toBeNull();
    expect(readFileSync(join(dir, 'tree', 'shared', 'base.rules'), 'utf8')).toBe(`${FIXED_RULE}\n`);
  });

  it('a link out of the folder is reported, not followed, and its target is untouched', () => {
    mkdirSync(join(dir, 'tree'));
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', 'other.rules'), `${RULE}\n`);
    symlinkSync('../elsewhere/other.rules', join(dir, 'tree', 'out.rules'));
    writeFileSync(join(dir, 'tree', 'own.rules'), `${RULE}\n`);
    const r = runCli(['--fix', 'tree'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/tree\/out\.rules: is a symbolic link to .*elsewhere\/other\.rules, outside tree; not followed/);
    expect(readFileSync(join(dir, 'elsewhere', 'other.rules'), 'utf8')).toBe(`${RULE}\n`);
    expect(readFileSync(join(dir, 'tree', 'own.rules'), 'utf8')).toBe(`${FIXED_RULE}\n`);
  });
});
