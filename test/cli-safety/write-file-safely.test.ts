/**
 * Safe writes (issue 8): faults injected through the writer's fs interface (disk full, rename
 * failure, concurrent modification) leave the original byte-for-byte intact and no temporary file.
 */
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileChangedError, nodeWriteFs, SymlinkOutsideTreeError, UnsafeReplaceError, writeFileSafely, type WriteFs } from '../../src/cli/write-file-safely.js';

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
    writeFileSafely(file, ORIGINAL, FIXED);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(entries()).toEqual(['a.rules']);
  });

  it('disk full (ENOSPC) while writing: original intact, temporary removed, one-line error', () => {
    const fs: WriteFs = { ...nodeWriteFs, writeSync: () => { throw errnoError('ENOSPC'); } };
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs })).toThrow(/^no space left on device \(ENOSPC\) while writing the temporary file$/);
    expectIntact();
  });

  it('a short write that ends at zero bytes is an error, not a truncated file', () => {
    let calls = 0;
    const fs: WriteFs = { ...nodeWriteFs, writeSync: (fd, b, o) => (calls++ === 0 ? nodeWriteFs.writeSync(fd, b, o, 5) : 0) };
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs })).toThrow(/EIO/);
    expectIntact();
  });

  it('partial writes are continued until every byte is written', () => {
    const fs: WriteFs = { ...nodeWriteFs, writeSync: (fd, b, o, l) => nodeWriteFs.writeSync(fd, b, o, Math.min(l, 3)) };
    writeFileSafely(file, ORIGINAL, FIXED, { fs });
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
  });

  for (const code of ['EXDEV', 'EACCES', 'EPERM', 'EBUSY']) {
    it(`rename failure (${code}): original intact, temporary removed`, () => {
      const fs: WriteFs = { ...nodeWriteFs, renameSync: () => { throw errnoError(code); } };
      expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs })).toThrow(new RegExp(`\\(${code}\\) while renaming the temporary file over the original`));
      expectIntact();
    });
  }

  it('fsync failure (EIO): original intact, temporary removed', () => {
    const fs: WriteFs = { ...nodeWriteFs, fsyncSync: () => { throw errnoError('EIO'); } };
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs })).toThrow(/input\/output error \(EIO\) while flushing/);
    expectIntact();
  });

  it('cannot create the temporary file (read-only folder, EROFS): original intact', () => {
    const fs: WriteFs = { ...nodeWriteFs, openSync: () => { throw errnoError('EROFS'); } };
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs })).toThrow(/read-only file system \(EROFS\) while creating a temporary file/);
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
    expect(() => writeFileSafely(file, ORIGINAL, FIXED, { fs })).toThrow(FileChangedError);
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(entries()).toEqual(['a.rules']);
  });

  it('the file changed before the write started: not replaced', () => {
    writeFileSync(file, ORIGINAL + 'alert ip any any -> any any (sid:9;)\n');
    expect(() => writeFileSafely(file, ORIGINAL, FIXED)).toThrow(/changed on disk/);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL + 'alert ip any any -> any any (sid:9;)\n');
    expect(entries()).toEqual(['a.rules']);
  });

  it('the file was deleted before the write: nothing is created', () => {
    rmSync(file);
    expect(() => writeFileSafely(file, ORIGINAL, FIXED)).toThrow();
    expect(entries()).toEqual([]);
  });

  it('a symbolic link to a file inside the tree: the target is fixed and the link kept', () => {
    mkdirSync(join(dir, 'shared'));
    const target = join(dir, 'shared', 't.rules');
    writeFileSync(target, ORIGINAL);
    const link = join(dir, 'link.rules');
    symlinkSync(join('shared', 't.rules'), link);
    writeFileSafely(link, ORIGINAL, FIXED, { tree: dir });
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
      expect(() => writeFileSafely(link, ORIGINAL, FIXED, { tree })).toThrow(SymlinkOutsideTreeError);
      expect(() => writeFileSafely(link, ORIGINAL, FIXED, { tree })).toThrow(/symbolic link to .*other\.rules, outside/);
      expect(readFileSync(target, 'utf8')).toBe(ORIGINAL);
      expect(readdirSync(outside)).toEqual(['other.rules']);
      expect(readdirSync(tree)).toEqual(['link.rules']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a file with several hard links is not replaced (renaming would split them)', () => {
    linkSync(file, join(dir, 'b.rules'));
    expect(() => writeFileSafely(file, ORIGINAL, FIXED)).toThrow(UnsafeReplaceError);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(entries()).toEqual(['a.rules', 'b.rules']);
  });

  it('byte comparison: a file with the same text but different bytes (no BOM) counts as changed', () => {
    writeFileSync(file, ORIGINAL.slice(1));
    expect(() => writeFileSafely(file, ORIGINAL, FIXED)).toThrow(FileChangedError);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL.slice(1));
  });
});
