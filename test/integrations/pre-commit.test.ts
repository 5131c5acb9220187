import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Runs this checkout's `.pre-commit-hooks.yaml` through the real `pre-commit` (Debian's package,
 * installed by .ci/install-tools.sh) against a fresh git repository with a broken rules file.
 * The repository's .pre-commit-config.yaml points at this checkout (a local path is a valid `repo`)
 * at its committed HEAD: uncommitted changes are not part of the test. The hooks run the committed
 * bundle (language: script), so pre-commit installs nothing: one PRE_COMMIT_HOME for the whole file,
 * where it clones the hook repository once and every run below reuses it.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

const missing = ['pre-commit', 'git', 'node', 'npm'].filter((c) => !has(c));
const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
const headHasHooks = head.status === 0 && spawnSync('git', ['cat-file', '-e', `${head.stdout.trim()}:.pre-commit-hooks.yaml`], { cwd: ROOT }).status === 0;
const skipReason = missing.length
  ? `${missing.join(', ')} not installed (.ci/install-tools.sh installs pre-commit where apt is available)`
  : !headHasHooks
    ? 'HEAD of this checkout has no .pre-commit-hooks.yaml (commit it first)'
    : '';
if (skipReason) console.warn(`skipping the pre-commit integration test: ${skipReason}`);

const BROKEN = 'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"block the rest"; flow:to_server, established; sid:3; rev:1;)\n';
const CFN = [
  'Resources:',
  '  G:',
  '    Type: AWS::NetworkFirewall::RuleGroup',
  '    Properties:',
  '      Capacity: 10',
  '      RuleGroupName: g',
  '      Type: STATEFUL',
  '      RuleGroup:',
  '        StatefulRuleOptions: { RuleOrder: STRICT_ORDER }',
  '        RulesSource:',
  '          RulesString: "reject tls any any -> any any (msg:\\"r\\"; flow:to_server; sid:9; rev:1;)"',
  '',
].join('\n');
const FIXED = 'drop tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; msg:"block the rest"; flow:to_server, established; sid:3; rev:1;)\n';

describe.skipIf(!!skipReason)('pre-commit hooks from .pre-commit-hooks.yaml', () => {
  let dir = '';
  let repo = '';
  let env: NodeJS.ProcessEnv = {};
  let networkProblem = '';

  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env });
  const runHook = (hook: string): SpawnSyncReturns<string> =>
    spawnSync('pre-commit', ['run', hook, '--all-files', '--color', 'never'], {
      cwd: repo,
      encoding: 'utf8',
      env,
      timeout: 900_000,
    });
  const output = (r: SpawnSyncReturns<string>) => `${r.stdout}${r.stderr}`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'suricata-lint-pre-commit-'));
    repo = join(dir, 'rules-repo');
    env = { ...process.env, PRE_COMMIT_HOME: join(dir, 'pre-commit-home'), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', NO_COLOR: '1' };
    spawnSync('git', ['init', '-q', repo], { encoding: 'utf8', env });
    writeFileSync(join(repo, 'egress.rules'), BROKEN);
    // A second rules file: require_serial gives the hook every file in one run, so one report.
    writeFileSync(join(repo, 'more.rules'), 'alert tcp any any -> any 23 (msg:"telnet"; sid:3; rev:1;)\n');
    // A CloudFormation template holding a rule group: linted by default (files covers the host formats).
    writeFileSync(join(repo, 'firewall.yaml'), CFN);
    // A YAML file that holds no rule group: matched by `files`, skipped by the linter.
    writeFileSync(join(repo, 'ci.yaml'), 'jobs: {}\n');
    // Not a .rules file: the hooks must leave it alone.
    writeFileSync(join(repo, 'NOTES.md'), `Old rule, kept for reference:\n\n${BROKEN}`);
    const config = [
      'repos:',
      `  - repo: ${JSON.stringify(ROOT)}`,
      `    rev: ${head.stdout.trim()}`,
      '    hooks:',
      '      - id: suricata-lint',
      '      - id: suricata-lint-fix',
      '',
    ].join('\n');
    writeFileSync(join(repo, '.pre-commit-config.yaml'), config);
    git('add', '.');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('suricata-lint fails on the broken rule and names the finding', (ctx) => {
    const r = runHook('suricata-lint');
    const out = output(r);
    if (r.status !== 0 && /E(AI_AGAIN|NOTFOUND|CONNREFUSED|CONNRESET|TIMEDOUT)|network/i.test(out) && /npm/.test(out)) {
      networkProblem = 'pre-commit could not install the hook: the npm registry is unreachable';
      ctx.skip(networkProblem);
    }
    expect(out).toMatch(/suricata-lint\.+Failed/);
    expect(out).toContain('egress.rules:1:1  error');
    expect(out).toContain('tls-client-hello-gate');
    expect(out).toContain('firewall.yaml:11:');
    expect(out).not.toContain('NOTES.md');
    expect(out).not.toContain('ci.yaml');
    // One run over every file: one summary, and the duplicate sid across the two files is seen.
    expect(out.match(/✖ \d+ problems?/g)).toHaveLength(1);
    expect(out).toMatch(/in \d+ of 3 files/);
    expect(r.status).toBe(1);
    expect(readFileSync(join(repo, 'egress.rules'), 'utf8')).toBe(BROKEN);
  }, 900_000);

  it('suricata-lint-fix fixes the file and fails because it changed it; the next run passes', (ctx) => {
    if (networkProblem) ctx.skip(networkProblem);
    const first = runHook('suricata-lint-fix');
    expect(output(first)).toMatch(/suricata-lint \(fix\)\.+Failed/);
    expect(output(first)).toContain('files were modified by this hook');
    expect(first.status).toBe(1);
    expect(readFileSync(join(repo, 'egress.rules'), 'utf8')).toBe(FIXED);
    expect(readFileSync(join(repo, 'NOTES.md'), 'utf8')).toContain(BROKEN);

    git('add', '.');
    const second = runHook('suricata-lint-fix');
    expect(output(second)).toMatch(/suricata-lint \(fix\)\.+Passed/);
    expect(second.status).toBe(0);

    const check = runHook('suricata-lint');
    expect(output(check)).toMatch(/suricata-lint\.+Passed/);
    expect(check.status).toBe(0);
  }, 900_000);
});
