import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_LINT_RULES } from '../../src/rules/index.js';

const rulesDir = fileURLToPath(new URL('../../src/rules/', import.meta.url));
/** Where a rule's table-driven test may live: test/<area>/<rule-id>.test.ts. */
const testDirs = ['rules', 'tls', 'inputs', 'linter', 'engine'].map((d) => fileURLToPath(new URL(`../${d}/`, import.meta.url)));
const files = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
const ids = ALL_LINT_RULES.map((r) => r.meta.id);

describe('rule registry', () => {
  it('registers every file in src/rules, with file name = id', () => {
    expect([...ids].sort()).toEqual(files.map((f) => f.slice(0, -3)).sort());
  });

  it('has unique kebab-case ids, sorted', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(ids).toEqual([...ids].sort());
  });

  it('documents every rule (summary, rationale, bad example) and gives both profile severities', () => {
    for (const { meta } of ALL_LINT_RULES) {
      expect(meta.docs.summary.length, meta.id).toBeGreaterThan(10);
      expect(meta.docs.rationale.length, meta.id).toBeGreaterThan(20);
      expect(meta.docs.badExample, meta.id).toBeTruthy();
      expect(['off', 'info', 'warning', 'error']).toContain(meta.severity['aws-nfw']);
      expect(['off', 'info', 'warning', 'error']).toContain(meta.severity.suricata);
      if (meta.fix !== 'none') expect(meta.docs.fixSafety, meta.id).toBeTruthy();
    }
  });

  it('has a test file per rule', () => {
    for (const id of ids) {
      expect(testDirs.some((d) => existsSync(`${d}${id}.test.ts`)), `test/<area>/${id}.test.ts`).toBe(true);
    }
  });
});
