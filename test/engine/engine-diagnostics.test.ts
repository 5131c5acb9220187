import { describe, expect, it } from 'vitest';
import { engineDiagnostics, readableEngineMessage } from '../../src/engine/engine-diagnostics.js';
import type { EngineRuleResult } from '../../src/engine/engine-result.js';
import { Reporter } from '../../src/linter/report.js';

const range = { start: 10, end: 50 };
const opts = { version: '7.0.10', reporter: new Reporter() };

describe('readableEngineMessage', () => {
  it.each([
    ["Unknown rule keyword 'foo'.", "unknown rule keyword 'foo'"],
    ['Rule 12 mixes keywords with conflicting directions', 'the rule mixes keywords with conflicting directions'],
    ["Signature can't match as required content length 6 exceeds bsize value: 3", 'it can never match: required content length 6 exceeds bsize value: 3'],
    ['Signature missing required value "sid".', 'the required option sid is missing'],
    ['Incomplete hex code in content - |22 2 22|. Invalidating signature.', 'incomplete hex code in content - |22 2 22|'],
    ['Suricata did not meet the rule requirements: Suricata version less than required: version >= 8', 'Suricata version less than required: version >= 8'],
    ['TCP rule without a flow or flags option.', 'TCP rule without a flow or flags option'],
  ])('%s', (input, expected) => {
    expect(readableEngineMessage(input)).toBe(expected);
  });
});

describe('engineDiagnostics', () => {
  it('turns a rejected rule into one engine-error with every reason, keeping the raw lines in the hint', () => {
    const result: EngineRuleResult = {
      line: 3,
      verdict: 'rejected',
      messages: [
        { level: 'warning', text: 'A pattern with uppercase characters detected for http.host.', raw: 'Warning: detect-http-host: rule 11: A pattern with uppercase characters detected for http.host.' },
        { level: 'error', text: "Unknown rule keyword 'foo'.", raw: "Error: detect-parse: unknown rule keyword 'foo'." },
      ],
    };
    expect(engineDiagnostics(result, range, opts)).toEqual([
      {
        ruleId: 'engine-error',
        severity: 'error',
        message: "Suricata 7.0.10 rejects this rule: a pattern with uppercase characters detected for http.host; unknown rule keyword 'foo'",
        hint: "engine said: Warning: detect-http-host: rule 11: A pattern with uppercase characters detected for http.host.\nError: detect-parse: unknown rule keyword 'foo'.",
        range,
      },
    ]);
  });

  it('says so when Suricata rejected a rule without a reason', () => {
    const [d] = engineDiagnostics({ line: 1, verdict: 'rejected', messages: [] }, range, opts);
    expect(d.message).toBe('Suricata 7.0.10 rejects this rule: Suricata logged no reason');
  });

  it('gives each warning about a loaded rule its own engine-warning, naming the engine analysis', () => {
    const result: EngineRuleResult = {
      line: 1,
      verdict: 'accepted',
      messages: [
        { level: 'warning', text: 'Rule is inspecting both the request and the response.', raw: 'rules_analysis.txt: Rule is inspecting both the request and the response.' },
        { level: 'warning', text: 'Something odd.', raw: 'Warning: detect: rule 1: something odd.' },
      ],
    };
    expect(engineDiagnostics(result, range, opts).map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      ['engine-warning', 'warning', "Suricata 7.0.10's engine analysis: rule is inspecting both the request and the response"],
      ['engine-warning', 'warning', 'Suricata 7.0.10 warns about this rule: something odd'],
    ]);
  });

  it('reports a skipped rule (requires: not met) as a warning', () => {
    const result: EngineRuleResult = { line: 1, verdict: 'skipped', messages: [{ level: 'warning', text: 'Suricata did not meet the rule requirements: Suricata version less than required: version >= 8', raw: 'Info: detect-requires: ...' }] };
    expect(engineDiagnostics(result, range, opts)).toMatchObject([
      { ruleId: 'engine-warning', message: 'Suricata 7.0.10 skips this rule, its requires: are not met: Suricata version less than required: version >= 8' },
    ]);
  });

  it('honours configured severities and off', () => {
    const rejected: EngineRuleResult = { line: 1, verdict: 'rejected', messages: [{ level: 'error', text: 'x', raw: 'Error: x' }] };
    const warned: EngineRuleResult = { line: 1, verdict: 'accepted', messages: [{ level: 'warning', text: 'y', raw: 'rules.json: y' }] };
    expect(engineDiagnostics(rejected, range, { ...opts, reporter: new Reporter({ rules: { 'engine-error': 'warning' } }) })[0].severity).toBe('warning');
    expect(engineDiagnostics(rejected, range, { ...opts, reporter: new Reporter({ rules: { 'engine-error': 'off' } }) })).toEqual([]);
    expect(engineDiagnostics(warned, range, { ...opts, reporter: new Reporter({ rules: { 'engine-warning': 'info' } }) })[0].severity).toBe('info');
    expect(engineDiagnostics(warned, range, { ...opts, reporter: new Reporter({ rules: { 'engine-warning': 'off' } }) })).toEqual([]);
  });

  it('labels rules AWS generates and reports only their errors', () => {
    const rejected: EngineRuleResult = { line: 1, verdict: 'rejected', messages: [{ level: 'error', text: 'Bad.', raw: 'Error: bad.' }] };
    const warned: EngineRuleResult = { line: 1, verdict: 'accepted', messages: [{ level: 'warning', text: 'y', raw: 'rules.json: y' }] };
    const generated = { ...opts, generatedLabel: 'Resources.X.RulesSourceList' };
    expect(engineDiagnostics(rejected, range, generated)[0].message).toBe('in the rules AWS generates for Resources.X.RulesSourceList: Suricata 7.0.10 rejects this rule: bad');
    expect(engineDiagnostics(warned, range, generated)).toEqual([]);
  });
});

