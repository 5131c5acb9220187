import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, buildBaseline, parseBaseline } from '../../src/linter/baseline.js';
import type { FileReport } from '../../src/linter/lint-report.js';
import { lintText } from '../../src/linter/linter.js';
import { BUILT, runCli } from '../cli-safety/run-cli.js';

const NO_MSG = 'alert tcp any any -> any any (sid:1;)';
const UNGATED = 'drop tls any any -> any any (msg:"x"; flow:to_server; sid:2; rev:1;)';
const report = (text: string, path = 'a.rules'): FileReport => ({ path, text, diagnostics: lintText(text) });
const same = (p: string) => p;

describe('baseline: fingerprints survive line moves; only new findings are reported', () => {
  const before = [report(`${NO_MSG}\n${UNGATED}\n`)];
  const baseline = buildBaseline(before, same);

  it('accepts every finding of the run it was built from', () => {
    expect(before[0].diagnostics.map((d) => d.ruleId).sort()).toEqual(['missing-msg', 'tls-client-hello-gate']);
    const r = applyBaseline(before, baseline, same);
    expect(r.files[0].diagnostics).toEqual([]);
    expect(r.hidden).toBe(2);
    expect(r.stale).toEqual([]);
  });

  it('lines moved (a comment and a rule inserted above): the old findings stay accepted, the new one is reported', () => {
    const after = [report(`# moved down\n${NO_MSG.replace('sid:1', 'sid:1')}\nalert tcp any any -> any any (sid:7;)\n${UNGATED}\n`)];
    const r = applyBaseline(after, baseline, same);
    expect(r.files[0].diagnostics.map((d) => [d.ruleId, d.range.start])).toEqual([['missing-msg', after[0].text.indexOf('alert tcp any any -> any any (sid:7')]]);
    expect(r.stale).toEqual([]);
  });

  it('a fixed finding leaves a stale entry; files not linted in this run are neither used nor stale', () => {
    const fixed = [report(`${NO_MSG}\n${UNGATED.replace('(', '(ssl_state:client_hello; ')}\n`)];
    const r = applyBaseline(fixed, baseline, same);
    expect(r.stale.map((e) => e.ruleId)).toEqual(['tls-client-hello-gate']);
    expect(applyBaseline([report(UNGATED, 'other.rules')], baseline, same).stale).toEqual([]);
  });

  it('counts: two identical findings accepted once leave one reported', () => {
    const one = buildBaseline([report(`${NO_MSG}\n`)], same);
    const r = applyBaseline([report(`${NO_MSG}\n${NO_MSG}\n`)], one, same);
    expect(r.files[0].diagnostics.filter((d) => d.ruleId === 'missing-msg')).toHaveLength(1);
  });

  it('parseBaseline never throws and says what is wrong', () => {
    expect(parseBaseline('{')).toMatch(/^not JSON/);
    expect(parseBaseline('{"entries": 3}')).toMatch(/not a suricata-lint baseline/);
    expect(parseBaseline(JSON.stringify(baseline))).toEqual(baseline);
  });
});

describe.skipIf(!BUILT)('--baseline / --write-baseline (built CLI)', () => {
  it('write, then fail only on new findings; stale entries named; a missing file is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-baseline-'));
    try {
      writeFileSync(join(dir, 'a.rules'), `${UNGATED}\n`);
      const w = runCli(['--baseline', 'base.json', '--write-baseline', 'a.rules'], { cwd: dir });
      expect(w.status).toBe(0);
      expect(w.stderr).toContain('wrote the baseline base.json: 1 finding accepted');
      expect(JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')).entries[0]).toMatchObject({ path: 'a.rules', ruleId: 'tls-client-hello-gate', count: 1 });
      writeFileSync(join(dir, 'a.rules'), `# header\n${UNGATED}\n${UNGATED.replace('sid:2', 'sid:3').replace('"x"', '"y"')}\n`);
      const r = runCli(['--baseline', 'base.json', '-f', 'json', 'a.rules'], { cwd: dir });
      expect(r.status).toBe(1);
      const [file] = JSON.parse(r.stdout) as { diagnostics: { line: number }[] }[];
      expect(file.diagnostics.length).toBeGreaterThan(0);
      expect([...new Set(file.diagnostics.map((d) => d.line))]).toEqual([3]);
      writeFileSync(join(dir, 'a.rules'), '# all fixed\n');
      expect(runCli(['--baseline', 'base.json', 'a.rules'], { cwd: dir }).stderr).toContain('1 entry matches no finding any more');
      expect(runCli(['--baseline', 'nope.json', 'a.rules'], { cwd: dir }).status).toBe(2);
      expect(runCli(['--write-baseline', 'a.rules'], { cwd: dir }).stderr).toContain('--write-baseline needs --baseline FILE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
