import type { EngineMessage } from './engine-result.js';
import type { LoaderStatement } from './loader-statements.js';

/** What `--engine-analysis` wrote about each accepted rule, keyed by the rule's line. */
export interface EngineAnalysis {
  /** `rules.json` entries. */
  readonly entries: Map<number, unknown>;
  /** Warnings from `rules.json` (`warnings`) and `rules_analysis.txt` (`Warning:` lines). */
  readonly warnings: Map<number, EngineMessage[]>;
}

/**
 * Reads Suricata's engine-analysis files. Both name rules by sid and raw text only, so rules are matched to
 * statements by their text (Suricata rejects a second rule with the same sid, so texts are unique).
 */
export function parseEngineAnalysis(rulesJson: string, rulesAnalysisTxt: string, statements: readonly LoaderStatement[]): EngineAnalysis {
  const byText = new Map<string, number>();
  for (const s of statements) byText.set(s.text.trim(), s.line);
  const entries = new Map<number, unknown>();
  const warnings = new Map<number, EngineMessage[]>();
  const add = (line: number, text: string, raw: string) => {
    const list = warnings.get(line) ?? [];
    if (!list.some((m) => m.text === text)) list.push({ level: 'warning', text, raw });
    warnings.set(line, list);
  };

  for (const jsonLine of rulesJson.split('\n')) {
    if (!jsonLine.trim()) continue;
    let entry: unknown;
    try {
      entry = JSON.parse(jsonLine);
    } catch {
      continue;
    }
    if (typeof entry !== 'object' || entry === null) continue;
    const rec = entry as { raw?: unknown; warnings?: unknown };
    const line = typeof rec.raw === 'string' ? byText.get(rec.raw.trim()) : undefined;
    if (line === undefined) continue;
    entries.set(line, entry);
    if (Array.isArray(rec.warnings)) for (const w of rec.warnings) if (typeof w === 'string') add(line, capitalise(w), `rules.json: ${w}`);
  }

  // Blocks: "== Sid: N ==", the rule's text, then indented notes; a warning's advice follows on lines starting "-".
  const lines = rulesAnalysisTxt.split('\n');
  let current: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (/^== Sid: \d+ ==\s*$/.test(text)) {
      current = byText.get((lines[i + 1] ?? '').trim());
      i++;
      continue;
    }
    const w = /^\s+Warning: (.*)$/.exec(text);
    if (!w || current === undefined) continue;
    const parts = [w[1].trim()];
    while (i + 1 < lines.length && /^\s+-/.test(lines[i + 1])) parts.push(lines[++i].trim().replace(/^-\s*/, ''));
    add(current, parts.join(' '), `rules_analysis.txt: ${parts.join(' ')}`);
  }
  return { entries, warnings };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
