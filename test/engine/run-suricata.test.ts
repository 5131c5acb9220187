import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSuricata } from '../../src/engine/run-suricata.js';
import { HAS_SURICATA } from '../helpers/suricata.js';

const installed = HAS_SURICATA;
const basic = readFileSync(new URL('./fixtures/basic.rules', import.meta.url), 'utf8');

describe('runSuricata without an engine', () => {
  it('reports a missing binary with advice', async () => {
    const run = await runSuricata('alert tcp any any -> any any (sid:1;)', { suricataPath: '/nonexistent/suricata' });
    expect(run).toEqual({ status: 'missing', message: 'Suricata was not found at /nonexistent/suricata; check --engine-path, or install Suricata (apt install suricata).', results: [] });
  });

  it('fails cleanly when the program is not Suricata', async () => {
    const run = await runSuricata('alert tcp any any -> any any (sid:1;)', { suricataPath: process.execPath });
    expect(run.status).toBe('failed');
    expect(run.message).toMatch(/did not print a Suricata version/);
  });
});

describe.skipIf(!installed)('runSuricata with the installed Suricata', () => {
  it('gives every statement Suricata\'s verdict (-T)', async () => {
    const run = await runSuricata(basic);
    expect(run.status).toBe('ok');
    expect(run.version).toMatch(/^\d+\.\d+\.\d+$/);
    const verdicts = Object.fromEntries(run.results.map((r) => [r.line, r.verdict]));
    expect(verdicts).toMatchObject({ 2: 'accepted', 3: 'rejected', 4: 'accepted', 6: 'accepted', 8: 'skipped', 12: 'rejected', 15: 'rejected', 17: 'rejected', 18: 'accepted' });
    expect(run.results.find((r) => r.line === 3)?.messages[0].text).toBe("Unknown rule keyword 'foo'.");
  });

  it('adds engine-analysis warnings and rules.json entries with analysis: true', async () => {
    const run = await runSuricata(basic, { analysis: true });
    expect(run.status).toBe('ok');
    expect(Object.keys(run.analysis ?? {})).toContain('13');
    const fourteen = run.results.find((r) => r.line === 14);
    expect(fourteen?.messages.map((m) => m.text)).toContain('Rule is inspecting both the request and the response.');
  });

  it('uses given variable values', async () => {
    const run = await runSuricata('alert tcp $HOME_NET any -> $EXTERNAL_NET any (sid:1;)\n', { variables: [{ name: 'HOME_NET', kind: 'address', value: 'any' }] });
    expect(run.results).toEqual([{ line: 1, verdict: 'accepted', messages: [] }]);
  });

  it('reports a run that times out', async () => {
    const run = await runSuricata(basic, { timeoutMs: 1 });
    expect(run.status).toBe('failed');
    expect(run.message).toMatch(/did not finish within/);
  });
});
