import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
type Step = { name?: string; id?: string; uses?: string; run?: string; shell?: string; if?: string; env?: Record<string, string>; with?: Record<string, string> };
const steps: Step[] = action.runs.steps;
const step = (id: string) => steps.find((s) => s.id === id || s.name === id)!;

describe('action.yml', () => {
  it('is a composite action with the documented inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['paths', 'format', 'fail-on', 'github-token', 'comment', 'sarif', 'changed-only', 'files']),
    );
    for (const [name, input] of Object.entries(action.inputs as Record<string, { description?: string }>)) {
      expect(input.description, name).toBeTruthy();
    }
  });
  it('every run step says its shell and keeps ${{ }} expressions out of the script (no injection)', () => {
    for (const s of steps.filter((x) => x.run)) {
      expect(s.shell, s.name).toBe('bash');
      expect(s.run, s.name).not.toContain('${{');
    }
  });
  it('uploads SARIF with codeql-action, writes the job summary, and runs the comment script that exists', () => {
    expect(steps.some((s) => s.uses === 'github/codeql-action/upload-sarif@v3')).toBe(true);
    expect(step('Job summary').run).toContain('$GITHUB_STEP_SUMMARY');
    expect(step('Sticky PR comment').run).toContain('$GITHUB_ACTION_PATH/scripts/github-comment.mjs');
    expect(existsSync(join(ROOT, 'scripts/github-comment.mjs'))).toBe(true);
  });
});

/** Runs one step's bash script the way the runner does, with GitHub's files and env. */
function runStep(s: Step, cwd: string, env: Record<string, string>) {
  return spawnSync('bash', ['-e', '-c', s.run!], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
}

const built = existsSync(join(ROOT, 'dist/cli/main.js'));
const hasGit = spawnSync('git', ['--version']).status === 0;
const skip = !built ? 'dist/ is not built (npm test builds it first)' : !hasGit ? 'git is not installed' : '';
if (skip) console.warn(`skipping the action step test: ${skip}`);

describe.skipIf(!!skip)('action.yml steps on a pull request (run locally with bash)', () => {
  let dir = '';
  let repo = '';
  let base = '';
  let head = '';
  let github: Record<string, string> = {};
  const outputs = () =>
    Object.fromEntries(
      readFileSync(github.GITHUB_OUTPUT, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    );

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'suricata-lint-action-'));
    repo = join(dir, 'repo');
    mkdirSync(join(repo, 'rules'), { recursive: true });
    const git = (...a: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...a], { cwd: repo, encoding: 'utf8' }).stdout.trim();
    git('init', '-q');
    writeFileSync(join(repo, 'rules', 'old.rules'), 'drop tls any any -> any any (msg:"old"; sid:1; rev:1;)\n');
    git('add', '.');
    git('commit', '-qm', 'base');
    base = git('rev-parse', 'HEAD');
    writeFileSync(join(repo, 'rules', 'new rules.rules'), 'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"block"; flow:to_server; sid:2; rev:1;)\n');
    writeFileSync(join(repo, 'notes.txt'), 'not a rules file\n');
    git('add', '.');
    git('commit', '-qm', 'pr');
    head = git('rev-parse', 'HEAD');
    github = { RUNNER_TEMP: join(dir, 'runner-temp'), GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary'), GITHUB_ACTION_PATH: ROOT };
    mkdirSync(github.RUNNER_TEMP);
    writeFileSync(github.GITHUB_OUTPUT, '');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('selects only the changed rule files (names with spaces too)', () => {
    const r = runStep(step('files'), repo, { ...github, INPUT_PATHS: '.', INPUT_FILES: '\\.rules$', INPUT_CHANGED_ONLY: 'true', BASE_SHA: base });
    expect(r.stderr).toBe('');
    expect(outputs().count).toBe('1');
    expect(readFileSync(join(github.RUNNER_TEMP, 'suricata-lint/files'), 'utf8')).toBe('rules/new rules.rules\0');
  });

  it('lints them into SARIF, markdown with links, and counts', () => {
    const r = runStep(step('lint'), repo, {
      ...github,
      INPUT_FORMAT: 'github',
      INPUT_PROFILE: 'aws-nfw',
      INPUT_ARGS: '',
      REPO_URL: 'https://github.com/acme/firewall-rules',
      HEAD_SHA: head,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^::error file=rules\/new rules\.rules,line=1,/m);
    const out = outputs();
    expect(out).toMatchObject({ errors: '1', warnings: '0' });
    const md = readFileSync(join(github.RUNNER_TEMP, 'suricata-lint/report.md'), 'utf8');
    expect(md).toContain(`https://github.com/acme/firewall-rules/blob/${head}/rules/new%20rules.rules#L1`);
    const sarif = JSON.parse(readFileSync(out['sarif-file'], 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('rules/new%20rules.rules');
  });

  it('writes the job summary', () => {
    expect(runStep(step('Job summary'), repo, github).status).toBe(0);
    expect(readFileSync(github.GITHUB_STEP_SUMMARY, 'utf8')).toMatch(/^<!-- suricata-lint -->/);
  });

  it.each([
    ['error', 1],
    ['warning', 1],
    ['never', 0],
  ])('fail-on %s exits %i', (failOn, status) => {
    const r = runStep(step('Result'), repo, { FAIL_ON: failOn, ERRORS: '1', WARNINGS: '0', INFOS: '2' });
    expect(r.status).toBe(status);
  });

  it('fail-on info counts infos; a bad fail-on value is an error', () => {
    expect(runStep(step('Result'), repo, { FAIL_ON: 'info', ERRORS: '0', WARNINGS: '0', INFOS: '2' }).status).toBe(1);
    expect(runStep(step('Result'), repo, { FAIL_ON: 'warning', ERRORS: '0', WARNINGS: '0', INFOS: '2' }).status).toBe(0);
    const bad = runStep(step('Result'), repo, { FAIL_ON: 'sometimes', ERRORS: '0', WARNINGS: '0', INFOS: '0' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain('fail-on must be error, warning, info or never');
  });

  it('with no changed rule files, nothing is linted and the report says so', () => {
    writeFileSync(github.GITHUB_OUTPUT, '');
    const r = runStep(step('files'), repo, { ...github, INPUT_PATHS: '.', INPUT_FILES: '\\.rules$', INPUT_CHANGED_ONLY: 'true', BASE_SHA: head });
    expect(r.status).toBe(0);
    expect(outputs().count).toBe('0');
    expect(readFileSync(join(github.RUNNER_TEMP, 'suricata-lint/report.md'), 'utf8')).toContain('No rule files changed');
  });
});
