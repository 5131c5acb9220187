import { readFileSync } from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Offset of the first byte that is not valid UTF-8 (linear scan). */
function firstInvalidUtf8(buf: Uint8Array): number {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > buf.length) return i;
    try {
      decoder.decode(buf.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return -1;
}

/** Decodes rule-file bytes as UTF-8 text, or says precisely why it cannot be read as text. */
export function decodeText(buf: Uint8Array): ReadResult {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return { ok: false, reason: 'the file is UTF-16 (it starts with a UTF-16 byte order mark); Suricata reads rule files as UTF-8/ASCII: convert it, e.g. iconv -f UTF-16 -t UTF-8' };
  }
  const nul = buf.indexOf(0);
  if (nul >= 0) return { ok: false, reason: `the file contains a NUL byte at byte offset ${nul}: it looks binary, not a rules text` };
  try {
    return { ok: true, text: decoder.decode(buf) };
  } catch {
    const at = firstInvalidUtf8(buf);
    return { ok: false, reason: `the file is not valid UTF-8 (first invalid byte at offset ${at}: 0x${buf[at]?.toString(16).padStart(2, '0')})` };
  }
}

export function readTextFile(path: string): ReadResult {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code === 'ENOENT' ? 'no such file (it may have been removed during the run)' : code === 'ELOOP' ? 'too many levels of symbolic links' : `cannot be read (${code ?? String(e)})`;
    return { ok: false, reason };
  }
  return decodeText(buf);
}
