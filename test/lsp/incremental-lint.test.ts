import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/linter/linter.js';
import type { LintOptions } from '../../src/linter/lint-options.js';
import { commonEnds, IncrementalRulesLinter } from '../../src/lsp/incremental-lint.js';
// @ts-expect-error plain JavaScript generators shared with scripts/fuzz.mjs
import { anyRulesText, validFile } from '../property/arbitraries.mjs';

const SAMPLE = readFileSync(new URL('../../rules-samples/egress-allowlist-strict.rules', import.meta.url), 'utf8');

/** Pieces an edit inserts: the characters that change how statements split and parse. */
const PIECES = ['a', ';', '"', '\n', '\r\n', ' ', '\t', '(', ')', '#', '\\', '\\\n', ':', 'sid:1000010;', 'flowbits:set,x;', 'flowbits:isset,x;', '# suricata-lint-disable-next-line\n', 'drop tls any any -> any any (flow:to_server; sid:7;)\n', '\uFEFF'];

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })) });

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const p = Math.floor(e.at * text.length);
  return text.slice(0, p) + e.insert + text.slice(p + e.remove);
}

const OPTIONS: LintOptions[] = [{}, { profile: 'suricata' }, { profile: 'aws-nfw', ruleOrder: 'action', variables: new Set(['HOME_NET']) }];

describe('IncrementalRulesLinter: the findings of lintText, after any edits', () => {
  it('a real rule group under random edits (each step equal to a full lint)', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.constantFrom(...OPTIONS), (edits, options) => {
        const linter = new IncrementalRulesLinter();
        let text = SAMPLE;
        expect(linter.update(text, options)).toEqual(lintText(text, options));
        for (const e of edits) {
          text = apply(text, e);
          expect(linter.update(text, options)).toEqual(lintText(text, options));
        }
      }),
      { numRuns: Number(process.env.LSP_RUNS ?? 25) },
    );
  });

  it('generated rules files, then another generated text or edits', () => {
    fc.assert(
      fc.property(fc.oneof(validFile, anyRulesText), fc.array(edit, { maxLength: 6 }), anyRulesText, (first: string, edits, other: string) => {
        const linter = new IncrementalRulesLinter();
        let text = first;
        expect(linter.update(text)).toEqual(lintText(text));
        for (const e of edits) {
          text = apply(text, e);
          expect(linter.update(text)).toEqual(lintText(text));
        }
        expect(linter.update(other)).toEqual(lintText(other));
      }),
      { numRuns: Number(process.env.LSP_RUNS ?? 40) },
    );
  });

  it('re-parses only the statements an edit touched', () => {
    const linter = new IncrementalRulesLinter();
    linter.update(SAMPLE);
    const at = SAMPLE.indexOf('Allow GitHub');
    linter.update(`${SAMPLE.slice(0, at)}x${SAMPLE.slice(at)}`);
    expect(linter.lastParsed).toBe(1);
    // A trailing backslash joins the next line: the two statements are read again as one.
    const before = linter.statements().length;
    const eol = SAMPLE.indexOf('\n', at);
    linter.update(`${SAMPLE.slice(0, eol)} \\${SAMPLE.slice(eol)}`);
    expect(linter.lastParsed).toBe(1);
    expect(linter.statements().length).toBe(before - 1);
  });

  it('options changing starts from scratch', () => {
    const linter = new IncrementalRulesLinter();
    linter.update(SAMPLE, {});
    expect(linter.update(SAMPLE, { profile: 'suricata' })).toEqual(lintText(SAMPLE, { profile: 'suricata' }));
  });

  it('commonEnds: the common prefix and a suffix that does not overlap it', () => {
    expect(commonEnds('abc', 'abc')).toEqual({ prefix: 3, suffix: 0 });
    expect(commonEnds('abXc', 'abc')).toEqual({ prefix: 2, suffix: 1 });
    expect(commonEnds('aa', 'aaa')).toEqual({ prefix: 2, suffix: 0 });
    const long = 'x'.repeat(200_000);
    expect(commonEnds(`${long}a${long}`, `${long}bb${long}`)).toEqual({ prefix: 200_000, suffix: 200_000 });
  });
});

describe("IncrementalRulesLinter 'carry': the language server's first publication after an edit", () => {
  it('after carried-over updates, a full update is again exactly lintText', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.constantFrom(...OPTIONS), (edits, options) => {
        const linter = new IncrementalRulesLinter();
        let text = SAMPLE;
        linter.update(text, options);
        for (const e of edits) {
          text = apply(text, e);
          linter.update(text, options, 'carry');
          expect(linter.fileLevelPending).toBe(true);
        }
        expect(linter.update(text, options)).toEqual(lintText(text, options));
        expect(linter.fileLevelPending).toBe(false);
      }),
      { numRuns: Number(process.env.LSP_RUNS ?? 25) },
    );
  });

  it('an edit of a msg: the findings of lintText at the same places (an edited rule keeps its tls-client-hello-gate finding, its message may lack what the rest of the file adds until the complete run)', () => {
    const linter = new IncrementalRulesLinter();
    linter.update(SAMPLE);
    const at = SAMPLE.indexOf('not matching any TLS allowlisted FQDNs');
    const text = `${SAMPLE.slice(0, at)}x${SAMPLE.slice(at)}`;
    const where = (ds: readonly { ruleId: string; range: { start: number; end: number } }[]) => ds.map((d) => `${d.ruleId}@${d.range.start}-${d.range.end}`);
    expect(where(linter.update(text, {}, 'carry'))).toEqual(where(lintText(text)));
    expect(linter.update(text, {}, 'carry').map((d) => d.ruleId)).toContain('tls-client-hello-gate');
  });
});
