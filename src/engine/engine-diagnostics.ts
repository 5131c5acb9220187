import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Finding, Reporter } from '../linter/report.js';
import type { TextRange } from '../source/text-range.js';
import type { EngineMessage, EngineRuleResult } from './engine-result.js';
import { environmentNeeds } from './environment-refusals.js';

export interface EngineDiagnosticOptions {
  /** Suricata's version, as in `7.0.10`. */
  readonly version: string;
  /** The run's reporting path: it sets the severity of `engine-error` (rejected rules) and `engine-warning` (warnings, skipped rules), and drops them when off. */
  readonly reporter: Reporter;
  /** For rules AWS generates from a rule group (domain lists, 5-tuples): where, put before the message. */
  readonly generatedLabel?: string;
}

/** Rewrites of Suricata's wording, applied in order to each message (already without level and subsystem). */
const REWRITES: readonly (readonly [RegExp, string])[] = [
  [/^rule \d+:? /i, 'the rule '],
  [/^signature can't match as /i, 'it can never match: '],
  [/^signature missing required value "?([\w.-]+)"?\.?$/i, 'the required option $1 is missing'],
  [/^Suricata did not meet the rule requirements: /, ''],
  [/\.? ?Invalidating signature\.?$/i, ''],
  [/^Suricata rejected this rule without logging a reason\.?$/, 'Suricata logged no reason'],
];

/** Words whose capital stays when the message is joined after a colon. */
const KEEP_CAPITAL = /^(?:Suricata|[A-Z][A-Z0-9]+)\b/;

/** One engine message as a clause: rewritten, first letter lower-cased (not for names), no final period. */
export function readableEngineMessage(text: string): string {
  let s = text.trim();
  for (const [pattern, replacement] of REWRITES) s = s.replace(pattern, replacement);
  s = s.replace(/\.$/, '').trim();
  if (!KEEP_CAPITAL.test(s)) s = s.charAt(0).toLowerCase() + s.slice(1);
  return s;
}

/** Where a message came from: the engine analysis files, or Suricata's log while loading. */
function fromAnalysis(m: EngineMessage): boolean {
  return m.raw.startsWith('rules.json: ') || m.raw.startsWith('rules_analysis.txt: ');
}

/**
 * The diagnostics for Suricata's verdict on one rule, on `range` (offsets of the text the caller reports on):
 * a rejected rule gives one `engine-error` with all of Suricata's reasons, unless every reason is about this machine
 * (environment-refusals.ts: no GeoIP database, no dataset file), which gives one info `engine-warning` saying the
 * rule was not checked; a skipped rule one `engine-warning`;
 * every warning about a loaded rule (log or engine analysis) its own `engine-warning`. The message reads
 * "Suricata 7.0.10 rejects this rule: unknown rule keyword 'foo'"; `hint` keeps Suricata's own lines. Pure.
 */
export function engineDiagnostics(result: EngineRuleResult, range: TextRange, opts: EngineDiagnosticOptions): Diagnostic[] {
  const where = opts.generatedLabel ? `in the rules AWS generates for ${opts.generatedLabel}: ` : '';
  const engine = `Suricata ${opts.version}`;
  const out: Diagnostic[] = [];
  const push = (f: Finding) => {
    const d = opts.reporter.report(f);
    if (d) out.push(d);
  };
  const said = (ms: readonly EngineMessage[]) => `engine said: ${ms.map((m) => m.raw).join('\n')}`;
  // A refusal about this machine (no GeoIP database, no dataset file) is never a rule error: the rule is reported as not checked.
  const needs = result.verdict === 'rejected' ? environmentNeeds(result.messages) : undefined;
  if (needs !== undefined) {
    if (opts.reporter.isOn('engine-warning') && !opts.generatedLabel) {
      const message = `${where}${engine} could not check this rule here: it needs ${needs}, which this machine's check does not have: skipped, not a rule error`;
      push({ ruleId: 'engine-warning', severity: 'info', message, hint: said(result.messages), range });
    }
    return out;
  }
  if (result.verdict === 'rejected') {
    if (!opts.reporter.isOn('engine-error')) return out;
    const reasons = result.messages.length ? result.messages : [{ level: 'error' as const, text: 'Suricata rejected this rule without logging a reason.', raw: '(no message)' }];
    const message = `${where}${engine} rejects this rule: ${unique(reasons.map((m) => readableEngineMessage(m.text))).join('; ')}`;
    push({ ruleId: 'engine-error', message, hint: said(reasons), range });
    return out;
  }
  // Warnings about AWS's own generated text are not the author's to act on.
  if (!opts.reporter.isOn('engine-warning') || opts.generatedLabel) return out;
  if (result.verdict === 'skipped') {
    const message = `${engine} skips this rule, its requires: are not met: ${unique(result.messages.map((m) => readableEngineMessage(m.text))).join('; ') || 'no reason logged'}`;
    push({ ruleId: 'engine-warning', message, hint: said(result.messages), range });
    return out;
  }
  for (const m of result.messages) {
    const lead = fromAnalysis(m) ? `${engine}'s engine analysis` : `${engine} warns about this rule`;
    push({ ruleId: 'engine-warning', message: `${lead}: ${readableEngineMessage(m.text)}`, hint: said([m]), range });
  }
  return out;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
