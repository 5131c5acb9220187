import type { Fix } from '../source/fix.js';
import type { TextRange } from '../source/text-range.js';
import type { RuleId } from '../rules/index.js';
import type { Severity } from './severity.js';

/** Another place a finding refers to ("first used here"), in offsets of the same text as the finding. */
export interface RelatedLocation {
  readonly range: TextRange;
  readonly message: string;
}

/**
 * One finding. Pure data: `range` is in offsets of the linted text; line/column are computed by
 * formatters through `SourceFile`. `fix` is the automatic fix (if any); `suggestions` are
 * alternatives shown to the user (for example display-only rewrites).
 */
export interface Diagnostic {
  /** A registered lint rule's id, or `internal-error`. */
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly range: TextRange;
  /** A short "what to do" line, shown under the message. */
  readonly hint?: string;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
  /** Other places the finding refers to (SARIF `relatedLocations`, a note under the text frame). */
  readonly related?: readonly RelatedLocation[];
}
