// @ts-check
/**
 * Adversarial inputs for the CLI (issue 8), generated on demand into a scratch folder (never
 * committed: some are tens of megabytes). Shared by test/adversarial/adversarial.test.ts (the small
 * ones, run by `npm test`) and scripts/adversarial-report.mjs (all of them, with time and peak RSS).
 *
 * Each fixture: { name, large, build(dir) → { args, cwd?, input?, env? } | { skip: reason }, expect: { exit, stderr? },
 * check?(dir, { stdout, stderr }) → undefined | what went wrong }. `exit` lists the acceptable exit codes;
 * `stderr` is a regex the one-line error must match; `input` goes to stdin; `check` looks at the result
 * (files on disk, output) after the run. Issue 17's fixtures are at the end (`issue 17:` names).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RULE = 'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"x"; flow:to_server, established; sid:1; rev:1;)';
const enc = (s) => Buffer.from(s, 'utf8');

/** True when permission bits do not stop this process (root, CAP_DAC_OVERRIDE). */
export function permissionsBypassed() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Writes `count` lines produced by `line(i)` in chunks, without building one huge string. */
function writeLines(path, count, line) {
  const chunk = [];
  writeFileSync(path, '');
  for (let i = 0; i < count; i++) {
    chunk.push(line(i));
    if (chunk.length === 50_000 || i === count - 1) {
      writeFileSync(path, chunk.join('\n') + '\n', { flag: 'a' });
      chunk.length = 0;
    }
  }
}

