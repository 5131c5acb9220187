import type { TextRange } from '../source/text-range.js';
import type { EmbeddedRules } from './embedded-rules.js';

/**
 * Maps edits on the decoded rules text to edits on the host file: ranges through `toHostOffset`, text through
 * `encodeForHost`. Undefined when the source is generated or any edit's text cannot be encoded in place.
 */
export function mapEditsToHost(
  src: EmbeddedRules,
  edits: readonly { range: TextRange; text: string }[],
): { range: TextRange; text: string }[] | undefined {
  if (src.generated) return undefined;
  const out: { range: TextRange; text: string }[] = [];
  for (const edit of edits) {
    const text = src.encodeForHost(edit.text);
    if (text === undefined) return undefined;
    const start = src.toHostOffset(edit.range.start);
    const end = Math.max(start, src.toHostOffset(edit.range.end));
    out.push({ range: { start, end }, text });
  }
  return out;
}
