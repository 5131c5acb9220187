import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLint, useColor, type Io, type LintArgs } from '../../src/cli/commands/lint.js';
import { CLEAR_LINE, PROGRESS_MIN_FILES } from '../../src/formatters/progress.js';

describe('colour decision (useColor)', () => {
  it.each([
    [undefined, true, {}, true],
    [undefined, false, {}, false],
    [undefined, true, { NO_COLOR: '1' }, false],
    [undefined, false, { FORCE_COLOR: '1' }, true],
    [undefined, false, { FORCE_COLOR: '0' }, false],
    [false, true, { FORCE_COLOR: '1' }, false],
    [true, false, { NO_COLOR: '1' }, true],
  ])('flag %s, tty %s, env %j -> %s', (flag, tty, env, expected) => expect(useColor(flag, tty, env)).toBe(expected));
});

describe('CLI: --repo-url/--sha and the progress line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suricata-lint-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files: string[] = [];
  for (let i = 0; i < PROGRESS_MIN_FILES; i++) {
    const f = join(dir, `r${String(i).padStart(2, '0')}.rules`);
    writeFileSync(f, 'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"x"; flow:to_server; sid:1; rev:1;)\n');
    files.push(f);
  }
  const args = (format: string, extra: Partial<LintArgs> = {}): LintArgs => ({
    paths: files, format, fix: false, diff: false, unsafeFixes: false, profile: 'aws-nfw', ruleOrder: 'strict',
    suricataVersion: 7, rule: [], quiet: false, stdin: false, ...extra,
  });
  const io = (stderrIsTTY: boolean) => {
    const out = { stdout: '', stderr: '' };
    const value: Io = { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s), readStdin: async () => '', isTTY: false, stderrIsTTY, columns: 80 };
    return { io: value, out };
  };

  it('shows progress on a terminal for text, then clears it', async () => {
    const { io: t, out } = io(true);
    await runLint(args('text'), t);
    expect(out.stderr).toContain(`${CLEAR_LINE}[1/${PROGRESS_MIN_FILES}] `);
    expect(out.stderr.endsWith(CLEAR_LINE)).toBe(true);
    expect(out.stdout).not.toContain(CLEAR_LINE);
  });
  it.each(['json', 'sarif', 'github', 'markdown', 'junit'])('never for %s', async (format) => {
    const { io: t, out } = io(true);
    await runLint(args(format), t);
    expect(out.stderr).toBe('');
  });
  it('never when stderr is not a terminal', async () => {
    const { io: t, out } = io(false);
    await runLint(args('text'), t);
    expect(out.stderr).toBe('');
  });
  it('--repo-url and --sha reach the markdown links', async () => {
    const { io: t, out } = io(false);
    t.readStdin = async () => 'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"x"; flow:to_server; sid:1; rev:1;)\n';
    await runLint(args('markdown', { paths: [], stdin: true, stdinFilename: 'rules/x.rules', repoUrl: 'https://github.com/acme/rules', sha: 'abc' }), t);
    expect(out.stdout).toContain('](https://github.com/acme/rules/blob/abc/rules/x.rules#L1)');
  });
});
