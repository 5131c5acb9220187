import { ORACLE_ERRATA } from '../../src/engine/corpus-crosscheck.js';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { LintOptions } from '../../src/linter/lint-options.js';
import { lintFile } from '../../src/linter/linter.js';
import { SourceFile } from '../../src/source/source-file.js';
import { parseRules } from '../../src/syntax/parse.js';
import type { RuleStatement } from '../../src/syntax/tree.js';

/** ../shared next to the repository (absent on machines without the shared corpora). */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const HAS_ORACLE = existsSync(`${SHARED}oracle`) && existsSync(`${SHARED}corpora`);

export interface OracleEntry {
  readonly file: string;
  readonly line: number;
  readonly verdict: string;
  readonly category: string;
  readonly reason?: string;
}

export interface JudgedRule {
  readonly entry: OracleEntry;
  readonly text: string;
  /** Diagnostics whose range starts inside the statement. */
  readonly diagnostics: readonly Diagnostic[];
}

export function readOracle(): OracleEntry[] {
  const out: OracleEntry[] = [];
  for (const name of ['aws-docs', 'suricata-7.0.10', 'suricata-verify']) {
    const path = `${SHARED}oracle/${name}.jsonl`;
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const e = JSON.parse(line) as OracleEntry;
      // Oracle lines known to be wrong (src/engine/corpus-crosscheck.ts explains each).
      const fix = ORACLE_ERRATA[`${e.file}:${e.line}`];
      out.push(fix ? ({ ...e, ...fix } as OracleEntry) : e);
    }
  }
  return out;
}

/** Lints every corpus file named by `entries` once and maps each entry to its statement's diagnostics. */
export function judge(entries: readonly OracleEntry[], options: LintOptions): JudgedRule[] {
  const byFile = new Map<string, OracleEntry[]>();
  for (const e of entries) {
    const list = byFile.get(e.file);
    if (list) list.push(e);
    else byFile.set(e.file, [e]);
  }
  const out: JudgedRule[] = [];
  for (const [file, list] of byFile) {
    const text = readFileSync(`${SHARED}corpora/${file}`, 'utf8');
    const tree = parseRules(text);
    const source = new SourceFile(file, text);
    const diagnostics = lintFile(tree, options);
    const byLine = new Map<number, RuleStatement>();
    for (const s of tree.statements) if (s.kind === 'rule') byLine.set(source.positionAt(s.range.start).line, s);
    for (const entry of list) {
      const s = byLine.get(entry.line);
      if (!s) {
        out.push({ entry, text: source.lineText(entry.line), diagnostics: [] });
        continue;
      }
      const end = Math.max(s.eol.end, s.range.end);
      out.push({
        entry,
        text: text.slice(s.range.start, s.range.end),
        diagnostics: diagnostics.filter((d) => d.range.start >= s.range.start && d.range.start < Math.max(end, s.range.start + 1)),
      });
    }
  }
  return out;
}
