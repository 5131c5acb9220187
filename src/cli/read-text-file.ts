import * as nodeFs from 'node:fs';
import { stampOf, type FileStamp } from './write-file-safely.js';

/** `stamp`: the file's identity, size and times when it was read (`--fix` refuses to replace a file that differs). */
export type ReadResult = { ok: true; text: string; stamp?: FileStamp } | { ok: false; reason: string };

/** Larger files are refused (a JavaScript string holds at most ~512 M UTF-16 units). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Files with more lines are refused with a clear message instead of exhausting the heap: the parse
 * tree takes about 4.6 KB per rule, so ~900,000 rules exceed Node's default 4 GB heap and crash with
 * a V8 out-of-memory abort. Far above real rule sets (AWS caps a rule group at 30,000 rules; ET Open
 * has ~60,000). Raise it when the tree gets lighter.
 */
export const MAX_LINES = 400_000;

/** Hosts whose rules sit in strings, where `\n` escapes end rule lines (AWS rule group JSON, YAML, Terraform). */
const HOST_FILE = /\.(json|ya?ml|tf)$/i;

/**
 * Line breaks as the statement splitter sees them, stopping once past `limit`: LF, CRLF and a lone CR
 * each count one (a CR-only file is as many lines as it has CRs). In host files (`escapes`), the
 * two-character escapes `\n` and `\r` (not after a `\n`) count too: a one-line rule group JSON holding
 * a million rules in one `RulesString` is a million lines. Linear.
 */
export function countLines(buf: Uint8Array, limit: number, escapes = false): number {
  let n = 0;
  for (let i = 0; i < buf.length && n <= limit; i++) {
    const b = buf[i];
    if (b === 10) n++;
    else if (b === 13) {
      if (buf[i + 1] !== 10) n++;
    } else if (escapes && b === 92) {
      const e = buf[i + 1];
      if (e === 110) n++;
      else if (e === 114 && !(buf[i + 2] === 92 && buf[i + 3] === 110)) n++;
      i++;
    }
  }
  return n;
}

/**
 * The one input gate (issue 17): every input, from a file or --stdin, goes through it, with the same
 * limits and the same messages. `bytes` is the whole input (at most MAX_FILE_BYTES + 1 bytes read);
 * `path` decides whether `\n` escapes count as lines (host files). Never throws.
 */
export function gateInput(bytes: Uint8Array, path: string): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: `the input is more than ${MAX_FILE_BYTES / 1024 / 1024} MiB, the limit for a rules file` };
  const escapes = HOST_FILE.test(path);
  if (countLines(bytes, MAX_LINES, escapes) > MAX_LINES) {
    return {
      ok: false,
      reason: `the file has more than ${MAX_LINES} lines${escapes ? ' (counting \\n in rule strings)' : ''}, more than suricata-lint can hold in memory at once; split it into several files`,
    };
  }
  return decodeText(bytes);
}

/** The file-system calls the reader makes; tests pass a fake to inject faults and races. */
export interface ReadFs {
  statSync(path: string): nodeFs.Stats;
  openSync(path: string, flags: number | string): number;
  fstatSync(fd: number): nodeFs.Stats;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  closeSync(fd: number): void;
}

export const nodeReadFs: ReadFs = {
  statSync: (p) => nodeFs.statSync(p),
  openSync: (p, f) => nodeFs.openSync(p, f),
  fstatSync: (fd) => nodeFs.fstatSync(fd),
  readSync: (fd, b, o, l, p) => nodeFs.readSync(fd, b, o, l, p),
  closeSync: (fd) => nodeFs.closeSync(fd),
};

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Offset of the first byte that is not valid UTF-8 (linear scan, per the Unicode well-formed table). */
export function firstInvalidUtf8(buf: Uint8Array): number {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > buf.length) return i;
    // Second byte ranges that exclude overlongs, surrogates and code points above U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (buf[i + 1] < lo || buf[i + 1] > hi) return i;
    for (let k = 2; k < n; k++) if (buf[i + k] < 0x80 || buf[i + k] > 0xbf) return i;
    i += n;
  }
  return -1;
}

function hex(b: number | undefined): string {
  return b === undefined ? 'end of file' : `0x${b.toString(16).padStart(2, '0')}`;
}

/** Decodes rule-file bytes as UTF-8 text, or says in one line why it cannot be read as text. */
export function decodeText(buf: Uint8Array): ReadResult {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    const order = buf[0] === 0xff ? 'LE' : 'BE';
    return { ok: false, reason: `the file is UTF-16${order} (it starts with a UTF-16 byte order mark); Suricata reads rule files as UTF-8: convert it, e.g. iconv -f UTF-16 -t UTF-8` };
  }
  const nul = buf.indexOf(0);
  if (nul >= 0) return { ok: false, reason: `the file contains a NUL byte at byte offset ${nul}: it looks binary, not a rules text` };
  try {
    return { ok: true, text: decoder.decode(buf) };
  } catch {
    const at = firstInvalidUtf8(buf);
    return { ok: false, reason: `the file is not valid UTF-8: invalid byte ${hex(buf[at])} at byte offset ${at}; save it as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)` };
  }
}

const ERRNO_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOENT: 'no such file (it may have been removed during the run)',
  ENOTDIR: 'a component of the path is not a folder',
  ELOOP: 'too many levels of symbolic links (a symlink loop?)',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
};

function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return (code && ERRNO_REASONS[code]) ?? `cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`;
}

function kindOf(st: nodeFs.Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'is a directory';
  if (st.isFIFO()) return 'is a named pipe (FIFO), not a regular file; not read';
  if (st.isSocket()) return 'is a socket, not a regular file; not read';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a regular file; not read';
  return 'is not a regular file; not read';
}

/**
 * Reads a rules file as UTF-8 text. Never throws: a file that cannot be read as text gives a
 * one-line reason. Only regular files are opened (a FIFO or device would block or never end), the
 * size is checked on the open descriptor (no race between check and read), and the read stops at
 * the size seen then plus one byte, so a file that grows while it is read is reported, not chased.
 */
export function readTextFile(path: string, fs: ReadFs = nodeReadFs): ReadResult {
  let fd: number | undefined;
  try {
    const pre = fs.statSync(path);
    const notFile = kindOf(pre);
    if (notFile) return { ok: false, reason: notFile };
    fd = fs.openSync(path, nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    const notFile2 = kindOf(st);
    if (notFile2) return { ok: false, reason: notFile2 };
    if (st.size > MAX_FILE_BYTES) {
      return { ok: false, reason: `the file is ${st.size} bytes, more than the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit for a rules file` };
    }
    const buf = Buffer.allocUnsafe(st.size + 1);
    let len = 0;
    while (len < buf.length) {
      const n = fs.readSync(fd, buf, len, buf.length - len, null);
      if (n === 0) break;
      len += n;
    }
    if (len > st.size) return { ok: false, reason: 'the file grew while it was being read (is something writing to it?); run again' };
    const decoded = gateInput(buf.subarray(0, len), path);
    return decoded.ok ? { ...decoded, stamp: stampOf(st) } : decoded;
  } catch (e) {
    return { ok: false, reason: errnoReason(e) };
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
