import type { EngineMessage, EngineRuleResult } from './engine-result.js';
import type { LoaderStatement } from './loader-statements.js';
import { lookupTable } from '../catalog/lookup-table.js';

/** What Suricata's log says about a rules file. */
export interface EngineLog {
  /** One result per statement, in line order (when `complete`); otherwise only the rules the log names. */
  readonly results: EngineRuleResult[];
  /** Errors and warnings that belong to no single rule. */
  readonly general: EngineMessage[];
  /** The log reached Suricata's "rules successfully loaded" summary: every rule was read. */
  readonly complete: boolean;
}

interface LogLine {
  readonly level: string;
  readonly module: string;
  readonly message: string;
  readonly raw: string;
}

/** Suricata 7 level names, and the one-letter forms of its console format. */
const LEVELS: Readonly<Record<string, string>> = lookupTable({
  Emergency: 'error', Alert: 'error', Critical: 'error', Error: 'error', Warning: 'warning',
  Notice: 'notice', Info: 'info', Perf: 'info', Config: 'info', Debug: 'info',
  E: 'error', W: 'warning', N: 'notice', i: 'info', C: 'info', A: 'error', P: 'info', D: 'info',
});

// `[pid - thread] date time ` (Suricata's default file format) may stand before the level.
const LINE = /^(?:\[[^\]]*\]\s+\S+\s+\S+\s+)?([A-Za-z]+): (?:([A-Za-z0-9_.-]+): )?(.*)$/;

/** Parses one log line; undefined for lines that are not Suricata log messages. */
function parseLine(raw: string): LogLine | undefined {
  const m = LINE.exec(raw);
  if (!m || !LEVELS[m[1]]) return undefined;
  return { level: LEVELS[m[1]], module: m[2] ?? '', message: m[3], raw };
}

/**
 * The line a rule line of the log names: `error parsing signature "<rule>" from file <path> at line <N>` (or the
 * `requires` skip line). Suricata cuts log messages at about 2 KB, so for a long rule the tail with the line
 * number is missing; then the rule is the first statement after `after` whose text starts with the quoted prefix.
 */
function boundaryLine(message: string, marker: string, statements: readonly LoaderStatement[], after: number): number | undefined {
  if (!message.startsWith(marker)) return undefined;
  const at = message.lastIndexOf(' at line ');
  if (at !== -1) {
    const n = Number(message.slice(at + 9).trim());
    if (Number.isInteger(n) && n > 0) return n;
  }
  let prefix = message.slice(marker.length);
  if (prefix.startsWith('"')) prefix = prefix.slice(1);
  const from = prefix.lastIndexOf(' from file ');
  // Without the file part the cut went through the rule: drop its last characters (a split UTF-8 sequence).
  prefix = from !== -1 ? prefix.slice(0, prefix[from - 1] === '"' ? from - 1 : from) : prefix.slice(0, Math.max(0, prefix.length - 16));
  if (prefix.length < 16) return undefined;
  return statements.find((s) => s.line > after && s.text.startsWith(prefix))?.line;
}

