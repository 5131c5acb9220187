// @ts-check
/**
 * Adversarial inputs for the CLI (issue 8), generated on demand into a scratch folder (never
 * committed: some are tens of megabytes). Shared by test/adversarial/adversarial.test.ts (the small
 * ones, run by `npm test`) and scripts/adversarial-report.mjs (all of them, with time and peak RSS).
 *
 * Each fixture: { name, large, build(dir) → { args, cwd? } | { skip: reason }, expect: { exit, stderr? } }.
 * `exit` lists the acceptable exit codes; `stderr` is a regex the one-line error must match.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
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
];
