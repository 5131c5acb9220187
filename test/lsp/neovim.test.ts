import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './lsp-client.js';

/** Debian's neovim (its built-in LSP client); CI installs it. */
const nvim = spawnSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' }).stdout.trim();
const SCRIPT = new URL('./nvim/quickfix.lua', import.meta.url).pathname;

/** A strict-order allow list whose only safe fix is tls-client-hello-gate's (so the quick fix alone equals --fix). */
const SAMPLE = [
  '# TLS allow list, strict order',
  'pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; nocase; endswith; msg:"Allow example.com"; flow:to_server, established; sid:1; rev:1;)',
  'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"not matching any TLS allowlisted FQDNs"; flow:to_server, established; sid:2; rev:1;)',
  '',
].join('\n');

describe.skipIf(!nvim)(`headless Neovim with the language server${nvim ? '' : ' (skipped: nvim is not installed; CI installs Debian neovim)'}`, () => {
  it('receives the diagnostics, applies the tls-client-hello-gate quick fix, writes what suricata-lint --fix writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'suricata-lint-nvim-'));
    try {
      const file = join(dir, 'egress.rules');
      const expected = join(dir, 'expected.rules');
      writeFileSync(file, SAMPLE);
      writeFileSync(expected, SAMPLE);
      const fix = spawnSync(process.execPath, [BIN, '--fix', expected], { cwd: dir, encoding: 'utf8' });
      expect(fix.status, fix.stderr).not.toBe(2);
      expect(readFileSync(expected, 'utf8')).not.toBe(SAMPLE);

      const result = join(dir, 'result.txt');
      const run = spawnSync(nvim, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${SCRIPT}`], {
        cwd: dir,
        env: { ...process.env, SL_FILE: file, SL_BIN: BIN, SL_NODE: process.execPath, SL_RESULT: result, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir },
        encoding: 'utf8',
        timeout: 240_000,
      });
      const said = (() => {
        try {
          return readFileSync(result, 'utf8');
        } catch {
          return `no result file; nvim exit ${run.status}, stderr: ${run.stderr}`;
        }
      })();
      expect(said).toBe('ok');
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(expected, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
