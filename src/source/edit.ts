import type { TextRange } from './text-range.js';

/** Replace `[range.start, range.end)` of the source text with `text`. Inserts have an empty range. */
export interface Edit {
  readonly range: TextRange;
  readonly text: string;
}

export const Edit = {
  replace(range: TextRange, text: string): Edit {
    return { range, text };
  },
  insertAt(offset: number, text: string): Edit {
    return { range: { start: offset, end: offset }, text };
  },
  remove(range: TextRange): Edit {
    return { range, text: '' };
  },
};
