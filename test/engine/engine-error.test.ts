import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFilesWithEngine } from '../../src/engine/check-files-with-engine.js';
import type { EngineRun } from '../../src/engine/engine-result.js';
import { lintText } from '../../src/linter/linter.js';
import engineError from '../../src/rules/engine-error.js';
import { HAS_SURICATA } from '../helpers/suricata.js';

const live = HAS_SURICATA;
const dir = mkdtempSync(join(tmpdir(), 'sl-engine-error-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rejectAll = {
  probe: async () => ({ version: { text: '7.0.10' } }),
  run: async (text: string): Promise<EngineRun> => ({
    status: 'ok',
    version: '7.0.10',
    results: text.split('\n').flatMap((l, i) => (l ? [{ line: i + 1, verdict: 'rejected' as const, messages: [{ level: 'error' as const, text: 'Bad.', raw: 'Error: x: bad.' }] }] : [])),
  }),
};

describe('engine-error', () => {
  const { meta } = engineError;

  it('is meta-only: reported by --engine suricata, never by the static lint', () => {
    expect(engineError.checkRule).toBeUndefined();
    expect(engineError.checkFile).toBeUndefined();
    expect(meta).toMatchObject({ id: 'engine-error', category: 'engine', fix: 'none', severity: { 'aws-nfw': 'error', suricata: 'error' } });
    expect(lintText(meta.docs.badExample ?? '', { profile: 'suricata' }).filter((d) => d.ruleId === 'engine-error')).toEqual([]);
  });

  it.each([
    [{}, 'error'],
    [{ profile: 'suricata' as const }, 'error'],
    [{ rules: { 'engine-error': 'warning' as const } }, 'warning'],
    [{ rules: { 'engine-error': 'off' as const } }, undefined],
  ])('options %j give severity %s', async (options, severity) => {
    const run = await checkFilesWithEngine([{ path: 'a.rules', text: 'alert tcp any any -> any any (sid:1;)\n', options }], { cacheFile: join(dir, 'cache.json'), engine: rejectAll });
    expect(run.status === 'ok' && run.diagnostics[0].map((d) => d.severity)).toEqual(severity ? [severity] : []);
  });

  it.skipIf(!live)("the documented examples: Suricata rejects the bad one and loads the good one", async () => {
    const text = `${meta.docs.badExample}\n${meta.docs.goodExample}\n`;
    const run = await checkFilesWithEngine([{ path: 'examples.rules', text, options: { profile: 'suricata' } }], { cacheFile: join(dir, 'live.json') });
    expect(run.status).toBe('ok');
    if (run.status !== 'ok') return;
    const errors = run.diagnostics[0].filter((d) => d.ruleId === 'engine-error');
    expect(errors.map((d) => d.range.start)).toEqual([0]);
    expect(errors[0].message).toMatch(/^Suricata \d+\.\d+\.\d+ rejects this rule: the rule mixes keywords with conflicting directions$/);
  });
});
