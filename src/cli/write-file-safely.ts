import * as nodeFs from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/**
 * The one place suricata-lint writes files: `--fix` (writeFileSafely), `-o/--output-file` and the engine
 * verdict cache (writeOutputFile). Every write goes to a new temporary file in the target's folder,
 * created with O_CREAT|O_EXCL|O_NOFOLLOW under a random name, and is renamed over the target only when
 * complete. See SECURITY.md, guarantee 3, for the exact promises.
 */

/** The file-system calls the writer makes; tests pass a fake to inject faults. */
export interface WriteFs {
  lstatSync(path: string): nodeFs.Stats;
  statSync(path: string): nodeFs.Stats;
  fstatSync(fd: number): nodeFs.Stats;
  realpathSync(path: string): string;
  readFileSync(path: string): Buffer;
  accessSync(path: string, mode: number): void;
  openSync(path: string, flags: string | number, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  readdirSync(path: string): string[];
  mkdirSync(path: string, options: { recursive: true; mode: number }): void;
}

export const nodeWriteFs: WriteFs = {
  lstatSync: (p) => nodeFs.lstatSync(p),
  statSync: (p) => nodeFs.statSync(p),
  fstatSync: (fd) => nodeFs.fstatSync(fd),
  realpathSync: (p) => nodeFs.realpathSync(p),
  readFileSync: (p) => nodeFs.readFileSync(p),
  accessSync: (p, m) => nodeFs.accessSync(p, m),
  openSync: (p, f, m) => nodeFs.openSync(p, f, m),
  writeSync: (fd, b, o, l) => nodeFs.writeSync(fd, b, o, l),
  fsyncSync: (fd) => nodeFs.fsyncSync(fd),
  fchmodSync: (fd, m) => nodeFs.fchmodSync(fd, m),
  fchownSync: (fd, u, g) => nodeFs.fchownSync(fd, u, g),
  closeSync: (fd) => nodeFs.closeSync(fd),
  renameSync: (a, b) => nodeFs.renameSync(a, b),
  unlinkSync: (p) => nodeFs.unlinkSync(p),
  readdirSync: (p) => nodeFs.readdirSync(p),
  mkdirSync: (p, o) => void nodeFs.mkdirSync(p, o),
};

/** The file on disk is no longer the text that was linted: someone else changed it. Not overwritten. */
export class FileChangedError extends Error {}
/** The path is a symbolic link to a file outside the tree given on the command line. Not followed. */
export class SymlinkOutsideTreeError extends Error {}
/** The file cannot be replaced safely (hard links, not a regular file, read-only, owner or mode not keepable). Left as it is. */
export class UnsafeReplaceError extends Error {}

/**
 * What the reader saw when it read a file (`readTextFile`): the writer refuses to replace a file whose
 * identity, size or times differ from these. Times in milliseconds since the epoch, as `fs.Stats` gives them.
 */
export interface FileStamp {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

/** The stamp of a `stat` result. */
export function stampOf(st: nodeFs.Stats): FileStamp {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/**
 * A file must have been left alone this long (its mtime at least this old) before it is replaced; a
 * younger file is re-checked after waiting out the difference. A writer that pauses for less than this
 * between two writes is therefore detected (SECURITY.md, guarantee 3).
 */
export const SETTLE_MS = 1000;

export interface WriteFileSafelyOptions {
  /**
   * The tree the user asked to fix (the command-line path the file was found under). A symbolic
   * link is followed, and its target fixed, only when the target lies inside this tree.
   * Default: the current directory.
   */
  readonly tree?: string;
  /** The file's stamp when it was read; default: its stamp when this call starts (a weaker check). */
  readonly readStamp?: FileStamp;
  /** See SETTLE_MS (tests pass 0). */
  readonly settleMs?: number;
  readonly fs?: WriteFs;
  /** Milliseconds since the epoch; tests inject a clock. */
  readonly now?: () => number;
  /** Blocks for `ms` milliseconds; tests inject one that simulates a writer. */
  readonly sleep?: (ms: number) => void;
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
  ELOOP: 'a symbolic link was found where none may be',
  EEXIST: 'a file of the temporary name already exists',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the path is too long',
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

/** `.NAME.suricata-lint-PID-RANDOM.tmp`; NAME is cut to 100 characters so the name stays under NAME_MAX (255). */
function temporaryPath(target: string): string {
  return join(dirname(target), `.${basename(target).slice(0, 100)}.suricata-lint-${process.pid}-${randomSuffix()}.tmp`);
}

/** Names of the temporary files this module creates; group 1 is the writer's process id. */
export const TEMPORARY_NAME = /^\..*\.suricata-lint-(\d+)-[0-9a-f]+\.tmp$/s;

const O_NOFOLLOW = nodeFs.constants.O_NOFOLLOW ?? 0;
const CREATE_FLAGS = nodeFs.constants.O_WRONLY | nodeFs.constants.O_CREAT | nodeFs.constants.O_EXCL | O_NOFOLLOW;

function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Refuses a file that may not be written: no write bit at all (0444: refused even for root, as `rm`
 * asks), or no write permission for this process on the file itself (renaming over it needs only the
 * folder's permission, which is not the owner's consent).
 */
function checkWritable(target: string, st: nodeFs.Stats, fs: WriteFs): void {
  if ((st.mode & 0o222) === 0) {
    throw new UnsafeReplaceError(`it is read-only (mode ${(st.mode & 0o7777).toString(8).padStart(4, '0')}); not replaced (make it writable, e.g. chmod u+w, if you mean to fix it)`);
  }
  try {
    fs.accessSync(target, nodeFs.constants.W_OK);
  } catch {
    throw new UnsafeReplaceError(`you have no write permission on it (owner uid ${st.uid}, mode ${(st.mode & 0o7777).toString(8).padStart(4, '0')}); not replaced`);
  }
}

interface ReplaceSpec {
  /** Mode, owner and group the new file must have (undefined: the process's own, mode from `mode`). */
  readonly mode: number;
  readonly uid?: number;
  readonly gid?: number;
  /** Runs after the temporary file is complete and before the rename; throws to cancel. */
  readonly verify?: () => void;
}

/**
 * Writes `bytes` to a new temporary file beside `target` and renames it over `target`. The temporary
 * file is removed on every error; errors other than the typed ones become one line naming the step.
 */
function replaceAtomically(target: string, bytes: Uint8Array, spec: ReplaceSpec, fs: WriteFs): void {
  const dir = dirname(target);
  let tmp = temporaryPath(target);
  let fd: number | undefined;
  let step = 'creating a temporary file';
  let created = false;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        fd = fs.openSync(tmp, CREATE_FLAGS, 0o600);
        break;
      } catch (e) {
        // A random name taken (astronomically unlikely, or planted): another name, a few times.
        if ((e as NodeJS.ErrnoException)?.code !== 'EEXIST' || attempt >= 3) throw e;
        tmp = temporaryPath(target);
      }
    }
    created = true;
    step = 'writing the temporary file';
    for (let off = 0; off < bytes.length; ) {
      const n = fs.writeSync(fd, bytes, off, bytes.length - off);
      if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      off += n;
    }
    if (spec.uid !== undefined && spec.gid !== undefined) {
      step = 'giving the temporary file the original owner';
      const own = fs.fstatSync(fd);
      if (own.uid !== spec.uid || own.gid !== spec.gid) {
        try {
          fs.fchownSync(fd, spec.uid, spec.gid);
        } catch {
          throw new UnsafeReplaceError(
            `it is owned by uid ${spec.uid} gid ${spec.gid}, and a replacement written by uid ${own.uid} gid ${own.gid} cannot keep that owner; not replaced (run as its owner, or use --diff and apply the patch)`,
          );
        }
      }
    }
    step = 'setting the file mode';
    // After chown, which may clear set-user-ID and set-group-ID bits.
    fs.fchmodSync(fd, spec.mode);
    const made = fs.fstatSync(fd);
    if ((made.mode & 0o7777) !== spec.mode || (spec.uid !== undefined && made.uid !== spec.uid) || (spec.gid !== undefined && made.gid !== spec.gid)) {
      throw new UnsafeReplaceError(
        `its mode ${spec.mode.toString(8).padStart(4, '0')} or owner ${spec.uid ?? '-'}:${spec.gid ?? '-'} could not be given to the replacement (got ${(made.mode & 0o7777).toString(8).padStart(4, '0')} ${made.uid}:${made.gid}); not replaced`,
      );
    }
    step = 'flushing the temporary file to disk';
    fs.fsyncSync(fd);
    step = 'closing the temporary file';
    const toClose = fd;
    fd = undefined;
    fs.closeSync(toClose);
    step = 'checking that the file did not change since it was read';
    spec.verify?.();
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
    if (e instanceof FileChangedError || e instanceof UnsafeReplaceError || e instanceof SymlinkOutsideTreeError) throw e;
    throw new Error(describe(e, step), { cause: e });
  }
  fsyncDirectory(dir, fs);
}

/**
 * Replaces a linted file's content atomically and without losing a byte:
 * 1. a symbolic link is followed only to a target inside `options.tree` (else SymlinkOutsideTreeError);
 * 2. the target must be a regular file with one link, writable by this process through its own
 *    permissions and not read-only (0444) (else UnsafeReplaceError);
 * 3. the content goes to a new temporary file (random name, O_CREAT|O_EXCL|O_NOFOLLOW) in the target's
 *    own folder, written fully, given the original's owner and group (refused when that is not
 *    possible: UnsafeReplaceError) and mode, and fsynced;
 * 4. the file must not have changed since it was read: same device, inode, size, mtime and ctime as
 *    `options.readStamp`; its mtime at least `settleMs` old (else this call waits and checks again,
 *    so a writer paused mid-write is caught when it resumes); and its bytes, read again, equal to
 *    `expectedOriginal` (else FileChangedError);
 * 5. the temporary file is renamed over the original and the folder fsynced.
 * On any error the original is left as it was, the temporary file is removed, and the error thrown
 * has a one-line message saying what failed. Extended attributes and ACLs are not carried over (Node
 * has no API for them). Line endings, BOM and final newline are whatever `content` holds.
 */
export function writeFileSafely(path: string, expectedOriginal: string | Uint8Array, content: string | Uint8Array, options: WriteFileSafelyOptions = {}): void {
  const fs = options.fs ?? nodeWriteFs;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? blockFor;
  const settleMs = options.settleMs ?? SETTLE_MS;
  const target = resolveTarget(path, options.tree ?? '.', fs);
  const st = fs.statSync(target);
  if (!st.isFile()) throw new UnsafeReplaceError('it is not a regular file; not replaced');
  if (st.nlink > 1) throw new UnsafeReplaceError(`it has ${st.nlink} hard links and replacing it would split them; not replaced (fix it with --diff and apply the patch)`);
  checkWritable(target, st, fs);
  const stamp = options.readStamp ?? stampOf(st);
  const expected = typeof expectedOriginal === 'string' ? Buffer.from(expectedOriginal, 'utf8') : Buffer.from(expectedOriginal);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const changed = (): FileChangedError => new FileChangedError('it changed on disk while it was being fixed; it was left as it is (run again to fix the new content)');
  const unchanged = (): void => {
    if (!sameStamp(stampOf(fs.statSync(target)), stamp)) throw changed();
  };

  const verify = (): void => {
    unchanged();
    // A file written moments ago may be in the middle of a save: wait until it is settleMs old, then look again.
    const age = now() - stamp.mtimeMs;
    if (age < settleMs) {
      sleep(Math.min(settleMs, settleMs - age));
      unchanged();
    }
    if (!fs.readFileSync(target).equals(expected)) throw changed();
    unchanged();
  };
  replaceAtomically(target, bytes, { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, verify }, fs);
}

export interface WriteOutputFileOptions {
  /** Mode of a new file (default 0o666 less the umask); an existing file keeps its mode. */
  readonly mode?: number;
  /** Create missing parent folders (mode 0o700). */
  readonly makeFolders?: boolean;
  /** Replace an existing file with one of `mode`, owned by this process (the verdict cache: never keep a planted file's mode). */
  readonly fresh?: boolean;
  readonly fs?: WriteFs;
}

/**
 * Writes a whole output file (`-o` reports, the verdict cache) atomically through a temporary file
 * and a rename, never following a symbolic link: a path that is a symbolic link to a regular file is
 * refused (UnsafeReplaceError), so a link planted in a checkout cannot redirect the write. A path that
 * is (or links to) a character device or FIFO, such as /dev/stdout or /dev/null, is written directly.
 * An existing regular file must be writable by this process, have one link, and keeps its mode and
 * owner (refused when they cannot be kept).
 */
export function writeOutputFile(path: string, content: string | Uint8Array, options: WriteOutputFileOptions = {}): void {
  const fs = options.fs ?? nodeWriteFs;
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (options.makeFolders) {
    try {
      fs.mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    } catch (e) {
      throw new Error(describe(e, 'creating its folder'), { cause: e });
    }
  }
  let lst: nodeFs.Stats | undefined;
  try {
    lst = fs.lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code !== 'ENOENT') throw new Error(describe(e, 'looking at the existing file'), { cause: e });
  }
  if (lst && (lst.isSymbolicLink() || lst.isCharacterDevice() || lst.isFIFO())) {
    let st: nodeFs.Stats | undefined;
    try {
      st = fs.statSync(path);
    } catch {
      /* dangling link */
    }
    if (st && (st.isCharacterDevice() || st.isFIFO())) {
      writeStream(path, bytes, fs);
      return;
    }
    if (lst.isSymbolicLink()) throw new UnsafeReplaceError(`it is a symbolic link${st ? '' : ' (dangling)'}; output files are never written through a link (remove it or choose another path)`);
  }
  if (lst && !lst.isFile()) throw new UnsafeReplaceError('it exists and is not a regular file; not replaced');
  cleanStaleTemporaries(dirname(path), fs);
  if (lst && !options.fresh) {
    if (lst.nlink > 1) throw new UnsafeReplaceError(`it has ${lst.nlink} hard links and replacing it would split them; not replaced`);
    checkWritable(path, lst, fs);
    replaceAtomically(path, bytes, { mode: lst.mode & 0o7777, uid: lst.uid, gid: lst.gid }, fs);
    return;
  }
  replaceAtomically(path, bytes, { mode: options.mode ?? 0o666 & ~process.umask() }, fs);
}

