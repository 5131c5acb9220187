import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/syntax/parse.js';
import { printRules } from '../../src/syntax/print.js';
import type { RulesFile } from '../../src/syntax/tree.js';
import { corpusFiles, HAS_SHARED } from '../helpers/shared.js';

/** BOM + statements + line terminators cover [0, length) with no gap and no overlap. */
function coverageGaps(file: RulesFile): string[] {
  const problems: string[] = [];
  let pos = file.bom ? file.bom.end : 0;
  for (const s of file.statements) {
    if (s.range.start !== pos) problems.push(`gap or overlap at ${pos}..${s.range.start}`);
    if (s.eol.start !== s.range.end) problems.push(`eol does not follow the statement at ${s.range.end}`);
    pos = s.eol.end;
    if (s.kind === 'rule') {
      for (const o of s.options) {
        if (o.range.start < s.range.start || o.range.end > s.range.end) problems.push(`option outside its statement at ${o.range.start}`);
      }
    }
  }
  if (pos !== file.text.length) problems.push(`statements end at ${pos}, text at ${file.text.length}`);
  return problems;
}

const SEED = 20261125;

describe('lossless printing', () => {
  it.skipIf(!HAS_SHARED)('printRules(parseRules(x)) === x for every corpus file', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(2000);
    const broken = files.filter((f) => printRules(parseRules(f.text)) !== f.text || coverageGaps(parseRules(f.text)).length > 0).map((f) => f.name);
    console.log(`lossless: ${files.length} corpus files, ${broken.length} not byte-identical`);
    expect(broken).toEqual([]);
  });

  it('holds for random text, including garbage, CR/LF mixes, BOMs and rule-like fragments', () => {
    const fragment = fc.constantFrom(
      'alert', 'drop', 'pass', ' tls ', ' tcp ', '$HOME_NET', ' any ', '->', '<>', '<-', '[', ']', ',', '!', '(', ')', ';', ':', '"', '\\', '|',
      'msg:"x";', 'content:"|0d 0a|";', 'sid:1;', '\n', '\r\n', '\r', '\t', ' ', '#', '\uFEFF', '\\\n', '\0', 'é', '🐾',
    );
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fragment, { maxLength: 80 }).map((a) => a.join('')));
    let runs = 0;
    fc.assert(
      fc.property(text, (t) => {
        runs++;
        const file = parseRules(t);
        return printRules(file) === t && coverageGaps(file).length === 0;
      }),
      { seed: SEED, numRuns: 2000 },
    );
    console.log(`lossless property: ${runs} cases, seed ${SEED}`);
  });
});
