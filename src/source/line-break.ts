/**
 * The line break a text uses: `\r\n` when it has one anywhere, else `\n`. Text a fix adds (a new rule,
 * a moved comment) takes it, so a CRLF file stays CRLF (fixes never mix line endings).
 */
export function lineBreakOf(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
