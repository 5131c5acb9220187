import { applyPatch, createTwoFilesPatch } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeRegions, type ChangedRegion } from '../../src/fix/changed-regions.js';
import type { Edit } from '../../src/source/edit.js';
import { renderDiff } from '../../src/fix/unified-diff.js';
import { fixText } from '../../src/fix/fix-loop.js';

/** Applies sorted, disjoint edits to a text. */
function apply(text: string, edits: readonly Edit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.range.start) + e.text;
    pos = e.range.end;
  }
  return out + text.slice(pos);
}

/** Random sorted, disjoint edits over a text of the given length. */
const editsFor = (length: number) =>
  fc
    .array(fc.tuple(fc.nat(length), fc.nat(6), fc.constantFrom('', 'x', '\n', 'ab\n', 'y\nz', 'line\n\n')), { maxLength: 6 })
    .map((raw) => {
      const sorted = raw.map(([s, n, t]) => ({ s: Math.min(s, length), n, t })).sort((a, b) => a.s - b.s);
      const edits: Edit[] = [];
      let prevEnd = -1;
      for (const { s, n, t } of sorted) {
        if (s <= prevEnd) continue;
        const end = Math.min(length, s + n);
        edits.push({ range: { start: s, end }, text: t });
        prevEnd = end;
      }
      return edits;
    });

const textArb = fc
  .array(fc.constantFrom('alert tcp any any -> any any (sid:1;)', 'drop tls a b', '', '# c', 'x'), { maxLength: 12 })
  .chain((lines) => fc.constantFrom('', '\n').map((end) => lines.join('\n') + end));

describe('composeRegions + renderDiff', () => {
  it('the rendered patch, applied to the original, gives the fixed text (several rounds of edits)', () => {
    fc.assert(
      fc.property(
        textArb.chain((t) => editsFor(t.length).chain((e1) => {
          const t1 = apply(t, e1);
          return editsFor(t1.length).map((e2) => ({ t, e1, e2 }));
        })),
        ({ t, e1, e2 }) => {
          const t1 = apply(t, e1);
          const t2 = apply(t1, e2);
          const regions = composeRegions(composeRegions([], e1), e2);
          // Outside the regions the texts agree.
          let a = 0;
          let b = 0;
          for (const r of regions) {
            expect(t2.slice(b, r.bStart)).toBe(t.slice(a, r.aStart));
            a = r.aEnd;
            b = r.bEnd;
          }
          expect(t2.slice(b)).toBe(t.slice(a));
          const patch = renderDiff('f.rules', t, t2, regions);
          if (t === t2) expect(patch).toBe('');
          else expect(applyPatch(t, patch)).toBe(t2);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('equals the Myers diff for a one-line change in the middle of a file', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const after = before.replace('line 10\n', 'line ten\n');
    const start = before.indexOf('line 10');
    const regions: ChangedRegion[] = composeRegions([], [{ range: { start: start + 5, end: start + 7 }, text: 'ten' }]);
    const myers = createTwoFilesPatch('a/f.rules', 'b/f.rules', before, after, undefined, undefined, { context: 3 });
    const ours = renderDiff('f.rules', before, after, regions);
    expect(ours).toBe(`diff --git a/f.rules b/f.rules\n${myers.slice(myers.indexOf('--- ')).replace(/\t$/gm, '')}`);
  });

  it('a file without a final newline keeps git\'s marker', () => {
    const before = 'a\nb';
    const after = 'a\nc';
    const patch = renderDiff('f.rules', before, after, composeRegions([], [{ range: { start: 2, end: 3 }, text: 'c' }]));
    expect(patch).toContain('-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
    expect(applyPatch(before, patch)).toBe(after);
  });

  it('the fix loop reports the regions it changed, and the diff from them applies', () => {
    const text = 'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"x"; flow:to_server, established; sid:2;)\n'.repeat(3);
    const r = fixText(text, { profile: 'aws-nfw' } as never);
    expect(r.output).not.toBe(text);
    expect(r.changes.length).toBe(3);
    expect(applyPatch(text, renderDiff('f.rules', text, r.output, r.changes))).toBe(r.output);
  });
});
