import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Io, LintArgs } from '../../src/cli/commands/lint.js';

// yargs stays the authority: every command line the fast path accepts must give runLint exactly what yargs gives it.
const seen: LintArgs[] = [];
vi.mock('../../src/cli/commands/lint.js', () => ({
  runLint: async (args: LintArgs) => {
    seen.push(args);
    return 0;
  },
}));

const { parsePlainArgs } = await import('../../src/cli/parse-plain-args.js');
const { runYargsCli } = await import('../../src/cli/yargs-cli.js');
const { main } = await import('../../src/cli/main.js');

function quietIo(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s), readStdin: async () => '', isTTY: false };
  return io;
}

async function viaYargs(argv: string[]): Promise<LintArgs | undefined> {
  seen.length = 0;
  await runYargsCli(argv, quietIo());
  return seen[0];
}

describe('parsePlainArgs (the start-up fast path) agrees with yargs', () => {
  beforeEach(() => {
    seen.length = 0;
  });
  it.each([
    [[]],
    [['a.rules']],
    [['a.rules', 'dir/', '123', 'x=y.rules']],
    [['--fix', 'a.rules']],
    [['a.rules', '--fix', 'b.rules']],
    [['--diff', '--unsafe-fixes', 'a.rules']],
    [['-f', 'json', 'a.rules']],
    [['--format=sarif', 'a.rules']],
    [['--format', 'nope', 'a.rules']],
    [['-q', '-o', 'out.txt', '-c', 'cfg.json', 'a.rules']],
    [['--profile', 'suricata', '--rule-order', 'action', '--suricata-version', '8', 'a.rules']],
    [['--suricata-version=7', 'a.rules']],
    [['--max-warnings', '0', 'a.rules']],
    [['--max-warnings=12', 'a.rules']],
    [['--rule', 'a=off', '--rule', 'b=error', '--fix', 'a.rules']],
    [['a.rules', '--rule', 'a=off']],
    // Options that take values take one each: the paths after them are paths (not more --rule values).
    [['--rule', 'a=off', 'a.rules']],
    [['--rule=a=off', 'a.rules']],
    [['--rule', 'a=off', 'a.rules', 'b.rules']],
    [['--rule=a=off', '--quiet']],
    [['--no-color', 'a.rules']],
    [['--color', 'a.rules']],
    [['--no-fix', '--no-quiet', 'a.rules']],
    [['--stdin', '--stdin-filename', 'x.rules']],
    [['--repo-url', 'https://github.com/o/r', '--sha', 'abc', '-f', 'markdown', 'a.rules']],
    [['--engine', 'suricata', 'a.rules']],
    [['--engine-path', '/usr/bin/suricata', 'a.rules']],
    [['--config', '', 'a.rules']],
  ])('%j', async (argv) => {
    const plain = parsePlainArgs(argv);
    expect(plain).toBeDefined();
    expect(plain).toEqual(await viaYargs(argv));
  });
});

describe('parsePlainArgs declines what yargs might read differently (main then loads yargs)', () => {
  it.each([
    [['--help']],
    [['a.rules', '--help']],
    [['--version']],
    [['rules']],
    [['explain', 'tls-client-hello-gate']],
    [['help']],
    [['a.rules', 'help']],
    [['a.rules', 'rules']],
    [['-']],
    [['--', '-a.rules']],
    [['--fix', 'true', 'a.rules']],
    [['--fix=true', 'a.rules']],
    [['-f', 'json', '-f', 'text']],
    [['--color', '--no-color']],
    [['-qf', 'json', 'a.rules']],
    [['-fjson', 'a.rules']],
    [['--maxWarnings', '0']],
    [['--max-warnings', '1e2']],
    [['--max-warnings', 'abc']],
    [['--max-warnings', '-1']],
    [['--suricata-version', '07']],
    [['--suricata-version', '9']],
    [['--profile', 'nope']],
    [['--engine', 'snort']],
    [['--bogus']],
    [['--format']],
    [['--format', '--fix']],
    [['-5']],
  ])('%j', (argv) => {
    expect(parsePlainArgs(argv)).toBeUndefined();
  });

  it('main hands a declined command line to yargs (help text, usage errors)', async () => {
    // yargs prints help with console.log itself.
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main(['--help'], quietIo())).toBe(0);
    const help = log.mock.calls.flat().join('\n');
    log.mockRestore();
    expect(help).toContain('--max-warnings');
    expect(help).toContain('suricata-lint explain [id]');
    expect(help).toContain('Folders are searched for *.rules files and for AWS rule group hosts');
    const bad = quietIo();
    expect(await main(['--profile', 'nope', 'a.rules'], bad)).toBe(2);
    expect(bad.err).toContain('Invalid values');
    expect(bad.err).toContain("Run 'suricata-lint --help' for usage.");
  });
});
