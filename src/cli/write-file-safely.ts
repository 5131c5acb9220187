import * as nodeFs from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** The file-system calls the writer makes; tests pass a fake to inject faults. */
export interface WriteFs {
  lstatSync(path: string): nodeFs.Stats;
  statSync(path: string): nodeFs.Stats;
  realpathSync(path: string): string;
  readFileSync(path: string): Buffer;
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

export const nodeWriteFs: WriteFs = {
  lstatSync: (p) => nodeFs.lstatSync(p),
  statSync: (p) => nodeFs.statSync(p),
  realpathSync: (p) => nodeFs.realpathSync(p),
  readFileSync: (p) => nodeFs.readFileSync(p),
  openSync: (p, f, m) => nodeFs.openSync(p, f, m),
  writeSync: (fd, b, o, l) => nodeFs.writeSync(fd, b, o, l),
  fsyncSync: (fd) => nodeFs.fsyncSync(fd),
  fchmodSync: (fd, m) => nodeFs.fchmodSync(fd, m),
  fchownSync: (fd, u, g) => nodeFs.fchownSync(fd, u, g),
  closeSync: (fd) => nodeFs.closeSync(fd),
  renameSync: (a, b) => nodeFs.renameSync(a, b),
  unlinkSync: (p) => nodeFs.unlinkSync(p),
};

/** The file on disk is no longer the text that was linted: someone else changed it. Not overwritten. */
export class FileChangedError extends Error {}
/** The path is a symbolic link to a file outside the tree given on the command line. Not followed. */
export class SymlinkOutsideTreeError extends Error {}
/** The file cannot be replaced safely (hard links, not a regular file). Left as it is. */
export class UnsafeReplaceError extends Error {}

export interface WriteFileSafelyOptions {
  /**
   * The tree the user asked to fix (the command-line path the file was found under). A symbolic
   * link is followed, and its target fixed, only when the target lies inside this tree.
   * Default: the current directory.
   */
  readonly tree?: string;
  readonly fs?: WriteFs;
}

const ERRNO_WORDS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EXDEV: 'cannot rename across file systems',
  EIO: 'input/output error',
  ENOENT: 'the file or its folder disappeared',
  EBUSY: 'the file is busy',
  EMFILE: 'too many open files',
};

function describe(e: unknown, step: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code) return `${ERRNO_WORDS[code] ?? 'system error'} (${code}) while ${step}`;
  return `${e instanceof Error ? e.message : String(e)} while ${step}`;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Where to write: the path itself, or a symlink's target when that target is inside the tree. */
function resolveTarget(path: string, tree: string, fs: WriteFs): string {
  const lst = fs.lstatSync(path);
  if (!lst.isSymbolicLink()) return path;
  const target = fs.realpathSync(path);
  let realTree: string;
  try {
    realTree = fs.realpathSync(tree);
  } catch {
    realTree = resolve(tree);
  }
  if (!isInside(target, realTree)) {
    throw new SymlinkOutsideTreeError(`it is a symbolic link to ${target}, outside ${tree}; not followed (fix the target directly if you mean to)`);
  }
  return target;
}

/** Random hex for temporary file names. node:crypto loads here, on the first write, not at start-up (it costs ms). */
function randomSuffix(): string {
  return process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex');
}

/**
 * Replaces a file's content atomically and without losing a byte:
 * 1. a symbolic link is followed only to a target inside `options.tree` (else SymlinkOutsideTreeError);
 * 2. the content goes to a new temporary file (O_EXCL) in the target's own folder, written fully,
 *    given the original's mode (and owner, where permitted), and fsynced;
 * 3. the original is read again and compared byte for byte with `expectedOriginal`: if someone
 *    changed it since it was read, nothing is replaced (FileChangedError);
 * 4. the temporary file is renamed over the original and the folder fsynced.
 * On any error the original is left as it was, the temporary file is removed, and the error thrown
 * has a one-line message saying what failed. Line endings, BOM and final newline are whatever
 * `content` holds: the fixer edits text and keeps them.
 */
export function writeFileSafely(path: string, expectedOriginal: string | Uint8Array, content: string | Uint8Array, options: WriteFileSafelyOptions = {}): void {
  const fs = options.fs ?? nodeWriteFs;
  const target = resolveTarget(path, options.tree ?? '.', fs);
  const st = fs.statSync(target);
  if (!st.isFile()) throw new UnsafeReplaceError('it is not a regular file; not replaced');
  if (st.nlink > 1) throw new UnsafeReplaceError(`it has ${st.nlink} hard links and replacing it would split them; not replaced (fix it with --diff and apply the patch)`);
  const expected = typeof expectedOriginal === 'string' ? Buffer.from(expectedOriginal, 'utf8') : Buffer.from(expectedOriginal);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.suricata-lint-${process.pid}-${randomSuffix()}.tmp`);
  const mode = st.mode & 0o7777;

  let fd: number | undefined;
  let step = 'creating a temporary file';
  let created = false;
  try {
    fd = fs.openSync(tmp, 'wx', 0o600);
    created = true;
    step = 'writing the temporary file';
    for (let off = 0; off < bytes.length; ) {
      const n = fs.writeSync(fd, bytes, off, bytes.length - off);
      if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      off += n;
    }
    step = 'setting the file mode';
    fs.fchmodSync(fd, mode);
    try {
      if (typeof process.getuid === 'function' && process.getuid() === 0) fs.fchownSync(fd, st.uid, st.gid);
    } catch {
      /* owner kept where permitted; not an error */
    }
    step = 'flushing the temporary file to disk';
    fs.fsyncSync(fd);
    step = 'closing the temporary file';
    const toClose = fd;
    fd = undefined;
    fs.closeSync(toClose);
    step = 'checking that the file did not change since it was read';
    if (!fs.readFileSync(target).equals(expected)) {
      throw new FileChangedError('it changed on disk while it was being fixed; it was left as it is (run again to fix the new content)');
    }
    step = 'renaming the temporary file over the original';
    fs.renameSync(tmp, target);
    created = false;
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    if (created) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        /* already gone */
      }
    }
    if (e instanceof FileChangedError) throw e;
    throw new Error(describe(e, step), { cause: e });
  }
  fsyncDirectory(dir, fs);
}

/** Makes the rename durable. Best effort: some platforms cannot open or fsync a folder. */
function fsyncDirectory(dir: string, fs: WriteFs): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* not supported here (Windows); the rename itself is atomic */
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* ignore */
      }
    }
  }
}
