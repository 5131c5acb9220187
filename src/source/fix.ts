import type { Edit } from './edit.js';

/**
 * How sure we are that applying a fix keeps the author's intent (ruff's ordering):
 * `safe` fixes are applied by `--fix`; `unsafe` ones only with `--unsafe-fixes`;
 * `display-only` ones are shown, never applied.
 */
export type Applicability = 'display-only' | 'unsafe' | 'safe';

const RANK: Record<Applicability, number> = { 'display-only': 0, unsafe: 1, safe: 2 };

export function applicabilityAtLeast(a: Applicability, threshold: Applicability): boolean {
  return RANK[a] >= RANK[threshold];
}

/** A fix is plain data: a title, its edits (sorted, non-overlapping) and how safe it is. */
export interface Fix {
  readonly title: string;
  readonly applicability: Applicability;
  readonly edits: readonly Edit[];
}

function make(applicability: Applicability, title: string, edits: readonly Edit[]): Fix {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { title, applicability, edits: sorted };
}

export const Fix = {
  safe: (title: string, edits: readonly Edit[]): Fix => make('safe', title, edits),
  unsafe: (title: string, edits: readonly Edit[]): Fix => make('unsafe', title, edits),
  displayOnly: (title: string, edits: readonly Edit[] = []): Fix => make('display-only', title, edits),
};
