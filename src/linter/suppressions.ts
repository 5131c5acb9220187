import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TextRange } from '../source/text-range.js';
import type { Statement } from '../syntax/tree.js';
import type { Reporter } from './report.js';

interface Directive {
  readonly ids: readonly string[] | 'all';
  /** Diagnostics starting in [from, to] are suppressed. */
  from: number;
  to: number;
  /** The comment, reported when the directive suppresses nothing. */
  readonly range: TextRange;
  used: boolean;
}

const DIRECTIVE = /^\s*suricata-lint-(disable-next-line|disable)\b([^\n]*)$/;

/**
 * Inline suppressions in comment lines:
 *   `# suricata-lint-disable-next-line ID[, ID...] [-- reason]`  the next rule statement
 *   `# suricata-lint-disable ID[, ID...] [-- reason]`            the rest of the file
 * (no ID: every rule). A suppression that suppresses nothing is itself reported (`unused-suppression`).
 * Fed the statements of a file in order (`visit`), keeping only the directives, then `apply`.
 */
export class Suppressions {
  private readonly directives: Directive[] = [];
  /** `disable-next-line` directives waiting for the next rule statement. */
  private waiting: Directive[] = [];

  constructor(private readonly text: string) {}

  visit(s: Statement): void {
    if (s.kind === 'rule') {
      if (this.waiting.length === 0) return;
      for (const d of this.waiting) {
        d.from = s.range.start;
        d.to = s.eol.start;
      }
      this.waiting = [];
      return;
    }
    if (s.kind !== 'comment') return;
    const body = this.text.slice(s.body.start, s.body.end);
    if (!body.includes('suricata-lint-')) return;
    const m = DIRECTIVE.exec(body);
    if (!m) return;
    const spec = m[2].split('--')[0].trim();
    const ids = spec ? spec.split(/[\s,]+/).filter(Boolean) : 'all';
    if (m[1] === 'disable') {
      this.directives.push({ ids, from: s.range.end, to: this.text.length, range: s.range, used: false });
    } else {
      // Until a rule statement follows, it covers nothing (an empty range at the end of the comment).
      const d: Directive = { ids, from: s.range.end, to: s.range.end, range: s.range, used: false };
      this.directives.push(d);
      this.waiting.push(d);
    }
  }

  /** The diagnostics left after the suppressions, plus `unused-suppression` findings (reported through `reporter`). */
  apply(diagnostics: Diagnostic[], reporter: Reporter): Diagnostic[] {
    const directives = this.directives;
    if (directives.length === 0) return diagnostics;
    const kept = diagnostics.filter((d) => {
      if (d.ruleId === 'parse-error') return true;
      for (const dir of directives) {
        if (d.range.start >= dir.from && d.range.start <= dir.to && (dir.ids === 'all' || dir.ids.includes(d.ruleId))) {
          dir.used = true;
          return false;
        }
      }
      return true;
    });
    for (const dir of directives) {
      if (dir.used) continue;
      const d = reporter.report({
        ruleId: 'unused-suppression',
        message: `this suppression (${dir.ids === 'all' ? 'all rules' : dir.ids.join(', ')}) suppresses nothing`,
        hint: 'remove the comment, or fix the rule id it names',
        range: dir.range,
      });
      if (d) kept.push(d);
    }
    return kept;
  }
}
