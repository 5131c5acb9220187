import { describe, expect, it } from 'vitest';
import { runLint, type Io, type LintArgs } from '../../src/cli/commands/lint.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { engineDiagnostics } from '../../src/engine/engine-diagnostics.js';
import type { LintOptions } from '../../src/linter/lint-options.js';
import { lintSource } from '../../src/linter/lint-source.js';
import { lintText } from '../../src/linter/linter.js';
import { Reporter } from '../../src/linter/report.js';
import { defineLintRule } from '../../src/linter/lint-rule.js';
import { findDuplicateSids } from '../../src/rules/utils/find-duplicate-sids.js';
import { ALL_LINT_RULES } from '../../src/rules/index.js';

/*
 * Every producer of diagnostics goes through one Reporter: `--rule ID=off` silences it, `--rule ID=error`
 * sets its severity, and the profile's table turns it off. One row per producer.
 */

const CFN_WITHOUT_ORDER = `Resources:
  Egress:
    Type: AWS::NetworkFirewall::RuleGroup
    Properties:
      RuleGroupName: egress
      Type: STATEFUL
      Capacity: 10
      RuleGroup:
        RulesSource:
          RulesString: |
            pass tls any any -> any any (ssl_state:client_hello; tls.sni; content:"a.example"; msg:"a"; sid:1;)
`;
const DOMAIN_LIST = JSON.stringify(
  { RuleGroup: { RulesSource: { RulesSourceList: { Targets: ['.example.com'], TargetTypes: ['TLS_SNI'], GeneratedRulesType: 'ALLOWLIST' } }, StatefulRuleOptions: { RuleOrder: 'STRICT_ORDER' } } },
  null,
  2,
);
const TEMPLATED = `resource "aws_networkfirewall_rule_group" "t" {
  capacity = 10
  name     = "t"
  type     = "STATEFUL"
  rule_group {
    rules_source {
      rules_string = "alert tcp any any -> any \${var.port} (msg:\\"a\\"; sid:1; rev:1;)"
    }
    stateful_rule_options { rule_order = "STRICT_ORDER" }
  }
}
`;

interface Producer {
  /** What produces it. */
  readonly producer: string;
  readonly id: string;
  /** The diagnostics of this id under the options. */
  readonly run: (options: LintOptions) => Diagnostic[] | Promise<Diagnostic[]>;
  /** Whether the profile `suricata` turns it off in the rule's table (checked against the table below). */
  readonly offUnderSuricata?: boolean;
}

const only = (id: string, ds: readonly Diagnostic[]) => ds.filter((d) => d.ruleId === id);

const PRODUCERS: readonly Producer[] = [
  { producer: 'a lint rule (per statement)', id: 'keyword-duplicate', run: (o) => only('keyword-duplicate', lintText('alert tcp any any -> any any (msg:"a"; msg:"b"; sid:1; rev:1;)\n', o)) },
  {
    producer: 'a lint rule with its own per-finding severity',
    id: 'tls-client-hello-gate',
    // The table says error under aws-nfw; on a pass rule the finding lowers its own severity to warning, and a configured severity wins.
    // Run inline: passively (the suricata profile's default) the TLS checks are off.
    run: (o) => only('tls-client-hello-gate', lintText('pass tls any any -> any 443 (msg:"a"; flow:to_server; sid:1; rev:1;)\n', { inline: true, ...o })),
  },
  { producer: 'a host adapter (CloudFormation)', id: 'aws-rule-order-missing', run: (o) => only('aws-rule-order-missing', lintSource('t.yaml', CFN_WITHOUT_ORDER, o)), offUnderSuricata: true },
  { producer: 'a host adapter (JSON)', id: 'host-parse-error', run: (o) => only('host-parse-error', lintSource('t.json', '{ "RuleGroup": ', o)) },
  { producer: 'the host linter (generated rules)', id: 'generated-rules-note', run: (o) => only('generated-rules-note', lintSource('g.json', DOMAIN_LIST, o)), offUnderSuricata: true },
  { producer: 'the host linter (templates)', id: 'host-unresolved-template', run: async (o) => only('host-unresolved-template', await lintTerraform(TEMPLATED, o)) },
  {
    producer: 'the suppression pass',
    id: 'unused-suppression',
    run: (o) => only('unused-suppression', lintText('# suricata-lint-disable-next-line missing-msg\nalert tcp any any -> any any (msg:"a"; sid:1; rev:1;)\n', o)),
  },
  {
    producer: 'the engine',
    id: 'engine-error',
    run: (o) => engineDiagnostics({ line: 0, verdict: 'rejected', messages: [] }, { start: 0, end: 1 }, { version: '7.0.10', reporter: new Reporter(o) }),
  },
  {
    producer: 'the engine (warnings)',
    id: 'engine-warning',
    run: (o) => engineDiagnostics({ line: 0, verdict: 'skipped', messages: [] }, { start: 0, end: 1 }, { version: '7.0.10', reporter: new Reporter(o) }),
  },
  {
    producer: 'duplicate sids across files',
    id: 'duplicate-sid',
    run: (o) =>
      findDuplicateSids(
        [
          { path: 'a.rules', text: 'alert tcp any any -> any 1 (msg:"a"; sid:9; rev:1;)\n' },
          { path: 'b.rules', text: 'alert tcp any any -> any 2 (msg:"b"; sid:9; rev:1;)\n' },
        ],
        // duplicate-sid is off under aws-nfw (each file is its own rule group): these rows run under suricata.
        { profile: 'suricata', ...o },
      ).map((f) => f.diagnostic),
  },
];

async function lintTerraform(text: string, o: LintOptions): Promise<Diagnostic[]> {
  const { loadHclGrammar } = await import('../../src/inputs/hcl-grammar.js');
  await loadHclGrammar();
  return lintSource('t.tf', text, o);
}

