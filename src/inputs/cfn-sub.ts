import { DecodedStringBuilder, type DecodedString } from './decoded-string.js';

/**
 * Applies CloudFormation Fn::Sub template syntax to an already decoded string: `${Name}` stays in the text
 * and is marked unresolved; `${!Literal}` becomes the literal `${Literal}`. Encoding re-escapes `${` as `${!`.
 */
export function applyCfnSub(decoded: DecodedString): DecodedString {
  const src = decoded.text;
  const map = decoded.hostOffsets;
  const b = new DecodedStringBuilder();
  const copy = (from: number, to: number): void => {
    for (let i = from; i < to; i++) b.appendAt(src[i], map[i]);
  };
  let i = 0;
  let runStart = 0;
  while (i < src.length) {
    if (src[i] !== '$' || src[i + 1] !== '{') {
      i++;
      continue;
    }
    copy(runStart, i);
    if (src[i + 2] === '!') {
      copy(i, i + 2);
      i += 3; // `${!` is the escape for a literal `${`: drop the '!'
    } else {
      const close = src.indexOf('}', i + 2);
      const end = close < 0 ? src.length : close + 1;
      const start = b.decodedLength;
      copy(i, end);
      b.markUnresolved(start, b.decodedLength);
      i = end;
    }
    runStart = i;
  }
  copy(runStart, src.length);
  return b.finish(map[src.length], (text) => decoded.encode(text.split('${').join('${!')));
}
