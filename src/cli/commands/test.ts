import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parsePolicyTestFile, runPolicyTests, simRules, type PolicyTestResult } from '../../policytest/policy-test.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../exit-codes.js';
import type { Io } from './lint.js';

export interface TestArgs {
  files: string[];
  format: 'text' | 'json' | 'junit' | 'markdown';
}

interface FileRun {
  readonly path: string;
  readonly results: readonly PolicyTestResult[];
}

function xml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function format(runs: readonly FileRun[], fmt: TestArgs['format'], ms: number): string {
  const all = runs.flatMap((r) => r.results.map((x) => ({ path: r.path, ...x })));
  const count = (s: string) => all.filter((x) => x.status === s).length;
  const summary = `${count('passed')} passed, ${count('failed')} failed, ${count('undetermined')} undetermined (${all.length} tests in ${ms} ms)`;
  if (fmt === 'json') {
    return `${JSON.stringify(
      {
        summary: { passed: count('passed'), failed: count('failed'), undetermined: count('undetermined'), ms },
        tests: all.map((x) => ({
          file: x.path,
          name: x.test.name,
          status: x.status,
          expected: x.test.expect,
          verdict: x.result.verdict,
          packet: x.result.packet,
          rule: x.result.rule ? { sid: x.result.rule.model.sid, file: x.result.rule.path, line: x.result.rule.line, action: x.result.rule.model.action } : undefined,
          reason: x.result.reason,
          trace: x.result.trace.map((t) => ({ packet: t.packet, action: t.action, sid: t.rule?.model.sid, file: t.rule?.path, line: t.rule?.line })),
        })),
      },
      null,
      2,
    )}\n`;
  }
  if (fmt === 'junit') {
    const suites = runs.map((r) => {
      const cases = r.results.map((x) => {
        const body = x.status === 'failed' ? `<failure message="${xml(x.message)}"/>` : x.status === 'undetermined' ? `<skipped message="${xml(x.message)}"/>` : '';
        return `    <testcase classname="${xml(r.path)}" name="${xml(x.test.name)}">${body}</testcase>`;
      });
      return `  <testsuite name="${xml(r.path)}" tests="${r.results.length}" failures="${r.results.filter((x) => x.status === 'failed').length}" skipped="${r.results.filter((x) => x.status === 'undetermined').length}">\n${cases.join('\n')}\n  </testsuite>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="suricata-lint policy tests" tests="${all.length}" failures="${count('failed')}" time="${(ms / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
  }
  const md = fmt === 'markdown';
  const lines: string[] = [];
  if (md) lines.push('### Policy tests', '', `${summary}`, '');
  for (const x of all) {
    const mark = x.status === 'passed' ? 'PASS' : x.status === 'failed' ? 'FAIL' : 'UNDETERMINED';
    lines.push(md ? `**${mark}** \`${x.path}\` ${x.test.name}: ${x.message}` : `${mark}  ${x.path}  ${x.test.name}: ${x.message}`);
    if (x.status !== 'passed' || !md) {
      if (md) lines.push('', '| packet | rule | action |', '| --- | --- | --- |');
      for (const t of x.result.trace) {
        const rule = t.rule ? `sid:${t.rule.model.sid ?? '?'} ${t.rule.path}:${t.rule.line}` : '-';
        lines.push(md ? `| ${t.packet} | ${rule} | ${t.action} |` : `      ${t.packet.padEnd(60)} ${rule.padEnd(32)} ${t.action}`);
      }
      if (md) lines.push('');
    }
  }
  lines.push('', summary);
  return `${lines.join('\n')}\n`;
}

/**
 * `suricata-lint test [FILE...]`: runs policy test files (YAML, schemas/policy-test.schema.json) through
 * the static simulator. Exit 0 when every test passed, 1 when one failed or was undetermined, 2 on a
 * file that cannot be read or is invalid.
 */
export async function runPolicyTestCommand(args: TestArgs, io: Io): Promise<number> {
  if (args.files.length === 0) {
    io.stderr('suricata-lint test: give one or more policy test files (YAML)\n');
    return EXIT_USAGE;
  }
  const started = Date.now();
  const runs: FileRun[] = [];
  let usage = false;
  for (const path of args.files) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      io.stderr(`suricata-lint test: ${path}: ${(e as Error).message}\n`);
      usage = true;
      continue;
    }
    const parsed = parsePolicyTestFile(text);
    if (!parsed.file) {
      for (const e of parsed.errors) io.stderr(`suricata-lint test: ${path}: ${e}\n`);
      usage = true;
      continue;
    }
    const ruleFiles: { path: string; text: string }[] = [];
    for (const r of parsed.file.rules) {
      const p = resolve(dirname(path), r);
      try {
        ruleFiles.push({ path: r, text: readFileSync(p, 'utf8') });
      } catch (e) {
        io.stderr(`suricata-lint test: ${path}: rules file ${r}: ${(e as Error).message}\n`);
        usage = true;
      }
    }
    runs.push({ path, results: runPolicyTests(parsed.file, simRules(ruleFiles, parsed.file.variables)) });
  }
  io.stdout(format(runs, args.format, Date.now() - started));
  if (usage) return EXIT_USAGE;
  return runs.every((r) => r.results.every((x) => x.status === 'passed')) ? EXIT_OK : EXIT_PROBLEMS;
}
