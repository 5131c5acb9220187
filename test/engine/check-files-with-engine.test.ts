import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFilesWithEngine } from '../../src/engine/check-files-with-engine.js';
import type { EngineRuleResult, EngineRun } from '../../src/engine/engine-result.js';
import type { RunSuricataOptions } from '../../src/engine/run-suricata.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function cacheFile(): string {
  const d = mkdtempSync(join(tmpdir(), 'sl-engine-files-'));
  dirs.push(d);
  return join(d, 'engine.json');
}

/** Rejects rules with "stat_code", warns about rules with "any any -> any any", records what it was sent. */
function fakeEngine() {
  const sent: { text: string; opts: RunSuricataOptions }[] = [];
  return {
    sent,
    probe: async () => ({ version: { text: '7.0.10' } }),
    run: async (text: string, opts: RunSuricataOptions): Promise<EngineRun> => {
      sent.push({ text, opts });
      const results = text
        .split('\n')
        .flatMap((l, i): EngineRuleResult[] =>
          !l
            ? []
            : l.includes('stat_code')
              ? [{ line: i + 1, verdict: 'rejected' as const, messages: [{ level: 'error' as const, text: 'Rule 2 mixes keywords with conflicting directions', raw: 'Error: detect-parse: rule 2 mixes keywords with conflicting directions' }] }]
              : l.includes('any any -> any any')
                ? [{ line: i + 1, verdict: 'accepted' as const, messages: [{ level: 'warning' as const, text: 'Rule is inspecting both the request and the response.', raw: 'rules_analysis.txt: Rule is inspecting both the request and the response.' }] }]
                : [{ line: i + 1, verdict: 'accepted' as const, messages: [] }],
        );
      return { status: 'ok', version: '7.0.10', results };
    },
  };
}

const lineCol = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
};

const yamlPath = new URL('./fixtures/cli/rule-group.yaml', import.meta.url);
const yaml = readFileSync(yamlPath, 'utf8');

describe('checkFilesWithEngine', () => {
  it('reports Suricata\'s verdicts on the rule ranges of a .rules file and, in host offsets, of a CloudFormation template', async () => {
    const rules = readFileSync(new URL('./fixtures/cli/engine-only.rules', import.meta.url), 'utf8');
    const engine = fakeEngine();
    const run = await checkFilesWithEngine(
      [
        { path: 'engine-only.rules', text: rules, options: {} },
        { path: 'rule-group.yaml', text: yaml, options: {} },
      ],
      { cacheFile: cacheFile(), engine },
    );
    expect(run.status).toBe('ok');
    if (run.status !== 'ok') return;
    expect(run.checked).toBe(4);
    // Both files hold the same two rules: Suricata sees each once.
    expect(engine.sent).toHaveLength(1);
    expect(engine.sent[0].text.split('\n').filter(Boolean)).toHaveLength(2);
    expect(engine.sent[0].opts.analysis).toBe(true);
    const [inRules, inYaml] = run.diagnostics;
    expect(inRules.map((d) => [d.ruleId, lineCol(rules, d.range.start)])).toEqual([['engine-error', { line: 3, column: 1 }]]);
    expect(inRules[0].message).toBe('Suricata 7.0.10 rejects this rule: the rule mixes keywords with conflicting directions');
    expect(rules.slice(inRules[0].range.start, inRules[0].range.end)).toBe(rules.split('\n')[2]);
    expect(inYaml.map((d) => [d.ruleId, lineCol(yaml, d.range.start)])).toEqual([['engine-error', { line: 14, column: 13 }]]);
    expect(yaml.slice(inYaml[0].range.start, inYaml[0].range.end)).toBe(rules.split('\n')[2]);
  });

  it('checks the rules AWS generates (errors only, labelled) and skips rules on template interpolations', async () => {
    const template = [
      'Resources:',
      '  Generated:',
      '    Type: AWS::NetworkFirewall::RuleGroup',
      '    Properties:',
      '      Type: STATEFUL',
      '      Capacity: 10',
      '      RuleGroup:',
      '        RulesSource:',
      '          RulesSourceList:',
      '            Targets: [evil.example]',
      '            TargetTypes: [TLS_SNI]',
      '            GeneratedRulesType: DENYLIST',
      '  Templated:',
      '    Type: AWS::NetworkFirewall::RuleGroup',
      '    Properties:',
      '      Type: STATEFUL',
      '      Capacity: 10',
      '      RuleGroup:',
      '        RulesSource:',
      '          RulesString: !Sub |',
      '            alert http any any -> any any (msg:"${Env}"; http.stat_code; content:"200"; sid:7;)',
      '            alert tcp any any -> any any (msg:"plain"; sid:8;)',
      '',
    ].join('\n');
    const engine = fakeEngine();
    const run = await checkFilesWithEngine([{ path: 'stack.yaml', text: template, options: {} }], { cacheFile: cacheFile(), engine });
    expect(run.status).toBe('ok');
    if (run.status !== 'ok') return;
    const sentRules = engine.sent.flatMap((s) => s.text.split('\n').filter(Boolean));
    expect(sentRules.some((r) => r.includes('evil.example'))).toBe(true);
    expect(sentRules.some((r) => r.includes('${Env}'))).toBe(false);
    expect(run.diagnostics[0].map((d) => [d.ruleId, lineCol(template, d.range.start).line])).toEqual([['engine-warning', 22]]);
  });

  it('runs without the engine analysis when engine-warning is off, and not at all when both are off', async () => {
    const engine = fakeEngine();
    const file = { path: 'a.rules', text: 'alert tcp any any -> any any (msg:"x"; sid:1;)\n' };
    const quiet = await checkFilesWithEngine([{ ...file, options: { rules: { 'engine-warning': 'off' } } }], { cacheFile: cacheFile(), engine });
    expect(engine.sent[0].opts.analysis).toBe(false);
    expect(quiet.status === 'ok' && quiet.diagnostics[0]).toEqual([]);
    const none = await checkFilesWithEngine([{ ...file, options: { rules: { 'engine-warning': 'off', 'engine-error': 'off' } } }], { cacheFile: cacheFile(), engine });
    expect(engine.sent).toHaveLength(1);
    expect(none).toMatchObject({ status: 'ok', checked: 0, diagnostics: [[]] });
  });

  it('passes on an engine that cannot be used', async () => {
    const missing: EngineRun = { status: 'missing', message: 'Suricata was not found on PATH; install it (apt install suricata) or pass --engine-path.', results: [] };
    const run = await checkFilesWithEngine([{ path: 'a.rules', text: 'alert tcp any any -> any any (sid:1;)\n', options: {} }], {
      cacheFile: cacheFile(),
      engine: { probe: async () => ({ run: missing }), run: async () => missing },
    });
    expect(run).toEqual({ status: 'missing', message: missing.message });
  });
});
