import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import { fixtureReport } from './fixture-report.js';

const EXTENSION: Record<string, string> = {
  text: 'txt',
  json: 'json',
  'json-v1': 'v1.json',
  sarif: 'sarif',
  github: 'github.txt',
  markdown: 'md',
  junit: 'junit.xml',
  gitlab: 'gitlab.json',
};

describe('every format on the shared fixture report', () => {
  const report = fixtureReport();

  it('the fixture has findings of every severity, safe, unsafe and display-only fixes, and a clean file', () => {
    const ds = report.files[0].diagnostics;
    expect(new Set(ds.map((d) => d.severity))).toEqual(new Set(['error', 'warning', 'info']));
    expect(ds.some((d) => d.fix?.applicability === 'safe')).toBe(true);
    expect(ds.some((d) => d.fix?.applicability === 'unsafe')).toBe(true);
    expect(ds.some((d) => d.suggestions?.length)).toBe(true);
    expect(report.files[1].diagnostics).toEqual([]);
  });

  it('every registered format has a snapshot', () => {
    expect(Object.keys(FORMATTERS).sort()).toEqual(Object.keys(EXTENSION).sort());
  });

  for (const [name, ext] of Object.entries(EXTENSION)) {
    it(`${name}`, async () => {
      const out = FORMATTERS[name](report, { color: false, repoUrl: 'https://github.com/acme/firewall-rules', sha: '0123456789abcdef0123456789abcdef01234567' });
      await expect(out).toMatchFileSnapshot(`__snapshots__/report.${ext}`);
    });
  }

  it('text with colours', async () => {
    await expect(FORMATTERS.text(report, { color: true })).toMatchFileSnapshot('__snapshots__/report.color.txt');
  });
});
