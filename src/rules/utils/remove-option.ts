import { Edit } from '../../source/edit.js';
import type { RuleOption } from '../../syntax/tree.js';

/** Removes an option and the blanks after it (`a; priority:1; b;` -> `a; b;`). */
export function removeOptionEdit(text: string, option: RuleOption): Edit {
  let end = option.range.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (text[end] === ')') {
    // Last option: remove the blanks before it instead.
    let start = option.range.start;
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    if (text[start - 1] === '(') start = option.range.start;
    return Edit.remove({ start, end: option.range.end });
  }
  return Edit.remove({ start: option.range.start, end });
}
