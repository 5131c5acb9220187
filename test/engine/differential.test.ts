import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crossCheckCorpora, linterVerdict, parserVerdict, type CrossCheckCase } from '../../src/engine/corpus-crosscheck.js';
import { summarizeCrossCheck } from '../../src/engine/disagreements-report.js';
import { HAS_SURICATA } from '../helpers/suricata.js';

const sharedDir = fileURLToPath(new URL('../../../shared/', import.meta.url));
const hasShared = existsSync(`${sharedDir}corpora`) && existsSync(`${sharedDir}oracle`);
const installed = HAS_SURICATA;
const skipReason = !hasShared ? `../shared (corpora, oracle) not found at ${sharedDir}` : !installed ? 'suricata is not installed (run .ci/install-engine.sh)' : '';
if (skipReason) console.log(`engine differential: live check skipped: ${skipReason}`);

const list = (cases: readonly CrossCheckCase[]) => cases.map((c) => `${c.file}:${c.line}: ${c.ourMessages.join(' / ')}\n    ${c.text}\n    engine: ${c.engine}`);

describe('differential: parser errors vs Suricata', () => {
  it.skipIf(!hasShared || !installed)('the full linter (profile suricata) never errors on a rule the live engine loads, and flags most it rejects', { timeout: 900_000 }, async () => {
    const report = await crossCheckCorpora({ sharedDir, engine: 'live', verdict: linterVerdict });
    console.log(`engine differential (live, full linter)\n${summarizeCrossCheck(report)}`);
    expect(report.checked).toBeGreaterThan(1000);
    expect(report.unchecked).toEqual([]);
    expect(list(report.weRejectEngineAccepts)).toEqual([]);
    expect(report.ruleRejectionsFlagged / report.ruleRejections).toBeGreaterThanOrEqual(0.85);
  });

  it.skipIf(!hasShared)('never reports a parse error on a rule the recorded oracle accepts', { timeout: 300_000 }, async () => {
    const report = await crossCheckCorpora({ sharedDir, engine: 'oracle', verdict: parserVerdict });
    console.log(`engine differential (recorded oracle)\n${summarizeCrossCheck(report)}`);
    expect(report.checked).toBeGreaterThan(1000);
    expect(list(report.weRejectEngineAccepts)).toEqual([]);
  });
});
