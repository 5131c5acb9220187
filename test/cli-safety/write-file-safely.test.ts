/**
 * Safe writes (issue 8): faults injected through the writer's fs interface (disk full, rename
 * failure, concurrent modification) leave the original byte-for-byte intact and no temporary file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, constants, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTextFile } from '../../src/cli/read-text-file.js';
import { cleanStaleTemporaries, FileChangedError, nodeWriteFs, SymlinkOutsideTreeError, UnsafeReplaceError, writeFileSafely, writeOutputFile, type WriteFs } from '../../src/cli/write-file-safely.js';
import { BUILT } from './run-cli.js';

const ORIGINAL = '\uFEFFalert tls any any -> any any (msg:"café"; sid:1;)\r\n# comment\r\n';
const FIXED = '\uFEFFalert tls any any -> any any (ssl_state:client_hello; msg:"café"; sid:1;)\r\n# comment\r\n';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'suricata-lint-write-'));
  file = join(dir, 'a.rules');
  writeFileSync(file, ORIGINAL);
  chmodSync(file, 0o640);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}
function entries(): string[] {
  return readdirSync(dir).sort();
}
function expectIntact(): void {
  expect(readFileSync(file)).toEqual(Buffer.from(ORIGINAL, 'utf8'));
  expect(statSync(file).mode & 0o777).toBe(0o640);
  expect(entries()).toEqual(['a.rules']);
}

describe('writeFileSafely', () => {
  it('replaces the content, keeps mode, BOM, CRLF and final newline, leaves no temporary file', () => {
    writeFileSafely(file, ORIGINAL, FIXED, { settleMs: 0 });
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(entries()).toEqual(['a.rules']);
  });

  it('disk full (ENOSPC) while writing: original intact, temporary removed, one-line error', () => {
    const fs: WriteFs = { ...nodeWriteFs, writeSync: () => { throw errnoError('ENOSPC'); } };
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs, settleMs: 0 })).toThrow(/^no space left on device \(ENOSPC\) while writing the temporary file$/);
    expectIntact();
  });

  it('a short write that ends at zero bytes is an error, not a truncated file', () => {
    let calls = 0;
    const fs: WriteFs = { ...nodeWriteFs, writeSync: (fd, b, o) => (calls++ === 0 ? nodeWriteFs.writeSync(fd, b, o, 5) : 0) };
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs, settleMs: 0 })).toThrow(/EIO/);
    expectIntact();
  });

  it('partial writes are continued until every byte is written', () => {
    const fs: WriteFs = { ...nodeWriteFs, writeSync: (fd, b, o, l) => nodeWriteFs.writeSync(fd, b, o, Math.min(l, 3)) };
    writeFileSafely(file, ORIGINAL, FIXED, { fs, settleMs: 0 });
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
  });

  for (const code of ['EXDEV', 'EACCES', 'EPERM', 'EBUSY']) {
    it(`rename failure (${code}): original intact, temporary removed`, () => {
      const fs: WriteFs = { ...nodeWriteFs, renameSync: () => { throw errnoError(code); } };
      expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs, settleMs: 0 })).toThrow(new RegExp(`\\(${code}\\) while renaming the temporary file over the original`));
      expectIntact();
    });
  }

  it('fsync failure (EIO): original intact, temporary removed', () => {
    const fs: WriteFs = { ...nodeWriteFs, fsyncSync: () => { throw errnoError('EIO'); } };
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs, settleMs: 0 })).toThrow(/input\/output error \(EIO\) while flushing/);
    expectIntact();
  });

  it('cannot create the temporary file (read-only folder, EROFS): original intact', () => {
    const fs: WriteFs = { ...nodeWriteFs, openSync: () => { throw errnoError('EROFS'); } };
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs, settleMs: 0 })).toThrow(/read-only file system \(EROFS\) while creating a temporary file/);
    expectIntact();
  });

  it('concurrent modification between read and rename: the other writer wins, nothing is replaced', () => {
    const theirs = 'alert tcp any any -> any any (msg:"edited by someone else"; sid:2;)\n';
    let injected = false;
    const fs: WriteFs = {
      ...nodeWriteFs,
      // Someone saves the file while we flush our temporary copy.
      fsyncSync: (fd) => {
        if (!injected) {
          injected = true;
          writeFileSync(file, theirs);
        }
        nodeWriteFs.fsyncSync(fd);
      },
    };
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs, settleMs: 0 })).toThrow(FileChangedError);
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(entries()).toEqual(['a.rules']);
  });

  it('the file changed before the write started: not replaced', () => {
    writeFileSync(file, ORIGINAL + 'alert ip any any -> any any (sid:9;)\n');
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { settleMs: 0 })).toThrow(/changed on disk/);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL + 'alert ip any any -> any any (sid:9;)\n');
    expect(entries()).toEqual(['a.rules']);
  });

  it('the file was deleted before the write: nothing is created', () => {
    rmSync(file);
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { settleMs: 0 })).toThrow();
    expect(entries()).toEqual([]);
  });

  it('a symbolic link to a file inside the tree: the target is fixed and the link kept', () => {
    mkdirSync(join(dir, 'shared'));
    const target = join(dir, 'shared', 't.rules');
    writeFileSync(target, ORIGINAL);
    const link = join(dir, 'link.rules');
    symlinkSync(join('shared', 't.rules'), link);
    writeFileSafely(link, ORIGINAL, FIXED, { tree: dir, settleMs: 0 });
    expect(readFileSync(target, 'utf8')).toBe(FIXED);
    expect(readFileSync(link, 'utf8')).toBe(FIXED);
    expect(readdirSync(join(dir, 'shared'))).toEqual(['t.rules']);
    expect(statSync(link).isFile()).toBe(true);
  });

  it('a symbolic link out of the tree: refused with a message naming the target, target untouched', () => {
    const outside = mkdtempSync(join(tmpdir(), 'suricata-lint-outside-'));
    try {
      const target = join(outside, 'other.rules');
      writeFileSync(target, ORIGINAL);
      const tree = join(dir, 'tree');
      mkdirSync(tree);
      const link = join(tree, 'link.rules');
      symlinkSync(target, link);
      expect(() => writeFileSafely(link, ORIGINAL, FIXED, { tree, settleMs: 0 })).toThrow(SymlinkOutsideTreeError);
      expect(() => writeFileSafely(link, ORIGINAL, FIXED, { tree, settleMs: 0 })).toThrow(/symbolic link to .*other\.rules, outside/);
      expect(readFileSync(target, 'utf8')).toBe(ORIGINAL);
      expect(readdirSync(outside)).toEqual(['other.rules']);
      expect(readdirSync(tree)).toEqual(['link.rules']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a file with several hard links is not replaced (renaming would split them)', () => {
    linkSync(file, join(dir, 'b.rules'));
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { settleMs: 0 })).toThrow(UnsafeReplaceError);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(entries()).toEqual(['a.rules', 'b.rules']);
  });

  it('byte comparison: a file with the same text but different bytes (no BOM) counts as changed', () => {
    writeFileSync(file, ORIGINAL.slice(1));
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { settleMs: 0 })).toThrow(FileChangedError);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL.slice(1));
  });
});

/** Issue 17: the writer respects the file itself, catches a writer paused mid-write, and cleans up after kill -9. */
describe('writeFileSafely: permissions, owner, concurrent writers (issue 17)', () => {
  const isRoot = process.geteuid?.() === 0;

  it('a read-only file (0444) is refused, even for root, and left as it is', () => {
    chmodSync(file, 0o444);
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { settleMs: 0 })).toThrow(/^it is read-only \(mode 0444\); not replaced/);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(entries()).toEqual(['a.rules']);
  });

  it('no write permission on the file itself (the folder is writable): refused', () => {
    const fs: WriteFs = { ...nodeWriteFs, accessSync: () => { throw errnoError('EACCES'); } };
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs, settleMs: 0 })).toThrow(/you have no write permission on it/);
    expectIntact();
  });

  it.skipIf(!isRoot)('the owner and group of a file owned by someone else are kept (needs root to create such a file)', () => {
    chownSync(file, 1234, 2345);
    writeFileSafely(file, ORIGINAL, FIXED, { settleMs: 0 });
    const st = statSync(file);
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([1234, 2345, 0o640]);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
  });

  it('the owner cannot be kept (chown refused): refused with a message naming the owner, original intact', () => {
    const fs: WriteFs = {
      ...nodeWriteFs,
      statSync: (p) => Object.assign(nodeWriteFs.statSync(p), p === file ? { uid: 4321 } : {}),
      fchownSync: () => { throw errnoError('EPERM'); },
    };
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs, settleMs: 0 })).toThrow(/^it is owned by uid 4321 gid \d+, and a replacement written by uid \d+ gid \d+ cannot keep that owner; not replaced/);
    expectIntact();
  });

  it.skipIf(!isRoot || !BUILT)('a root-owned file in a user\'s folder, fixed by that user: refused, still root-owned (real processes; needs root to set up)', () => {
    // The folder belongs to "nobody" (65534), the file to root but world-writable: renaming over it would make it nobody's.
    chownSync(dir, 65534, 65534);
    chmodSync(file, 0o666);
    const script = `import { writeFileSafely } from ${JSON.stringify(new URL('../../dist/cli/write-file-safely.js', import.meta.url).href)};
try { writeFileSafely(${JSON.stringify(file)}, ${JSON.stringify(ORIGINAL)}, ${JSON.stringify(FIXED)}, { settleMs: 0 }); console.log('written'); } catch (e) { console.log(e.message); }`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: dir });
    expect(r.stdout).toMatch(/^it is owned by uid 0 gid 0, and a replacement written by uid 65534 gid 65534 cannot keep that owner; not replaced/);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(statSync(file).uid).toBe(0);
    expect(entries()).toEqual(['a.rules']);
  });

  it('the temporary file is opened with O_CREAT|O_EXCL|O_NOFOLLOW under a random name', () => {
    const opened: { path: string; flags: string | number }[] = [];
    const fs: WriteFs = { ...nodeWriteFs, openSync: (p, f, m) => (opened.push({ path: p, flags: f }), nodeWriteFs.openSync(p, f, m)) };
    writeFileSafely(file, ORIGINAL, FIXED, { fs, settleMs: 0 });
    const tmp = opened.find((o) => o.path !== dir)!;
    expect(tmp.path).toMatch(new RegExp(`/\\.a\\.rules\\.suricata-lint-${process.pid}-[0-9a-f]{12}\\.tmp$`));
    const { O_CREAT, O_EXCL, O_NOFOLLOW } = constants;
    expect(Number(tmp.flags) & (O_CREAT | O_EXCL | O_NOFOLLOW)).toBe(O_CREAT | O_EXCL | O_NOFOLLOW);
  });

  it('a planted file at the temporary name (EEXIST) is not followed or reused: another name is taken', () => {
    let first = true;
    const fs: WriteFs = {
      ...nodeWriteFs,
      openSync: (p, f, m) => {
        if (first && p !== dir) {
          first = false;
          throw errnoError('EEXIST');
        }
        return nodeWriteFs.openSync(p, f, m);
      },
    };
    writeFileSafely(file, ORIGINAL, FIXED, { fs, settleMs: 0 });
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
  });

  it('a 250-character file name still gets a temporary name within NAME_MAX', () => {
    const long = join(dir, `${'r'.repeat(244)}.rules`);
    writeFileSync(long, ORIGINAL);
    writeFileSafely(long, ORIGINAL, FIXED, { settleMs: 0 });
    expect(readFileSync(long, 'utf8')).toBe(FIXED);
  });

  it('a writer paused mid-write (simulated: it resumes while the writer waits for the file to settle) is detected', () => {
    const half = 'alert ip any any -> any any (sid:1;)\n'.repeat(100);
    writeFileSync(file, half);
    const read = readTextFile(file);
    if (!read.ok) throw new Error(read.reason);
    const waits: number[] = [];
    const sleep = (ms: number): void => {
      waits.push(ms);
      appendFileSync(file, half); // the other writer writes its second half
    };
    expect(() => writeFileSafely(file, half, half.replace(/sid:1/g, 'sid:2'), { readStamp: read.stamp, sleep, settleMs: 1000 })).toThrow(FileChangedError);
    expect(waits.length).toBe(1);
    expect(waits[0]).toBeGreaterThan(0);
    expect(readFileSync(file, 'utf8')).toBe(half + half);
  });

  it('a file left alone for longer than the settle time is replaced without waiting', () => {
    const old = new Date(Date.now() - 10_000);
    utimesSync(file, old, old);
    const read = readTextFile(file);
    if (!read.ok) throw new Error(read.reason);
    let waited = false;
    writeFileSafely(file, ORIGINAL, FIXED, { readStamp: read.stamp, sleep: () => (waited = true) });
    expect(waited).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
  });

  it('a real writer that pauses 300 ms between its two halves (a 20,000-line file) is not overwritten', async () => {
    const line = 'alert ip any any -> any any (msg:"x"; sid:1;)\n';
    const script = `const fs=require('fs');const fd=fs.openSync(${JSON.stringify(file)},'w');const h=${JSON.stringify(line)}.repeat(10000);
fs.writeSync(fd,h);process.stdout.write('half\\n');setTimeout(()=>{fs.writeSync(fd,h);fs.closeSync(fd);process.exit(0)},300);`;
    const writer = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((res) => writer.stdout.once('data', () => res()));
    const read = readTextFile(file);
    if (!read.ok) throw new Error(read.reason);
    let error: unknown;
    try {
      // settleMs 3 s, not the default 1 s: the claim is "a pause shorter than the settle time is caught", and a loaded CI
      // machine may fire the writer's 300 ms timer late.
      writeFileSafely(file, read.text, read.text.replace(/sid:1/g, 'sid:2'), { readStamp: read.stamp, settleMs: 3000 });
    } catch (e) {
      error = e;
    }
    await new Promise((res) => writer.once('exit', res));
    expect(error).toBeInstanceOf(FileChangedError);
    expect(readFileSync(file, 'utf8')).toBe(line.repeat(20000));
    expect(entries()).toEqual(['a.rules']);
  });
});

