import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFilesWithEngine } from '../../src/engine/check-files-with-engine.js';
import type { EngineRun } from '../../src/engine/engine-result.js';
import { lintText } from '../../src/linter/linter.js';
import engineWarning from '../../src/rules/engine-warning.js';
import { HAS_SURICATA } from '../helpers/suricata.js';

const live = HAS_SURICATA;
const dir = mkdtempSync(join(tmpdir(), 'sl-engine-warning-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const warnAll = {
  probe: async () => ({ version: { text: '7.0.10' } }),
  run: async (text: string): Promise<EngineRun> => ({
    status: 'ok',
    version: '7.0.10',
    results: text.split('\n').flatMap((l, i) => (l ? [{ line: i + 1, verdict: 'accepted' as const, messages: [{ level: 'warning' as const, text: 'Hm.', raw: 'rules.json: hm.' }] }] : [])),
  }),
};

describe('engine-warning', () => {
  const { meta } = engineWarning;

  it('is meta-only: reported by --engine suricata, never by the static lint', () => {
    expect(engineWarning.checkRule).toBeUndefined();
    expect(engineWarning.checkFile).toBeUndefined();
    expect(meta).toMatchObject({ id: 'engine-warning', category: 'engine', fix: 'none', severity: { 'aws-nfw': 'warning', suricata: 'warning' } });
    expect(lintText(meta.docs.badExample ?? '').filter((d) => d.ruleId === 'engine-warning')).toEqual([]);
  });

  it.each([
    [{}, 'warning'],
    [{ rules: { 'engine-warning': 'error' as const } }, 'error'],
    [{ rules: { 'engine-warning': 'off' as const } }, undefined],
  ])('options %j give severity %s', async (options, severity) => {
    const run = await checkFilesWithEngine([{ path: 'a.rules', text: 'alert tcp any any -> any any (sid:1;)\n', options }], { cacheFile: join(dir, 'cache.json'), engine: warnAll });
    expect(run.status === 'ok' && run.diagnostics[0].map((d) => [d.severity, d.message])).toEqual(severity ? [[severity, "Suricata 7.0.10's engine analysis: hm"]] : []);
  });

  it.skipIf(!live)('the documented examples: the engine analysis warns about the bad one only', async () => {
    const text = `${meta.docs.badExample}\n${meta.docs.goodExample?.replace('sid:1;', 'sid:2;')}\n`;
    const run = await checkFilesWithEngine([{ path: 'examples.rules', text, options: {} }], { cacheFile: join(dir, 'live.json') });
    expect(run.status).toBe('ok');
    if (run.status !== 'ok') return;
    expect(run.diagnostics[0].map((d) => [d.ruleId, d.range.start, d.message.replace(/\d+\.\d+\.\d+/, 'X')])).toEqual([
      ['engine-warning', 0, "Suricata X's engine analysis: rule is inspecting both the request and the response"],
    ]);
  });
});