describe('engineDiagnostics: refusals about this machine are never rule errors (issue 16 bug 4)', () => {
  const rejected = (...texts: string[]): EngineRuleResult => ({ line: 1, verdict: 'rejected', messages: texts.map((text) => ({ level: 'error' as const, text, raw: `Error: x: ${text}` })) });
  it.each([
    ['GeoIP (AWS supports geoip)', ['Unable to locate a GeoIP2database filename in YAML conf.  GeoIP rule matching is disabled.'], 'a GeoIP2 database'],
    ['a dataset file', ["fopen 'dns_string.rep' failed: No such file or directory", "failed to set up dataset 'dns'."], 'the dataset or datarep file'],
    ['Lua', ['Lua rules disabled by security configuration: security.lua.allow-rules'], 'Lua rules enabled'],
    ['iprep categories', ['"dst,BadHosts,>,30" is not a valid setting for iprep'], 'IP reputation categories'],
  ])('%s: one info engine-warning saying the rule was not checked', (_, texts, needs) => {
    const ds = engineDiagnostics(rejected(...texts), range, opts);
    expect(ds.map((d) => [d.ruleId, d.severity])).toEqual([['engine-warning', 'info']]);
    expect(ds[0].message).toContain(`could not check this rule here: it needs ${needs}`);
    expect(ds[0].message).toContain('skipped, not a rule error');
  });
  it('a refusal with any reason about the rule itself stays an engine-error', () => {
    const ds = engineDiagnostics(rejected('Unable to locate a GeoIP2database filename in YAML conf.', "unknown rule keyword 'foo'."), range, opts);
    expect(ds.map((d) => d.ruleId)).toEqual(['engine-error']);
  });
  it('engine-warning off: nothing at all (and never an error)', () => {
    const ds = engineDiagnostics(rejected('Unable to locate a GeoIP2database filename in YAML conf.'), range, { ...opts, reporter: new Reporter({ rules: { 'engine-warning': 'off' } }) });
    expect(ds).toEqual([]);
  });
});
