import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { mergeEngineConfirmations } from '../../src/engine/engine-confirmation.js';
import { BUILT, runCli } from '../cli-safety/run-cli.js';
import { HAS_SURICATA } from '../helpers/suricata.js';

const d = (ruleId: string, severity: Diagnostic['severity'], start: number, end: number, message = ruleId): Diagnostic => ({ ruleId, severity, message, range: { start, end } }) as Diagnostic;

describe('mergeEngineConfirmations: one finding per problem', () => {
  it('an engine-error on a rule with a static error becomes a note on the static finding', () => {
    const merged = mergeEngineConfirmations([d('unknown-keyword', 'error', 40, 48)], [d('engine-error', 'error', 0, 60, 'Suricata 7.0.10 rejects this rule: unknown rule keyword')]);
    expect(merged).toHaveLength(1);
    expect(merged[0].ruleId).toBe('unknown-keyword');
    expect(merged[0].related).toEqual([{ range: { start: 0, end: 0 }, message: 'Suricata 7.0.10 rejects this rule: unknown rule keyword' }]);
  });
  it.each([
    ['a static warning only', [d('missing-rev', 'warning', 10, 12)]],
    ['a static error on another rule', [d('unknown-keyword', 'error', 70, 80)]],
    ['no static finding', []],
  ])('the engine-error stays its own finding with %s', (_, staticFindings) => {
    const merged = mergeEngineConfirmations(staticFindings, [d('engine-error', 'error', 0, 60)]);
    expect(merged.filter((x) => x.ruleId === 'engine-error')).toHaveLength(1);
    expect(merged).toHaveLength(staticFindings.length + 1);
  });
  it('engine warnings are kept as they are', () => {
    expect(mergeEngineConfirmations([d('unknown-keyword', 'error', 40, 48)], [d('engine-warning', 'warning', 0, 60)])).toHaveLength(2);
  });
});

describe.skipIf(!BUILT || !HAS_SURICATA)('--engine: a rule refused by both counts once (needs suricata on PATH and a build)', () => {
  it('the summary counts one error and the note carries Suricata\'s reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-confirm-'));
    try {
      writeFileSync(join(dir, 'a.rules'), 'alert tcp any any -> any any (msg:"x"; sid:1; rev:1; bogus_kw;)\n');
      const r = runCli(['--engine', 'suricata', '--rule', 'engine-warning=off', 'a.rules'], { cwd: dir, env: { XDG_CACHE_HOME: dir } });
      expect(r.stdout).toContain('✖ 1 problem (1 error');
      expect(r.stdout).toMatch(/= note: Suricata \d+\.\d+\.\d+ rejects this rule: unknown rule keyword 'bogus_kw'/);
      expect(r.stdout).not.toContain('engine-error');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a geoip rule under aws-nfw: not an error (this machine has no GeoIP2 database; AWS supports geoip), exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-geoip-'));
    try {
      writeFileSync(join(dir, 'g.rules'), 'drop ip $HOME_NET any -> any any (msg:"geo"; geoip:dst,RU; sid:1; rev:1;)\n');
      const r = runCli(['--engine', 'suricata', '-f', 'json', 'g.rules'], { cwd: dir, env: { XDG_CACHE_HOME: dir } });
      expect(r.status).toBe(0);
      const [file] = JSON.parse(r.stdout) as { diagnostics: { ruleId: string; severity: string; message: string }[] }[];
      expect(file.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(file.diagnostics.map((d) => d.message).join('\n')).toMatch(/could not check this rule here: it needs a GeoIP2 database/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
