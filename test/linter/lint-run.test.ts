import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runLint, type Io, type LintArgs } from '../../src/cli/commands/lint.js';
import { fixText } from '../../src/fix/fix-loop.js';
import { formatJson } from '../../src/formatters/json.js';
import { lintRun } from '../../src/linter/lint-run.js';
import { looksLikeRuleGroupHost } from '../../src/inputs/host-adapter.js';
import { lintSource } from '../../src/linter/lint-source.js';
import { runFacts } from '../../src/linter/run-rule-set-facts.js';

const dir = (d: string) => new URL(`../../${d}/`, import.meta.url);
const inputsIn = (d: string) =>
  readdirSync(dir(d))
    .filter((f) => /\.(rules|json|yaml|tf)$/.test(f))
    .sort()
    .map((f) => ({ path: `${d}/${f}`, text: readFileSync(new URL(f, dir(d)), 'utf8') }));

describe('lintRun: inputs in, report out', () => {
  const inputs = [...inputsIn('rules-samples'), ...inputsIn('test/fixtures/inputs')];

  it('gives each file what lintSource gives it with the run\'s rule-set facts, in input order', async () => {
    const report = await lintRun(inputs);
    expect(report.files.map((f) => f.path)).toEqual(inputs.map((i) => i.path));
    // Flowbits, QUIC and SNI handling are facts of the whole run (a QUIC rule in one file covers the SNI rules of another).
    const ruleSet = await runFacts(inputs, () => ({}));
    for (const [i, f] of report.files.entries()) {
      // Cross-file duplicate sids come on top (none among these files under aws-nfw, where the rule is off).
      expect(f.diagnostics).toEqual(lintSource(inputs[i].path, inputs[i].text, { ruleSet }));
    }
    // Linted alone, a sample that relies on another file's QUIC rule would be told it has none.
    const alone = inputs.map((i) => lintSource(i.path, i.text).filter((d) => d.ruleId === 'sni-rules-quic-bypass').length);
    const inRun = report.files.map((f) => f.diagnostics.filter((d) => d.ruleId === 'sni-rules-quic-bypass').length);
    expect(alone.reduce((a, b) => a + b, 0)).toBeGreaterThan(inRun.reduce((a, b) => a + b, 0));
    expect(report.rules.length).toBeGreaterThan(40);
  });

  it('is what the CLI prints (json), for the same inputs', async () => {
    const io = { out: '', stdout: (s: string) => void (io.out += s), stderr: () => {}, readStdin: async () => '', isTTY: false };
    const args: LintArgs = { paths: inputs.map((i) => i.path), format: 'json', fix: false, diff: false, unsafeFixes: false, rule: [], quiet: false, stdin: false, threads: 1 };
    await runLint(args, io as Io);
    // The CLI leaves out host files without a rule group marker (create-rule-group.json: a flat "Rules"), even named explicitly.
    const linted = inputs.filter((i) => i.path.endsWith('.rules') || looksLikeRuleGroupHost(i.text));
    expect(formatJson(await lintRun(linted), { color: false })).toBe(io.out);
  });

  it('reports duplicate sids across .rules inputs under the first input options', async () => {
    const files = [
      { path: 'a.rules', text: 'alert tcp any any -> any 1 (msg:"a"; sid:9; rev:1;)\n', options: { profile: 'suricata' as const } },
      { path: 'b.rules', text: 'alert tcp any any -> any 2 (msg:"b"; sid:9; rev:1;)\n', options: { profile: 'suricata' as const } },
    ];
    const report = await lintRun(files);
    expect(report.files[1].diagnostics.map((d) => d.ruleId)).toEqual(['duplicate-sid']);
    expect((await lintRun(files, { quiet: true })).files[1].diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect((await lintRun(files.map((f) => ({ ...f, options: {} })))).files[1].diagnostics).toEqual([]);
  });

  it('fixes as fixText does, and keeps the findings of the input', async () => {
    const text = 'drop tls any any -> any any (msg:"x"; flow:to_server; sid:1; rev:1;)\n';
    const [f] = (await lintRun([{ path: 'x.rules', text }], { fix: 'safe' })).files;
    const expected = fixText(text);
    expect(f.output).toBe(expected.output);
    expect(f.output).not.toBe(text);
    expect(f.fixesApplied).toBe(expected.applied.length);
    expect(f.remaining).toEqual(expected.diagnostics);
    expect(f.diagnostics).toEqual(expected.inputDiagnostics);
  });
});
