import type { CrossCheckCase, CrossCheckReport } from './corpus-crosscheck.js';

/** Counts of a cross-check, one `label: value` per line (for test output and the report header). */
export function summarizeCrossCheck(r: CrossCheckReport): string {
  const byCategory = new Map<string, number>();
  for (const c of r.weAcceptEngineRejects) byCategory.set(c.category ?? 'unknown', (byCategory.get(c.category ?? 'unknown') ?? 0) + 1);
  const recall = r.ruleRejections ? ((100 * r.ruleRejectionsFlagged) / r.ruleRejections).toFixed(1) : 'n/a';
  return [
    `engine: ${r.engine === 'live' ? `Suricata ${r.version ?? '?'} (live, ${r.runs} runs)` : `recorded oracle, Suricata ${r.version ?? '?'}`}`,
    `files: ${r.files}`,
    `rules checked: ${r.checked}`,
    `agreements: ${r.agreements}`,
    `we reject, engine accepts: ${r.weRejectEngineAccepts.length}`,
    `we accept, engine rejects: ${r.weAcceptEngineRejects.length} (${[...byCategory].sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'none'})`,
    `recall on 'rule' rejections: ${r.ruleRejectionsFlagged}/${r.ruleRejections} (${recall}%)`,
    ...(r.engine === 'live' ? [`live engine vs recorded oracle, differing verdicts: ${r.oracleMismatches.length}`] : []),
    `statements split differently by our parser and Suricata's loader: ${r.statementMismatches.length}`,
    ...(r.unchecked.length ? [`files not checked: ${r.unchecked.length}`] : []),
  ].join('\n');
}

function caseBlock(c: CrossCheckCase): string {
  const lines = [`- \`${c.file}:${c.line}\`${c.category ? ` (${c.category})` : ''}`, '  ```', `  ${c.text}`, '  ```'];
  for (const m of c.engineMessages) lines.push(`  - Suricata (${c.engine}): ${m}`);
  for (const m of c.ourMessages) lines.push(`  - suricata-lint: ${m}`);
  return lines.join('\n');
}

/** The disagreements of a cross-check as a Markdown report, grouped by kind and oracle category. */
export function formatDisagreements(r: CrossCheckReport): string {
  const out = ['# suricata-lint vs Suricata: disagreements', '', '```', summarizeCrossCheck(r), '```', ''];
  out.push(`## We report an error, Suricata loads the rule (${r.weRejectEngineAccepts.length})`, '', 'Parser or linter bugs: each of these must be fixed.', '');
  for (const c of r.weRejectEngineAccepts) out.push(caseBlock(c));
  out.push('');
  const categories: readonly string[] = ['rule', 'environment', 'newer-version', 'unknown'];
  const notes: Readonly<Record<string, string>> = {
    rule: 'The rule itself is wrong for Suricata 7: errors we miss.',
    environment: 'Suricata needs files or settings the check does not have (datasets, Lua, GeoIP, iprep).',
    'newer-version': 'Syntax of a newer Suricata: reported by version rules, not as parse errors.',
    unknown: 'Not in the recorded oracle.',
  };
  for (const cat of categories) {
    const cases = r.weAcceptEngineRejects.filter((c) => (c.category ?? 'unknown') === cat);
    if (!cases.length) continue;
    out.push(`## We accept, Suricata rejects: ${cat} (${cases.length})`, '', notes[cat], '');
    for (const c of cases) out.push(caseBlock(c));
    out.push('');
  }
  if (r.oracleMismatches.length) {
    out.push(`## Live engine and recorded oracle differ (${r.oracleMismatches.length})`, '');
    for (const m of r.oracleMismatches) out.push(`- \`${m.file}:${m.line}\`: live ${m.live}, oracle ${m.oracle}${m.reason ? ` (${m.reason})` : ''}`);
    out.push('');
  }
  if (r.statementMismatches.length) {
    out.push(`## Statements split differently (${r.statementMismatches.length})`, '', '`parser-only`: our parser sees an active rule where Suricata\'s loader reads none; `loader-only`: the reverse.', '');
    for (const m of r.statementMismatches) out.push(`- \`${m.file}:${m.line}\`: ${m.kind}`);
    out.push('');
  }
  if (r.unchecked.length) {
    out.push(`## Files not checked (${r.unchecked.length})`, '');
    for (const u of r.unchecked) out.push(`- \`${u.file}\`: ${u.reason.split('\n')[0]}`);
    out.push('');
  }
  return out.join('\n');
}