export const FIXTURES = [
  {
    name: 'binary file (ELF header)',
    large: false,
    build: (dir) => {
      const bytes = Buffer.alloc(4096);
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]).copy(bytes);
      for (let i = 8; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
      writeFileSync(join(dir, 'binary.rules'), bytes);
      return { args: ['binary.rules'] };
    },
    expect: { exit: [2], stderr: /^suricata-lint: binary\.rules: the file contains a NUL byte at byte offset 7: it looks binary/m },
  },
  {
    name: 'NUL byte inside a rule',
    large: false,
    build: (dir) => {
      writeFileSync(join(dir, 'nul.rules'), Buffer.concat([enc(`${RULE}\nalert tcp any any -> any any (msg:"a`), Buffer.from([0]), enc('b"; sid:2;)\n')]));
      return { args: ['nul.rules'] };
    },
    expect: { exit: [2], stderr: new RegExp(`nul\\.rules: the file contains a NUL byte at byte offset ${RULE.length + 1 + 'alert tcp any any -> any any (msg:"a'.length}:`) },
  },
  {
    name: 'invalid UTF-8 (Latin-1 é)',
    large: false,
    build: (dir) => {
      writeFileSync(join(dir, 'latin1.rules'), Buffer.concat([enc(`${RULE}\n# caf`), Buffer.from([0xe9]), enc('\n')]));
      return { args: ['latin1.rules'] };
    },
    expect: { exit: [2], stderr: new RegExp(`latin1\\.rules: the file is not valid UTF-8: invalid byte 0xe9 at byte offset ${RULE.length + 6};`) },
  },
  {
    name: 'invalid UTF-8 (encoded surrogate)',
    large: false,
    build: (dir) => {
      writeFileSync(join(dir, 'surrogate.rules'), Buffer.concat([enc('# x'), Buffer.from([0xed, 0xa0, 0x80]), enc('\n')]));
      return { args: ['surrogate.rules'] };
    },
    expect: { exit: [2], stderr: /surrogate\.rules: the file is not valid UTF-8: invalid byte 0xed at byte offset 3;/ },
  },
  {
    name: 'UTF-16LE with BOM',
    large: false,
    build: (dir) => {
      writeFileSync(join(dir, 'utf16le.rules'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${RULE}\r\n`, 'utf16le')]));
      return { args: ['utf16le.rules'] };
    },
    expect: { exit: [2], stderr: /utf16le\.rules: the file is UTF-16LE \(it starts with a UTF-16 byte order mark\).*iconv/ },
  },
  {
    name: 'UTF-16BE with BOM',
    large: false,
    build: (dir) => {
      const le = Buffer.from(`${RULE}\n`, 'utf16le');
      writeFileSync(join(dir, 'utf16be.rules'), Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]));
      return { args: ['utf16be.rules'] };
    },
    expect: { exit: [2], stderr: /utf16be\.rules: the file is UTF-16BE/ },
  },
  {
    name: 'empty file',
    large: false,
    build: (dir) => {
      writeFileSync(join(dir, 'empty.rules'), '');
      return { args: ['empty.rules'] };
    },
    expect: { exit: [0], stderr: /^$/ },
  },
  {
    name: 'directory named like a file (x.rules/)',
    large: false,
    build: (dir) => {
      mkdirSync(join(dir, 'x.rules'));
      return { args: ['x.rules'] };
    },
    expect: { exit: [2], stderr: /^suricata-lint: x\.rules: no \*\.\S+ files.* in this folder$/m },
  },
  {
    name: 'symlink loop',
    large: false,
    build: (dir) => {
      symlinkSync('loop-b.rules', join(dir, 'loop-a.rules'));
      symlinkSync('loop-a.rules', join(dir, 'loop-b.rules'));
      return { args: ['loop-a.rules'] };
    },
    expect: { exit: [2], stderr: /^suricata-lint: loop-a\.rules: too many levels of symbolic links/m },
  },
  {
    name: 'symlink loop inside a searched folder',
    large: false,
    build: (dir) => {
      mkdirSync(join(dir, 'looptree'));
      symlinkSync('self.rules', join(dir, 'looptree', 'self.rules'));
      writeFileSync(join(dir, 'looptree', 'ok.rules'), `${RULE}\n`);
      return { args: ['looptree'] };
    },
    expect: { exit: [2], stderr: /looptree\/self\.rules: symbolic link: too many levels of symbolic links/ },
  },
  {
    name: 'permission denied',
    large: false,
    build: (dir) => {
      if (permissionsBypassed()) return { skip: 'running as root: permission bits do not stop reads, so EACCES cannot be produced' };
      writeFileSync(join(dir, 'secret.rules'), `${RULE}\n`);
      chmodSync(join(dir, 'secret.rules'), 0o000);
      return { args: ['secret.rules'] };
    },
    expect: { exit: [2], stderr: /secret\.rules: permission denied/ },
  },
  {
    name: 'named pipe (FIFO) called *.rules',
    large: false,
    build: (dir) => {
      execFileSync('mkfifo', [join(dir, 'pipe.rules')]);
      return { args: ['pipe.rules'] };
    },
    expect: { exit: [2], stderr: /pipe\.rules: is a named pipe \(FIFO\), not a regular file; not read/ },
  },
  {
    name: 'symlink to a device (/dev/zero)',
    large: false,
    build: (dir) => {
      symlinkSync('/dev/zero', join(dir, 'zero.rules'));
      return { args: ['zero.rules'] };
    },
    expect: { exit: [2], stderr: /zero\.rules: is a device, not a regular file; not read/ },
  },
  {
    name: 'missing file',
    large: false,
    build: () => ({ args: ['does-not-exist.rules'] }),
    expect: { exit: [2], stderr: /^suricata-lint: does-not-exist\.rules: no such file or directory$/m },
  },
  {
    name: '100,000 nested [ (closed)',
    large: false,
    build: (dir) => {
      writeFileSync(join(dir, 'nested.rules'), `alert tcp ${'['.repeat(100_000)}1.1.1.1${']'.repeat(100_000)} any -> any any (msg:"n"; sid:1; rev:1;)\n${RULE}\n`);
      return { args: ['nested.rules'] };
    },
    expect: { exit: [1], stderr: /^$/ },
  },
  {
    name: '100,000 nested [ (never closed)',
    large: false,
    build: (dir) => {
      writeFileSync(join(dir, 'nested-open.rules'), `alert tcp ${'['.repeat(100_000)} any -> any any (msg:"n"; sid:1; rev:1;)\n`);
      return { args: ['nested-open.rules'] };
    },
    expect: { exit: [1], stderr: /^$/ },
  },
  {
    name: '100,000 nested ![ in a port',
    large: false,
    build: (dir) => {
      writeFileSync(join(dir, 'nested-port.rules'), `alert tcp any ${'!['.repeat(100_000)}80${']'.repeat(100_000)} -> any any (msg:"n"; sid:1; rev:1;)\n`);
      return { args: ['nested-port.rules'] };
    },
    expect: { exit: [1], stderr: /^$/ },
  },
  {
    name: '100,000 options on one line (--fix)',
    large: false,
    build: (dir) => {
      writeFileSync(join(dir, 'many-options.rules'), `drop tls any any -> any any (${'content:"a";'.repeat(100_000)} sid:1;)\n`);
      return { args: ['--fix', 'many-options.rules'] };
    },
    expect: { exit: [0, 1] },
  },
  {
    name: '400,001 blank lines (over the line limit, small file)',
    large: false,
    build: (dir) => {
      writeFileSync(join(dir, 'blank-lines.rules'), '\n'.repeat(400_001));
      return { args: ['blank-lines.rules'] };
    },
    expect: { exit: [2], stderr: /^suricata-lint: blank-lines\.rules: the file has more than 400000 lines, more than suricata-lint can hold in memory at once; split it into several files$/m },
  },
  {
    name: '50 MB single line (one msg)',
    large: true,
    build: (dir) => {
      writeFileSync(join(dir, 'line-50mb.rules'), `alert tcp any any -> any any (msg:"${'A'.repeat(50 * 1024 * 1024)}"; sid:1; rev:1;)\n`);
      return { args: ['line-50mb.rules'] };
    },
    expect: { exit: [1] },
  },
  {
    name: '50 MB single line of options (--fix)',
    large: true,
    build: (dir) => {
      const n = Math.ceil((50 * 1024 * 1024) / 'content:"abc"; '.length);
      writeFileSync(join(dir, 'options-50mb.rules'), `drop tls $HOME_NET any -> any any (${'content:"abc"; '.repeat(n)}sid:1; rev:1;)\n`);
      return { args: ['--fix', 'options-50mb.rules'] };
    },
    expect: { exit: [0, 1] },
  },
  {
    name: '1,000,000 rules (over the line limit)',
    large: true,
    build: (dir) => {
      writeLines(join(dir, 'million.rules'), 1_000_000, (i) => `drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"r${i}"; flow:to_server, established; sid:${i + 1}; rev:1;)`);
      return { args: ['--fix', 'million.rules'] };
    },
    expect: { exit: [2], stderr: /million\.rules: the file has more than 400000 lines/ },
  },
  {
    // 100,000 and not 400,000: applying F fixes is O(F^2) in src/fix/apply-fixes.ts today
    // (400,000 fixes take ~25 minutes); raise it when that is linear.
    name: '100,000 rules, 100,000 fixes (--fix, json)',
    large: true,
    build: (dir) => {
      writeLines(join(dir, 'many.rules'), 100_000, (i) => `drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"r${i}"; flow:to_server, established; sid:${i + 1}; rev:1;)`);
      return { args: ['--fix', '--format', 'json', '--output-file', 'many.json', 'many.rules'] };
    },
    expect: { exit: [0, 1] },
  },
  {
    name: '300 MB file (over the size limit)',
    large: true,
    build: (dir) => {
      const path = join(dir, 'huge.rules');
      writeFileSync(path, '');
      // Sparse: no disk used, size reported by stat.
      execFileSync('truncate', ['-s', '300M', path]);
      return { args: ['huge.rules'] };
    },
    expect: { exit: [2], stderr: /huge\.rules: the file is 314572800 bytes, more than the 256 MiB limit/ },
  },

  // ---- issue 17: writes, reports, limits, output injection, the engine, the checkout ----
  {
    name: 'issue 17: --fix on a read-only (0444) file',
    large: false,
    build: (dir) => {
      mkdirSync(join(dir, 'ro'), { recursive: true });
      writeFileSync(join(dir, 'ro', 'ro.rules'), `${RULE}\n`);
      chmodSync(join(dir, 'ro', 'ro.rules'), 0o444);
      return { args: ['--fix', '-f', 'json', 'ro/ro.rules'] };
    },
    expect: { exit: [2], stderr: /ro\.rules: could not write the fixed file, original left intact: it is read-only \(mode 0444\)/ },
    check: (dir, r) => {
      if (readFileSync(join(dir, 'ro', 'ro.rules'), 'utf8') !== `${RULE}\n`) return 'the read-only file was changed';
      if (JSON.parse(r.stdout)[0].fixesApplied !== 0) return 'the JSON report says a fix was applied';
      return undefined;
    },
  },
  {
    name: 'issue 17: -o through a planted symlink',
    large: false,
    build: (dir) => {
      mkdirSync(join(dir, 'o'), { recursive: true });
      writeFileSync(join(dir, 'o', 'victim'), 'precious\n');
      writeFileSync(join(dir, 'o', 'a.rules'), `${RULE}\n`);
      symlinkSync('victim', join(dir, 'o', 'report.sarif'));
      return { args: ['-f', 'sarif', '-o', 'o/report.sarif', 'o/a.rules'] };
    },
    expect: { exit: [2], stderr: /cannot write o\/report\.sarif: it is a symbolic link/ },
    check: (dir) => (readFileSync(join(dir, 'o', 'victim'), 'utf8') === 'precious\n' ? undefined : 'the symlink target was written'),
  },
  {
    name: 'issue 17: stale temporary file of a killed run',
    large: false,
    build: (dir) => {
      mkdirSync(join(dir, 'stale'), { recursive: true });
      writeFileSync(join(dir, 'stale', 'a.rules'), `${RULE}\n`);
      writeFileSync(join(dir, 'stale', '.a.rules.suricata-lint-999999999-0123456789ab.tmp'), 'partial');
      const old = new Date(Date.now() - 10_000);
      utimesSync(join(dir, 'stale', 'a.rules'), old, old);
      return { args: ['--fix', 'stale'] };
    },
    expect: { exit: [0, 1] },
    check: (dir) => (readdirSync(join(dir, 'stale')).join(',') === 'a.rules' ? undefined : `left: ${readdirSync(join(dir, 'stale')).join(',')}`),
  },
  {
    name: 'issue 17: CR-only file over the line limit',
    large: false,
    build: (dir) => {
      writeFileSync(join(dir, 'cr-only.rules'), 'x\r'.repeat(400_001));
      return { args: ['cr-only.rules'] };
    },
    expect: { exit: [2], stderr: /cr-only\.rules: the file has more than 400000 lines/ },
  },
  {
    name: 'issue 17: one-line rule group JSON over the line limit',
    large: true,
    build: (dir) => {
      writeFileSync(join(dir, 'one-line.json'), `{"RuleGroup":{"RulesSource":{"RulesString":"${'pass tls any any -> any any (tls.sni; content:\\"a.com\\"; sid:1;)\\n'.repeat(400_001)}"}}}`);
      return { args: ['one-line.json'] };
    },
    expect: { exit: [2], stderr: /one-line\.json: the file has more than 400000 lines \(counting \\n in rule strings\)/ },
  },
  {
    name: 'issue 17: --stdin invalid UTF-8',
    large: false,
    build: () => ({ args: ['--stdin', '--stdin-filename', 'in.rules'], input: Buffer.from('alert ip any any -> any any (msg:"\xe9"; sid:1;)\n', 'latin1') }),
    expect: { exit: [2], stderr: /^suricata-lint: in\.rules: the file is not valid UTF-8: invalid byte 0xe9 at byte offset 34/ },
  },
  {
    name: 'issue 17: --stdin UTF-16LE',
    large: false,
    build: () => ({ args: ['--stdin'], input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('alert ip any any -> any any (sid:1;)\n', 'utf16le')]) }),
    expect: { exit: [2], stderr: /^suricata-lint: <stdin>: the file is UTF-16LE/ },
  },
  {
    name: 'issue 17: workflow command injection (github format)',
    large: false,
    build: (dir) => {
      mkdirSync(join(dir, 'inject'), { recursive: true });
      writeFileSync(join(dir, 'inject', '::stop-commands::t.rules'), `alert tls any any -> any any (msg:"\u001b[2J"; tls.sni; \\\n::error file=README.md,line=1::PWNED\nsid:1; rev:1;)\n`);
      return { args: ['-f', 'github', 'inject'] };
    },
    expect: { exit: [1] },
    check: (_dir, r) => {
      const bad = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /^\s*::/.test(l) && !/^::(error|warning|notice) (file=[^,:]*,line=\d+[^:]*|title=[^:]*)::/.test(l));
      if (bad.length) return `a line from data starts with '::': ${bad[0]}`;
      return r.stdout.includes('\u001b') ? 'an ESC byte reached the output' : undefined;
    },
  },
  {
    name: 'issue 17: config planted above the repository',
    large: false,
    build: (dir) => {
      mkdirSync(join(dir, 'outer', 'repo', '.git'), { recursive: true });
      writeFileSync(join(dir, 'outer', 'suricata-lint.config.json'), '{"ignore":["**"]}');
      writeFileSync(join(dir, 'outer', 'repo', '.git', 'HEAD'), 'ref: refs/heads/main\n');
      writeFileSync(join(dir, 'outer', 'repo', 'a.rules'), 'alert tcp any any -> any any (msg:"x"; foo; sid:1; rev:1;)\n');
      return { args: ['a.rules'], cwd: join(dir, 'outer', 'repo') };
    },
    expect: { exit: [1] },
  },
  {
    name: 'issue 17: --engine with dataset load of a secret file',
    large: false,
    build: (dir) => {
      try {
        execFileSync('suricata', ['-V'], { stdio: 'ignore' });
      } catch {
        return { skip: 'suricata is not installed' };
      }
      writeFileSync(join(dir, 'secret.txt'), 'U0VDUkVULVRPS0VO\n');
      writeFileSync(join(dir, 'ds.rules'), `alert http any any -> any any (msg:"d"; http.uri; dataset:isset,x,type md5,load ${join(dir, 'secret.txt')}; sid:1; rev:1;)\n`);
      return { args: ['--engine', 'suricata', '--profile', 'suricata', 'ds.rules'], env: { XDG_CACHE_HOME: join(dir, 'cache') } };
    },
    expect: { exit: [0, 1] },
    check: (_dir, r) => (/U0VDUkVU/.test(r.stdout + r.stderr) ? 'the secret file content was shown' : undefined),
  },
  {
    name: 'issue 17: in-tree symlink and its target (--fix)',
    large: false,
    build: (dir) => {
      mkdirSync(join(dir, 'linked'), { recursive: true });
      writeFileSync(join(dir, 'linked', 'base.rules'), `${RULE}\n`);
      const old = new Date(Date.now() - 10_000);
      utimesSync(join(dir, 'linked', 'base.rules'), old, old);
      if (!existsSync(join(dir, 'linked', 'link.rules'))) symlinkSync('base.rules', join(dir, 'linked', 'link.rules'));
      return { args: ['--fix', 'linked'] };
    },
    expect: { exit: [0, 1] },
    check: (_dir, r) => (/changed on disk/.test(r.stderr) ? 'a spurious "changed on disk"' : undefined),
  },
  {
    name: 'issue 17: 130,000 fixable rules (--fix)',
    large: true,
    build: (dir) => {
      writeLines(join(dir, 'fix-130k.rules'), 130_000, (i) => `drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"r${i}"; flow:to_server, established; sid:${i + 1}; rev:1;)`);
      return { args: ['--fix', '-f', 'json', '-o', 'fix-130k.json', 'fix-130k.rules'] };
    },
    expect: { exit: [0, 1] },
  },
  {
    name: 'issue 17: 200,000 findings as SARIF',
    large: true,
    build: (dir) => {
      writeLines(join(dir, 'sarif-200k.rules'), 200_000, (i) => `alert tcp any any -> any any (foo; sid:${i + 1};)`);
      return { args: ['-f', 'sarif', '-o', 'sarif-200k.sarif', 'sarif-200k.rules'] };
    },
    expect: { exit: [1] },
  },
  {
    // Known gap (issue 17 item 8, not done): the JSON reader recurses, so a file nested 10,000 deep is reported
    // as one host-parse-error ("Maximum call stack size exceeded") and its rules are not linted. No crash; this
    // fixture pins today's behaviour so that the fix shows up here.
    name: 'issue 17: JSON nested 10,000 deep around a rule group (known gap)',
    large: false,
    build: (dir) => {
      const depth = 10_000;
      writeFileSync(join(dir, 'deep.json'), `${'{"a":'.repeat(depth)}{"RulesSource":{"RulesString":"alert tcp any any -> any any (foo; sid:1;)"}}${'}'.repeat(depth)}`);
      return { args: ['-f', 'json', 'deep.json'] };
    },
    expect: { exit: [0, 1] },
    check: (_dir, r) => (/host-parse-error/.test(r.stdout) ? undefined : 'the known gap changed: update this fixture (rules kept?)'),
  },
];
