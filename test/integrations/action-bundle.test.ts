/**
 * The GitHub Action runs from a committed, self-contained bundle (action/dist/, built by scripts/bundle-action.mjs):
 * a user's job installs nothing but Node. This test rebuilds it and fails when the committed files are stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMMITTED = join(ROOT, 'action', 'dist');
const hasEsbuild = (() => {
  try {
    createRequire(join(ROOT, 'package.json')).resolve('esbuild');
    return true;
  } catch {
    return false;
  }
})();
if (!hasEsbuild) console.warn('action-bundle: the currency check is skipped: esbuild (a dev dependency) is not installed');

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the Action installs nothing', () => {
  it('action.yml runs the committed bundle with node; no npm step', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { steps: { run?: string }[] } };
    const scripts = action.runs.steps.map((s) => s.run ?? '').join('\n');
    expect(scripts).not.toMatch(/\bnpm\b|\bnpx\b/);
    expect(scripts).toContain('node "$GITHUB_ACTION_PATH/action/dist/suricata-lint.mjs"');
    expect(readdirSync(COMMITTED).sort()).toEqual(['suricata-lint.mjs', 'tree-sitter-terraform.wasm', 'tree-sitter.wasm']);
  });

  it('the bundle runs from a copy of the repository without node_modules (rules, Terraform, a syntax error)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-action-bundle-'));
    temps.push(dir);
    // Copy only action/dist: no node_modules anywhere above it.
    const copy = join(dir, 'action-path');
    spawnSync('cp', ['-r', join(ROOT, 'action'), copy]);
    writeFileSync(join(dir, 'a.rules'), 'drop tls any any -> any any (msg:"x"; flow:to_server; sid:1; rev:1;)\nalert tcp any any -> any any (msg:"y"; sid:2; rev:1; bogus;)\n');
    writeFileSync(join(dir, 'g.tf'), 'resource "aws_networkfirewall_rule_group" "g" {\n  rule_group {\n    rules_source {\n      rules_string = "pass tcp any any -> any any (msg:\\"z\\"; sid:3; rev:1;)"\n    }\n');
    const r = spawnSync(process.execPath, [join(copy, 'dist', 'suricata-lint.mjs'), '-f', 'json', 'a.rules', 'g.tf'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
    expect(r.stderr).toBe('');
    const ids = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string }[] }[]).flatMap((f) => f.diagnostics.map((d) => d.ruleId));
    expect(ids).toEqual(expect.arrayContaining(['tls-client-hello-gate', 'unknown-keyword', 'host-parse-error']));
  });

  it.skipIf(!hasEsbuild)('the committed action/dist/ is what scripts/bundle-action.mjs builds from this tree (else: npm run build:action, commit action/dist/)', () => {
    const out = mkdtempSync(join(tmpdir(), 'sl-action-rebuild-'));
    temps.push(out);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bundle-action.mjs'), '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    for (const name of readdirSync(out)) {
      const fresh = readFileSync(join(out, name));
      const committed = existsSync(join(COMMITTED, name)) ? readFileSync(join(COMMITTED, name)) : Buffer.alloc(0);
      expect(committed.equals(fresh), `action/dist/${name} is stale: run 'npm run build:action' and commit action/dist/`).toBe(true);
    }
  });
});
