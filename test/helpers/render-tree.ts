import type { ListExpr, RulesFile } from '../../src/syntax/tree.js';

/** A readable, stable rendering of a parsed file for snapshots: every node with its [start,end) and text. */
export function renderTree(file: RulesFile): string {
  const t = file.text;
  const q = (r: { start: number; end: number }) => `[${r.start},${r.end}) ${JSON.stringify(t.slice(r.start, r.end))}`;
  const out: string[] = [`RulesFile lineEnding=${file.lineEnding}${file.bom ? ' bom' : ''}`];
  const list = (name: string, l: ListExpr | undefined, indent: string) => {
    if (!l) return void out.push(`${indent}${name}: <missing>`);
    if (l.kind === 'value') out.push(`${indent}${name}: ${l.negated ? '!' : ''}${l.valueKind} ${q(l.range)}`);
    else {
      out.push(`${indent}${name}: ${l.negated ? '!' : ''}group${l.bracketed ? '' : ' (unbracketed)'} ${q(l.range)}`);
      l.items.forEach((i, n) => {
        list(`#${n}`, i, `${indent}  `);
      });
    }
  };
  for (const s of file.statements) {
    if (s.kind !== 'rule') {
      out.push(`${s.kind} ${q(s.range)} eol=${JSON.stringify(t.slice(s.eol.start, s.eol.end))}`);
      continue;
    }
    out.push(`rule ${s.layout} ${q(s.range)} eol=${JSON.stringify(t.slice(s.eol.start, s.eol.end))}`);
    const h = s.header;
    if (h.action) out.push(`  action: ${h.action.name}${h.action.scope ? ` scope=${h.action.scope.text}` : ''} ${q(h.action.range)}`);
    if (h.protocol) out.push(`  protocol: ${h.protocol.name}${h.protocol.hook ? ` hook=${h.protocol.hook.text}` : ''} ${q(h.protocol.range)}`);
    list('source', h.source, '  ');
    list('sourcePort', h.sourcePort, '  ');
    out.push(`  direction: ${h.direction ? q(h.direction.range) : '<missing>'}`);
    list('destination', h.destination, '  ');
    list('destinationPort', h.destinationPort, '  ');
    for (const c of s.continuations) out.push(`  continuation ${q(c)}`);
    for (const o of s.options) {
      out.push(`  option ${o.name} ${q(o.range)}${o.value ? ` value=${q(o.value.range)}` : ''}${o.terminator ? '' : ' (no terminator)'}`);
      if (o.parsed) out.push(`    parsed ${JSON.stringify({ ...o.parsed, errors: o.parsed.errors.length || undefined })}`);
    }
    for (const e of s.errors) out.push(`  error ${q(e.range)} ${e.message}${e.hint ? ` | hint: ${e.hint}` : ''}${e.fix ? ` | fix: ${e.fix.title}` : ''}${e.requiresSuricata8 ? ' | suricata8' : ''}${e.accepted ? ' | accepted' : ''}`);
  }
  return out.join('\n');
}
