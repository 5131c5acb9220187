import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class FileChangedError extends Error {}

/**
 * Replaces a file's content atomically: write a temporary file in the same folder, fsync, check that
 * the original still has the content we read (never overwrite someone else's change), keep its mode,
 * then rename over it. On any error the original is left intact and the temporary file removed.
 */
export function writeFileSafely(path: string, expectedOriginal: string, content: string): void {
  const st = statSync(path);
  const tmp = join(dirname(path), `.${basename(path)}.suricata-lint-${process.pid}-${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', st.mode & 0o7777);
    writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(tmp, st.mode & 0o7777);
    if (readFileSync(path, 'utf8') !== expectedOriginal) {
      throw new FileChangedError(`${path} changed on disk while it was being fixed; it was left as it is`);
    }
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}
