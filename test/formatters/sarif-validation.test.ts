import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, formatSarif } from '../../src/formatters/sarif.js';
import { bigReport, fixtureReport } from './fixture-report.js';

const schema = JSON.parse(readFileSync(new URL('./sarif-2.1.0.schema.json', import.meta.url), 'utf8'));
const sarifText = formatSarif(fixtureReport(), { color: false, repoUrl: 'https://github.com/acme/firewall-rules', sha: '0123456789abcdef0123456789abcdef01234567' });
const sarif = JSON.parse(sarifText);

describe('SARIF against the SARIF 2.1.0 JSON schema (ajv)', () => {
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false });
  (addFormats as unknown as typeof addFormats.default)(ajv);
  const validate = ajv.compile(schema);

  it('the fixture report is schema-valid', () => {
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('a report with many files is schema-valid too', () => {
    expect(validate(JSON.parse(formatSarif(bigReport(3), { color: false })))).toBe(true);
  });

  it('the schema check is real: a broken log is rejected', () => {
    const broken = structuredClone(sarif);
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].tool.driver.name;
    expect(validate(broken)).toBe(false);
  });
});

describe('SARIF content that GitHub code scanning reads', () => {
  const run = sarif.runs[0];
  it('driver rules carry id, descriptions, help text and markdown, and a default level', () => {
    for (const r of run.tool.driver.rules) {
      expect(r.id).toMatch(/^[a-z0-9-]+$/);
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
      expect(r.fullDescription.text.length).toBeGreaterThan(0);
      expect(r.help.text.length).toBeGreaterThan(0);
      expect(r.help.markdown.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note', 'none']).toContain(r.defaultConfiguration.level);
    }
  });
  it('results point into the rules array, use relative URIs under %SRCROOT%, and have unique fingerprints', () => {
    const prints = new Set<string>();
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      const loc = r.locations[0].physicalLocation;
      expect(loc.artifactLocation).toEqual({ uri: 'rules/egress.rules', uriBaseId: '%SRCROOT%' });
      expect(loc.region.startLine).toBeGreaterThan(0);
      prints.add(r.partialFingerprints[FINGERPRINT_KEY]);
    }
    expect(prints.size).toBe(run.results.length);
  });
  it('fix replacements agree with the source text (offsets and line/column address the same characters)', () => {
    const text = fixtureReport().files[0].text;
    const lines = text.split('\n');
    const fixes = run.results.flatMap((r: { fixes?: unknown[] }) => r.fixes ?? []);
    expect(fixes.length).toBeGreaterThan(0);
    for (const fix of fixes as { artifactChanges: { replacements: { deletedRegion: Record<string, number> }[] }[] }[]) {
      for (const { deletedRegion: d } of fix.artifactChanges[0].replacements) {
        const lineStart = lines.slice(0, d.startLine - 1).reduce((n, l) => n + l.length + 1, 0);
        expect(lineStart + d.startColumn - 1).toBe(d.charOffset);
      }
    }
  });
});

/**
 * Microsoft's validator ships as a self-contained .NET executable inside the npm package (no runtime needed).
 * 104 MB, so it is not one of suricata-lint's dependencies: tools/sarif-validator installs it on its own
 * (`npm ci --prefix tools/sarif-validator`, which .ci/run does); without it this test is skipped, saying so.
 */
function multitoolPath(): { path?: string; reason?: string } {
  try {
    const path = createRequire(new URL('../../tools/sarif-validator/package.json', import.meta.url))('@microsoft/sarif-multitool') as string;
    const probe = spawnSync(path, ['--version'], { encoding: 'utf8', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
    if (probe.error) return { reason: `cannot run ${path}: ${probe.error.message}` };
    return { path };
  } catch (e) {
    return { reason: `@microsoft/sarif-multitool is not installed (npm ci --prefix tools/sarif-validator) for ${process.platform}/${process.arch}: ${(e as Error).message.split('\n')[0]}` };
  }
}

const multitool = multitoolPath();
if (multitool.reason) console.warn(`skipping the SARIF Multitool test: ${multitool.reason}`);

describe.skipIf(!multitool.path)('SARIF against Microsoft SARIF Multitool `validate`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suricata-lint-sarif-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports no errors and no warnings on the fixture report (notes are advice and allowed)', () => {
    const input = join(dir, 'report.sarif');
    const output = join(dir, 'validation.sarif');
    writeFileSync(input, sarifText);
    const r = spawnSync(multitool.path!, ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--level', 'Error;Warning'], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    const findings = (JSON.parse(readFileSync(output, 'utf8')).runs[0].results ?? []).map(
      (x: { ruleId: string; level?: string; message: { text?: string; arguments?: string[] } }) => `${x.level ?? 'warning'} ${x.ruleId}: ${x.message.text ?? x.message.arguments?.join(' | ')}`,
    );
    expect({ status: r.status, findings }).toEqual({ status: 0, findings: [] });
  });
});