describe('cleanStaleTemporaries (issue 17)', () => {
  it('removes the temporary files of dead processes, keeps those of live ones and anything else', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dir, `.a.rules.suricata-lint-${dead}-0123456789ab.tmp`), 'partial');
    writeFileSync(join(dir, `.a.rules.suricata-lint-1-0123456789ab.tmp`), 'pid 1 is alive');
    writeFileSync(join(dir, `.a.rules.suricata-lint-${process.pid}-0123456789ab.tmp`), 'ours');
    writeFileSync(join(dir, `.a.rules.suricata-lint-${dead}.bak`), 'not ours');
    expect(cleanStaleTemporaries(dir)).toEqual([`.a.rules.suricata-lint-${dead}-0123456789ab.tmp`]);
    expect(entries()).toEqual([`.a.rules.suricata-lint-${dead}.bak`, `.a.rules.suricata-lint-${process.pid}-0123456789ab.tmp`, '.a.rules.suricata-lint-1-0123456789ab.tmp', 'a.rules'].sort());
  });
});

describe('writeOutputFile (issue 17: -o reports, the verdict cache)', () => {
  it('a symbolic link planted at the output path is refused; its target is untouched', () => {
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, 'report.sarif'));
    expect(() => writeOutputFile(join(dir, 'report.sarif'), 'report')).toThrow(/^it is a symbolic link; output files are never written through a link/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('a dangling symbolic link is refused too (the write would create its target)', () => {
    symlinkSync(join(dir, 'created-by-link'), join(dir, 'report.json'));
    expect(() => writeOutputFile(join(dir, 'report.json'), 'report')).toThrow(/symbolic link \(dangling\)/);
    expect(entries()).toEqual(['a.rules', 'report.json']);
  });

  it('a new file gets 0666 less the umask; an existing one keeps its mode; a mode can be asked for', () => {
    writeOutputFile(join(dir, 'new.txt'), 'x');
    expect(statSync(join(dir, 'new.txt')).mode & 0o777).toBe(0o666 & ~process.umask());
    writeOutputFile(file, 'y');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readFileSync(file, 'utf8')).toBe('y');
    writeOutputFile(join(dir, 'cache', 'engine.json'), '{}', { mode: 0o600, makeFolders: true });
    expect(statSync(join(dir, 'cache', 'engine.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'cache')).mode & 0o777).toBe(0o700);
  });

  it('a full disk while writing leaves the previous report whole and no temporary file', () => {
    const fs: WriteFs = { ...nodeWriteFs, writeSync: () => { throw errnoError('ENOSPC'); } };
    expect(() => writeOutputFile(file, 'new report', { fs })).toThrow(/^no space left on device \(ENOSPC\) while writing the temporary file$/);
    expectIntact();
  });

  it('a read-only existing report is refused', () => {
    chmodSync(file, 0o444);
    expect(() => writeOutputFile(file, 'new report')).toThrow(/read-only/);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
  });

  it('/dev/null (a character device) is written directly', () => {
    expect(() => writeOutputFile('/dev/null', 'x')).not.toThrow();
  });
});