/** A device or FIFO: written in place (there is nothing to replace). */
function writeStream(path: string, bytes: Uint8Array, fs: WriteFs): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, nodeFs.constants.O_WRONLY);
    for (let off = 0; off < bytes.length; ) {
      const n = fs.writeSync(fd, bytes, off, bytes.length - off);
      if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      off += n;
    }
  } catch (e) {
    throw new Error(describe(e, 'writing'), { cause: e });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException)?.code !== 'ESRCH';
  }
}

const cleaned = new Set<string>();

/**
 * Removes this tool's temporary files (TEMPORARY_NAME) left in `dir` by processes that no longer run
 * (a `kill -9` or power loss during a write). Only regular files are removed, and only once per
 * folder per process. Never throws; returns the names removed.
 */
export function cleanStaleTemporaries(dir: string, fs: WriteFs = nodeWriteFs): string[] {
  const key = resolve(dir);
  if (cleaned.has(key)) return [];
  cleaned.add(key);
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMPORARY_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || processIsAlive(pid)) continue;
    try {
      const p = join(dir, name);
      if (!fs.lstatSync(p).isFile()) continue;
      fs.unlinkSync(p);
      removed.push(name);
    } catch {
      /* gone already, or not ours to remove */
    }
  }
  return removed;
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
