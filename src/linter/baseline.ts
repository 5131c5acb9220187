import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceFile } from '../source/source-file.js';
import type { FileReport } from './lint-report.js';

/**
 * A baseline: the findings a repository accepts for now (`--write-baseline`), so the gate fails only on new
 * ones (`--baseline FILE`). Each entry is a fingerprint of one finding that survives line moves: the rule id
 * and the content of the lines the finding is on (whitespace collapsed), not its line number or message.
 * The same finding several times on identical content is one entry with a count. Stored as JSON:
 * `{ "version": 1, "tool": "suricata-lint", "entries": [{ "path", "ruleId", "fingerprint", "count", "text" }] }`,
 * sorted, paths with `/` relative to the baseline file's folder. Pure (the CLI reads and writes the file).
 */
export interface BaselineEntry {
  readonly path: string;
  readonly ruleId: string;
  readonly fingerprint: string;
  readonly count: number;
  /** The finding's line content (first 200 characters), for a person reading the file. */
  readonly text: string;
}

export interface Baseline {
  readonly version: 1;
  readonly tool: 'suricata-lint';
  readonly entries: readonly BaselineEntry[];
}

/** The content a finding is on: its whole lines, whitespace collapsed. */
function contentOf(src: SourceFile, d: Diagnostic): string {
  const first = src.positionAt(d.range.start).line;
  const last = src.positionAt(Math.max(d.range.start, d.range.end - 1)).line;
  const lines: string[] = [];
  for (let l = first; l <= last; l++) lines.push(src.lineText(l));
  return lines.join('\n').replace(/\s+/g, ' ').trim();
}

/** The fingerprint of a finding: sha256 of rule id and line content (16 hex digits). */
export function findingFingerprint(src: SourceFile, d: Diagnostic): string {
  return createHash('sha256').update(`${d.ruleId}\0${contentOf(src, d)}`).digest('hex').slice(0, 16);
}

/** `path` of a report as stored in the baseline (`relativePath` maps it, e.g. relative to the baseline's folder). */
export type BaselinePath = (reportPath: string) => string;

/** The baseline of a run's findings. */
export function buildBaseline(files: readonly FileReport[], pathOf: BaselinePath): Baseline {
  const byKey = new Map<string, { path: string; ruleId: string; fingerprint: string; count: number; text: string }>();
  for (const f of files) {
    const src = new SourceFile(f.path, f.text);
    const path = pathOf(f.path);
    for (const d of f.diagnostics) {
      const fingerprint = findingFingerprint(src, d);
      const key = `${path}\0${fingerprint}`;
      const e = byKey.get(key);
      if (e) e.count++;
      else byKey.set(key, { path, ruleId: d.ruleId, fingerprint, count: 1, text: contentOf(src, d).slice(0, 200) });
    }
  }
  const entries = [...byKey.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.fingerprint < b.fingerprint ? -1 : 1));
  return { version: 1, tool: 'suricata-lint', entries };
}

/** A baseline file's text → the baseline, or a one-line reason it cannot be used. Never throws. */
export function parseBaseline(text: string): Baseline | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return `not JSON (${(e as Error).message})`;
  }
  const b = data as Partial<Baseline>;
  if (!b || typeof b !== 'object' || b.version !== 1 || !Array.isArray(b.entries)) return 'not a suricata-lint baseline (expected { "version": 1, "entries": [...] }; write one with --write-baseline)';
  const entries = b.entries.filter(
    (e): e is BaselineEntry => !!e && typeof e.path === 'string' && typeof e.ruleId === 'string' && typeof e.fingerprint === 'string' && Number.isInteger(e.count) && e.count > 0,
  );
  return { version: 1, tool: 'suricata-lint', entries };
}

/** What a baseline did to a run: findings it hid, and entries that matched nothing (fixed, or changed). */
export interface BaselineResult {
  readonly files: FileReport[];
  readonly hidden: number;
  /** Entries of linted files that no finding matched any more (stale: rewrite the baseline to drop them). */
  readonly stale: readonly BaselineEntry[];
}

/**
 * Drops the findings the baseline accepts (each entry hides up to `count` findings with its fingerprint in its
 * file). Entries for files this run did not lint are neither used nor stale.
 */
export function applyBaseline(files: readonly FileReport[], baseline: Baseline, pathOf: BaselinePath): BaselineResult {
  const left = new Map<string, number>();
  for (const e of baseline.entries) left.set(`${e.path}\0${e.fingerprint}`, (left.get(`${e.path}\0${e.fingerprint}`) ?? 0) + e.count);
  const linted = new Set<string>();
  let hidden = 0;
  const out = files.map((f) => {
    const src = new SourceFile(f.path, f.text);
    const path = pathOf(f.path);
    linted.add(path);
    const diagnostics = f.diagnostics.filter((d) => {
      const key = `${path}\0${findingFingerprint(src, d)}`;
      const n = left.get(key) ?? 0;
      if (n <= 0) return true;
      left.set(key, n - 1);
      hidden++;
      return false;
    });
    return diagnostics.length === f.diagnostics.length ? f : { ...f, diagnostics };
  });
  const stale = baseline.entries.filter((e) => linted.has(e.path) && (left.get(`${e.path}\0${e.fingerprint}`) ?? 0) > 0);
  return { files: out, hidden, stale };
}
