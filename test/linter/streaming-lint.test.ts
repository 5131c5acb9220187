import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineLintRule } from '../../src/linter/lint-rule.js';
import { lintFile, lintText, rulesMentioning } from '../../src/linter/linter.js';
import { parseRules } from '../../src/syntax/parse.js';

const samples = new URL('../../rules-samples/', import.meta.url);
const sampleFiles = readdirSync(samples).filter((n) => n.endsWith('.rules'));

const LOOK_AHEAD = [
  '# suricata-lint-disable-next-line missing-msg',
  'alert tls any any -> any any (flowbits:set,seen; flow:to_server; sid:1;)',
  '',
  'drop tls any any -> any any (FLOWBITS:isset,seen; flow:to_server; sid:2;)',
  '  drop tcp any any -> any any (sid:2;)',
  '# suricata-lint-disable-next-line',
].join('\n');

describe('lintText streams statements', () => {
  it.each(sampleFiles)('finds in %s exactly what lintFile finds on the whole tree', (name) => {
    const text = readFileSync(new URL(name, samples), 'utf8');
    for (const options of [{}, { profile: 'suricata' as const }, { ruleOrder: 'strict' as const }]) {
      expect(lintText(text, options)).toEqual(lintFile(parseRules(text), options));
    }
  });

  it('looks ahead (a flowbit a later blocking rule reads), keeps suppressions and file checks in order', () => {
    const streamed = lintText(LOOK_AHEAD, { profile: 'suricata', inline: true });
    expect(streamed).toEqual(lintFile(parseRules(LOOK_AHEAD), { profile: 'suricata', inline: true }));
    const ids = streamed.map((d) => d.ruleId);
    expect(ids).toContain('tls-client-hello-gate');
    expect(streamed.find((d) => d.ruleId === 'tls-client-hello-gate' && d.message.includes("flowbit 'seen'"))).toBeDefined();
    expect(ids).toContain('indented-rule');
    // The indented rule is not loaded under the suricata profile, so its sid:2 is not a duplicate.
    expect(ids).not.toContain('duplicate-sid');
    // The first rule's findings of the suppressed id are gone, the trailing directive is unused.
    const line2 = { start: LOOK_AHEAD.indexOf('alert'), end: LOOK_AHEAD.indexOf('\n', LOOK_AHEAD.indexOf('alert')) };
    expect(streamed.filter((d) => d.ruleId === 'missing-msg' && d.range.start >= line2.start && d.range.start <= line2.end)).toEqual([]);
    expect(streamed.filter((d) => d.ruleId === 'missing-msg').length).toBeGreaterThan(0);
    expect(ids.filter((i) => i === 'unused-suppression')).toHaveLength(1);
  });

  it('rulesMentioning parses only the checked rules that contain the word, case-insensitively', () => {
    const found = [...rulesMentioning(LOOK_AHEAD, 'flowbits')].map((r) => LOOK_AHEAD.slice(r.range.start, r.range.end));
    expect(found).toEqual(['alert tls any any -> any any (flowbits:set,seen; flow:to_server; sid:1;)', 'drop tls any any -> any any (FLOWBITS:isset,seen; flow:to_server; sid:2;)']);
    expect([...rulesMentioning(LOOK_AHEAD, 'sid', { profile: 'aws-nfw' })]).toHaveLength(3);
    expect([...rulesMentioning(LOOK_AHEAD, 'sid', { profile: 'suricata' })]).toHaveLength(2);
  });

  it('turns a crashing file check into one internal-error and runs the rest', () => {
    let seen = 0;
    const crashing = defineLintRule({
      meta: { id: 'crashing-file-check', category: 'hygiene', severity: { 'aws-nfw': 'error', suricata: 'error' }, fix: 'none', docs: { summary: 's', rationale: 'r' } },
      checkFile: () => ({
        rule() {
          seen++;
          throw new Error('boom');
        },
      }),
    });
    const ds = lintText('alert tcp any any -> any any (sid:1;)\nalert tcp any any -> any any (sid:2;)\n', {}, [crashing]);
    expect(seen).toBe(1);
    expect(ds).toHaveLength(1);
    expect(ds[0].ruleId).toBe('internal-error');
    expect(ds[0].message).toContain("'crashing-file-check' crashed: boom");
  });
});
