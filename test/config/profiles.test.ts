import { describe, expect, it } from 'vitest';
import { effectiveSeverity, PROFILE_NAMES, PROFILES, profileTable } from '../../src/config/profiles.js';
import { ALL_LINT_RULES } from '../../src/rules/index.js';

describe('profiles', () => {
  it('has one row per registered rule, from its meta', () => {
    const rows = profileTable();
    expect(rows.map((r) => r.id)).toEqual(ALL_LINT_RULES.map((r) => r.meta.id).sort());
    for (const p of PROFILE_NAMES) for (const r of ALL_LINT_RULES) expect(PROFILES[p][r.meta.id]).toBe(r.meta.severity[p]);
  });

  it('keeps AWS-only checks out of the suricata profile and the reverse', () => {
    expect(PROFILES.suricata['aws-unsupported-keyword']).toBe('off');
    expect(PROFILES['aws-nfw']['aws-unsupported-keyword']).toBe('error');
    expect(PROFILES['aws-nfw']['aws-only-keyword']).toBe('off');
    expect(PROFILES.suricata['aws-only-keyword']).toBe('error');
  });

  it('resolves overrides before profile defaults', () => {
    expect(effectiveSeverity('missing-rev', 'suricata')).toBe('off');
    expect(effectiveSeverity('missing-rev', 'suricata', { 'missing-rev': 'warning' })).toBe('warning');
    expect(effectiveSeverity('nope', 'suricata')).toBeUndefined();
  });
});
