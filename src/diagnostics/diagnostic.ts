import type { Fix } from '../fix/fix.js';
import type { TextRange } from '../source/text-range.js';
import type { Severity } from './severity.js';

/**
 * One finding. Pure data: `range` is in offsets of the linted text; line/column are computed by
 * formatters through `SourceFile`. `fix` is the automatic fix (if any); `suggestions` are
 * alternatives shown to the user (for example display-only rewrites).
 */
export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: TextRange;
  /** A short "what to do" line, shown under the message. */
  readonly hint?: string;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
}