describe('one reporting path: every producer honours --rule and the profile table', () => {
  const table = new Map(ALL_LINT_RULES.map((r) => [r.meta.id as string, r.meta]));
  for (const p of PRODUCERS) {
    describe(`${p.id} (${p.producer})`, () => {
      it('is reported by default', async () => {
        expect((await p.run({})).length).toBeGreaterThan(0);
      });
      it(`--rule ${p.id}=off silences it`, async () => {
        expect(await p.run({ rules: { [p.id]: 'off' } })).toEqual([]);
      });
      it(`--rule ${p.id}=error makes it an error, and =info an info`, async () => {
        const errors = await p.run({ rules: { [p.id]: 'error' } });
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.map((d) => d.severity)).toEqual(errors.map(() => 'error'));
        const infos = await p.run({ rules: { [p.id]: 'info' } });
        expect(infos.map((d) => d.severity)).toEqual(infos.map(() => 'info'));
      });
      it('follows the profile table under --profile suricata', async () => {
        const setting = table.get(p.id)!.severity.suricata;
        expect(setting === 'off', 'offUnderSuricata matches the table').toBe(!!p.offUnderSuricata);
        const ds = await p.run({ profile: 'suricata' });
        if (setting === 'off') expect(ds).toEqual([]);
        else expect(ds.length).toBeGreaterThan(0);
      });
    });
  }

  it("a finding's own severity applies unless the run configures the rule", () => {
    const pass = 'pass tls any any -> any 443 (msg:"a"; flow:to_server; sid:1; rev:1;)\n';
    expect(only('tls-client-hello-gate', lintText(pass)).map((d) => d.severity)).toEqual(['warning']);
    expect(only('tls-client-hello-gate', lintText(pass, { rules: { 'tls-client-hello-gate': 'error' } })).map((d) => d.severity)).toEqual(['error']);
  });

  it('a crashing lint rule is an internal-error, whatever the settings', () => {
    const boom = defineLintRule({
      meta: { id: 'boom', category: 'hygiene', severity: { 'aws-nfw': 'info', suricata: 'info' }, fix: 'none', docs: { summary: 'crashes', rationale: 'for the test' } },
      checkRule() {
        throw new Error('bang');
      },
    });
    const ds = lintText('alert tcp any any -> any any (sid:1;)\n', { rules: { 'internal-error': 'off' } }, [boom]);
    expect(ds.map((d) => [d.ruleId, d.severity])).toEqual([['internal-error', 'error']]);
  });

  it('caps a fix at the rule ceiling', () => {
    const r = new Reporter();
    const fix = { title: 't', applicability: 'safe' as const, edits: [] };
    // missing-rev's ceiling, whatever it is, bounds the fix; a rule with none loses it.
    expect(r.report({ ruleId: 'aws-rule-order-missing', message: 'm', range: { start: 0, end: 0 }, fix })?.fix).toBeUndefined();
    expect(r.report({ ruleId: 'tls-client-hello-gate', message: 'm', range: { start: 0, end: 0 }, fix })?.fix).toEqual(fix);
  });

  it('carries related locations', () => {
    const related = [{ range: { start: 1, end: 2 }, message: 'first used here' }];
    expect(new Reporter().report({ ruleId: 'duplicate-sid', message: 'm', range: { start: 0, end: 0 }, related })).toBeUndefined();
    expect(new Reporter({ profile: 'suricata' }).report({ ruleId: 'duplicate-sid', message: 'm', range: { start: 0, end: 0 }, related })?.related).toEqual(related);
  });
});

describe('the three severity bugs, through the CLI', () => {
  const io = (): Io & { out: string; err: string } => {
    const o = { out: '', err: '', stdout: (s: string) => void (o.out += s), stderr: (s: string) => void (o.err += s), readStdin: async () => '', isTTY: false };
    return o;
  };
  const args = (paths: string[], extra: Partial<LintArgs>): LintArgs => ({
    paths,
    format: 'json',
    fix: false,
    diff: false,
    unsafeFixes: false,
    rule: [],
    quiet: false,
    stdin: false,
    threads: 1,
    ...extra,
  });
  const ids = async (text: string, name: string, extra: Partial<LintArgs>) => {
    const out = io();
    await runLint(args([], { ...extra, stdin: true, stdinFilename: name }), { ...out, readStdin: async () => text });
    const files = JSON.parse(out.out) as { diagnostics: { ruleId: string; severity: string }[] }[];
    return files.flatMap((f) => f.diagnostics.map((d) => `${d.ruleId}:${d.severity}`));
  };

  it('--rule generated-rules-note=off does not report it', async () => {
    expect(await ids(DOMAIN_LIST, 'g.json', {})).toContain('generated-rules-note:info');
    expect((await ids(DOMAIN_LIST, 'g.json', { rule: ['generated-rules-note=off'] })).filter((x) => x.startsWith('generated-rules-note'))).toEqual([]);
  });
  it('--rule aws-rule-order-missing=error reports an error', async () => {
    expect((await ids(CFN_WITHOUT_ORDER, 't.yaml', { rule: ['aws-rule-order-missing=error'] })).filter((x) => x.startsWith('aws-rule-order-missing'))).toEqual([
      'aws-rule-order-missing:error',
    ]);
  });
  it('--profile suricata does not report aws-rule-order-missing (its table says off)', async () => {
    expect(await ids(CFN_WITHOUT_ORDER, 't.yaml', {})).toContain('aws-rule-order-missing:warning');
    expect((await ids(CFN_WITHOUT_ORDER, 't.yaml', { profile: 'suricata' })).filter((x) => x.startsWith('aws-rule-order-missing'))).toEqual([]);
  });
});
