/** A rule statement as Suricata's rule-file loader reads it. */
export interface LoaderStatement {
  /** 1-based number of the statement's first physical line (what Suricata reports as "at line N"). */
  readonly line: number;
  /** 1-based number of its last physical line. */
  readonly endLine: number;
  /** The text Suricata parses: continuation lines joined, the final line terminator removed. */
  readonly text: string;
}

/**
 * Splits a rules text into statements exactly as Suricata 7's loader (`DetectLoadSigFile`) does: lines are
 * split on `\n` only; a line whose first character is `\n`, `\r`, space, tab or `#` is skipped; while the last
 * non-space character is `\`, the next line is appended in place of that backslash; one trailing `\n` or
 * `\r` is removed. A statement still open at the end of the text is dropped, as Suricata drops it.
 * Deliberately independent of `src/syntax`, so that the engine cross-check does not inherit parser bugs.
 */
export function readLoaderStatements(text: string): LoaderStatement[] {
  const lines = text.split('\n');
  // `split` yields a trailing empty string when the text ends in a newline; fgets would not read it.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const out: LoaderStatement[] = [];
  let buffer = '';
  let open = false;
  let first = 0;
  for (let i = 0; i < lines.length; i++) {
    const lineText = lines[i];
    if (!open) {
      const c = lineText.charCodeAt(0);
      // An empty physical line is "\n" to fgets: skipped like the other markers.
      if (lineText.length === 0 || c === 13 || c === 32 || c === 9 || c === 35) continue;
      first = i + 1;
      open = true;
    }
    buffer += lineText;
    let end = buffer.length;
    while (end > 0 && isCSpace(buffer.charCodeAt(end - 1))) end--;
    if (end > 0 && buffer.charCodeAt(end - 1) === 92 /* \ */) {
      buffer = buffer.slice(0, end - 1);
      continue;
    }
    let stmt = buffer;
    if (stmt.endsWith('\r')) stmt = stmt.slice(0, -1);
    out.push({ line: first, endLine: i + 1, text: stmt });
    buffer = '';
    open = false;
  }
  return out;
}

/** C `isspace`: space, \t, \n, \v, \f, \r. */
function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
