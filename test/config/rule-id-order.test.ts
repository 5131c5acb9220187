import { describe, expect, it } from 'vitest';
import { profileTable } from '../../src/config/profiles.js';
import { ALL_LINT_RULES } from '../../src/rules/index.js';

/*
 * profileTable() and the linter's final sort tie-breaker order rule ids by UTF-16 code unit instead of
 * localeCompare (which initialises ICU collation at start-up). That is only safe while every id the
 * linter can emit sorts the same both ways: checked here over every pair.
 */
const SPECIAL_IDS = [
  'parse-error',
  'internal-error',
  'unused-suppression',
  'engine-error',
  'engine-warning',
  'host-parse-error',
  'host-unresolved-template',
  'generated-rules-note',
  'aws-rule-order-missing',
  'aws-rules-string-too-long',
];
const ids = [...new Set([...ALL_LINT_RULES.map((r) => r.meta.id), ...SPECIAL_IDS])];
const codeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

describe('rule id order', () => {
  it('every rule id is lower-case ASCII kebab-case', () => {
    expect(ids.length).toBeGreaterThan(SPECIAL_IDS.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('code-unit order equals localeCompare order for every pair of ids', () => {
    for (const a of ids) for (const b of ids) expect([a, b, Math.sign(codeUnit(a, b))]).toEqual([a, b, Math.sign(a.localeCompare(b))]);
  });

  it('profileTable is sorted as localeCompare sorts', () => {
    const rows = profileTable().map((r) => r.id);
    expect(rows).toEqual([...rows].sort((a, b) => a.localeCompare(b)));
  });
});