const REJECTED = 'error parsing signature ';
const SKIPPED = 'Skipping signature due to missing requirements: ';
// The load summary; when no rule loaded at all Suricata prints the warning instead.
const SUMMARY = /rule files? processed\. \d+ rules successfully loaded, \d+ rules failed|rule files? specified, but no rules were loaded/;
/** The note detect-requires.c logs right before the skip line of the same rule. */
const REQUIRES_MESSAGE = /\bdetect-requires: /;
const SID_IN_MESSAGE = /\brule (\d+)(?::| )/;
const SID_IN_RULE = /(?:^|[;(])\s*sid\s*:\s*(?:"\s*)?(\d+)/i;

/**
 * Parses Suricata's log from loading one rules file (`suricata -T` or `--engine-analysis`) into a verdict and
 * readable messages per rule statement. `statements` are the statements of the file given to Suricata
 * (from `readLoaderStatements`): rules the log does not name are `accepted` once the log is complete.
 *
 * Suricata logs a rule's reasons before the line that names it (`error parsing signature ... at line N`), so
 * errors and warnings gathered since the previous rule line belong to that rule, except a message that names
 * another rule by its sid (`rule 11: ...`) or quotes another rule's text: those go to that rule.
 */
export function parseEngineLog(log: string, statements: readonly LoaderStatement[]): EngineLog {
  const byLine = new Map<number, { verdict: EngineRuleResult['verdict']; messages: EngineMessage[] }>();
  for (const s of statements) byLine.set(s.line, { verdict: 'accepted', messages: [] });
  const bySid = new Map<string, number[]>();
  const sidOf = new Map<number, string>();
  const byText = new Map<string, number>();
  for (const s of statements) {
    const sid = SID_IN_RULE.exec(s.text)?.[1];
    if (sid) {
      sidOf.set(s.line, sid);
      const lines = bySid.get(sid);
      if (lines) lines.push(s.line);
      else bySid.set(sid, [s.line]);
    }
    byText.set(s.text.trim(), s.line);
  }
  const general: EngineMessage[] = [];
  let pending: EngineMessage[] = [];
  let complete = false;
  let lastOwner = 0;

  const entry = (line: number) => {
    let e = byLine.get(line);
    if (!e) {
      e = { verdict: 'accepted', messages: [] };
      byLine.set(line, e);
    }
    return e;
  };
  /** The rule a message names by sid or by quoting its text, if any; `owner` wins when it matches. */
  const namedRule = (m: EngineMessage, owner: number | undefined): number | undefined => {
    const sid = SID_IN_MESSAGE.exec(m.raw)?.[1];
    if (sid !== undefined) {
      if (owner !== undefined && sidOf.get(owner) === sid) return owner;
      const lines = bySid.get(sid);
      if (lines?.length) return lines.find((l) => byLine.get(l)?.verdict !== 'rejected') ?? lines[0];
    }
    const quoted = quotedRule(m.raw);
    return quoted === undefined ? undefined : byText.get(quoted);
  };
  const indexOf = new Map(statements.map((s, i) => [s.line, i]));
  /**
   * Settles the pending messages when `owner` is the next rule line of the log. A message that names a rule
   * goes to it. One that names none goes to `owner` when it is an error (Suricata logs a rule's errors just
   * before refusing it) or the `requires` note logged just before a skip, or a warning logged while no other
   * rule could have been read (owner directly follows the previous rule line); otherwise it may belong to an accepted rule in between, so it is kept
   * as a general message rather than attached to the wrong rule.
   */
  const settle = (owner: number | undefined, previous: number) => {
    const adjacent = owner !== undefined && (indexOf.get(owner) ?? 0) - (indexOf.get(previous) ?? -1) <= 1;
    for (const m of pending) {
      const named = namedRule(m, owner);
      const target = named ?? (owner !== undefined && (m.level === 'error' || adjacent || REQUIRES_MESSAGE.test(m.raw)) ? owner : undefined);
      if (target === undefined) general.push(m);
      else entry(target).messages.push(m);
    }
    pending = [];
  };

  for (const raw of log.split(/\r?\n/)) {
    const line = parseLine(raw);
    if (!line) continue;
    const rejected = boundaryLine(line.message, REJECTED, statements, lastOwner);
    const skipped = rejected === undefined ? boundaryLine(line.message, SKIPPED, statements, lastOwner) : undefined;
    const owner = rejected ?? skipped;
    if (owner !== undefined) {
      const previous = lastOwner;
      lastOwner = owner;
      const e = entry(owner);
      e.verdict = rejected !== undefined ? 'rejected' : 'skipped';
      const own = pending.filter((m) => (namedRule(m, owner) ?? owner) === owner);
      if (own.length === 0 && e.messages.length === 0) {
        const text = rejected !== undefined ? 'Suricata rejected this rule without logging a reason.' : 'Suricata skipped this rule: its requirements are not met.';
        pending.push({ level: rejected !== undefined ? 'error' : 'warning', text, raw });
      }
      settle(owner, previous);
      continue;
    }
    if (SUMMARY.test(line.message)) {
      complete = true;
      settle(undefined, lastOwner);
      continue;
    }
    const isRequires = line.level === 'info' && line.module === 'detect-requires';
    if (line.level !== 'error' && line.level !== 'warning' && !isRequires) continue;
    if (line.module === 'suricata' && /Loading signatures failed/.test(line.message)) continue;
    if (line.module === 'counters') continue;
    pending.push({ level: line.level === 'error' ? 'error' : 'warning', text: readable(line), raw });
  }
  settle(undefined, lastOwner);
  const results = [...byLine].sort((a, b) => a[0] - b[0]).map(([line, e]) => ({ line, verdict: e.verdict, messages: e.messages }));
  return { results: complete ? results : results.filter((r) => r.verdict !== 'accepted' || r.messages.length), general, complete };
}

/** Per-rule results only; see `parseEngineLog`. */
export function parseEngineOutput(log: string, statements: readonly LoaderStatement[]): EngineRuleResult[] {
  return parseEngineLog(log, statements).results;
}

const QUOTED_RULE_START = /["'](?=(?:alert|drop|pass|reject|rejectsrc|rejectdst|rejectboth|config)\s)/i;

/** The rule text a message quotes (`Duplicate signature "alert ..."`), trimmed; undefined when none. */
function quotedRule(raw: string): string | undefined {
  const m = QUOTED_RULE_START.exec(raw);
  if (!m) return undefined;
  const end = raw.lastIndexOf(m[0]);
  return end > m.index ? raw.slice(m.index + 1, end).trim() : undefined;
}

/** The message without level and subsystem, without a leading `rule <sid>: `, first letter capitalised. */
function readable(line: LogLine): string {
  const text = line.message.replace(/^rule \d+: /, '').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
