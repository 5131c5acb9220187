// @ts-check
/**
 * The robustness properties, as data: `{ name, arbitrary, check }` where `check` throws an Error
 * describing the violation. Built from an API object so that the same properties run against the
 * TypeScript sources (vitest, `npm test`) and against the built dist/ (scripts/fuzz.mjs).
 *
 * api: { parseRules, printRules, lintText, fixText, applyFixes, decodeText }
 */
import fc from 'fast-check';
import { anyBytes, anyRulesText } from './arbitraries.mjs';

const PROFILES = /** @type {const} */ (['aws-nfw', 'suricata']);

function fail(what, details) {
  throw new Error(`${what}${details === undefined ? '' : `: ${JSON.stringify(details)}`}`);
}

function within(inner, outer) {
  return outer.start <= inner.start && inner.start <= inner.end && inner.end <= outer.end;
}

const LINE_TERMINATORS = new Set(['\n', '\r\n', '\r']);

/** Statement ranges (BOM + statements + eols) cover [0, length) in order, without gaps or overlaps. */
export function checkCoverage(file, text) {
  let pos = 0;
  if (file.bom) {
    if (file.bom.start !== 0 || file.bom.end !== 1 || text[0] !== '\uFEFF') fail('bom range wrong', file.bom);
    pos = 1;
  } else if (text.charCodeAt(0) === 0xfeff) fail('leading BOM not recorded');
  file.statements.forEach((s, i) => {
    if (s.range.start !== pos) fail(`statement ${i} starts at ${s.range.start}, expected ${pos} (gap or overlap)`);
    if (s.range.end < s.range.start) fail(`statement ${i} has a negative range`, s.range);
    if (s.eol.start !== s.range.end) fail(`statement ${i} eol does not follow its content`, { range: s.range, eol: s.eol });
    const eol = text.slice(s.eol.start, s.eol.end);
    const last = i === file.statements.length - 1;
    if (!(LINE_TERMINATORS.has(eol) || (eol === '' && last))) fail(`statement ${i} eol is ${JSON.stringify(eol)}`);
    // A statement's content never contains a line terminator, except inside a `\` continuation.
    if (s.kind !== 'rule' && /[\r\n]/.test(text.slice(s.range.start, s.range.end))) fail(`${s.kind} statement ${i} spans a line break`);
    pos = s.eol.end;
  });
  if (pos !== text.length) fail(`statements end at ${pos}, text length is ${text.length}`);
}

/** Every sub-range of a rule statement lies within the statement; options are in order and disjoint. */
export function checkRuleRanges(file) {
  for (const s of file.statements) {
    if (s.kind !== 'rule') continue;
    const inStmt = (r, what) => {
      if (r && !within(r.range ?? r, s.range)) fail(`${what} ${JSON.stringify(r.range ?? r)} outside its statement ${JSON.stringify(s.range)}`);
    };
    inStmt(s.ruleRange, 'ruleRange');
    inStmt(s.header.range, 'header');
    for (const k of ['action', 'protocol', 'source', 'sourcePort', 'direction', 'destination', 'destinationPort']) inStmt(s.header[k], `header.${k}`);
    inStmt(s.openParen, 'openParen');
    inStmt(s.closeParen, 'closeParen');
    for (const c of s.continuations) inStmt(c, 'continuation');
    for (const e of s.errors) inStmt(e.range, 'parse error');
    let prevEnd = s.range.start;
    for (const o of s.options) {
      inStmt(o.range, `option '${o.name}'`);
      if (o.range.start < prevEnd) fail(`option '${o.name}' overlaps the previous one`, { range: o.range, prevEnd });
      prevEnd = o.range.end;
      for (const part of ['keyword', 'colon', 'value', 'terminator']) {
        const r = o[part]?.range ?? o[part];
        if (r && !within(r, o.range)) fail(`option '${o.name}' ${part} ${JSON.stringify(r)} outside the option ${JSON.stringify(o.range)}`);
      }
      if (o.keyword && file.text.slice(o.keyword.range.start, o.keyword.range.end) !== o.keyword.text) fail(`option keyword text differs from its range`);
      if (o.value && file.text.slice(o.value.range.start, o.value.range.end) !== o.value.text) fail(`option value text differs from its range`);
    }
  }
}

/** Splices edits (sorted, disjoint) into text, independently of applyFixes. */
function splice(text, edits) {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.range.start) + e.text;
    pos = e.range.end;
  }
  return out + text.slice(pos);
}

function parseErrors(diagnostics) {
  return diagnostics.filter((d) => d.ruleId === 'parse-error').length;
}

/**
 * One pass of the fix loop, checked: the applied fixes' edits are in bounds, pairwise disjoint, and the output is exactly the input with those edits and nothing else.
 */
function checkedPass(api, text, diagnostics, threshold) {
  const r = api.applyFixes(text, diagnostics, threshold);
  const edits = r.applied.flatMap((d) => d.fix.edits).sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  for (const e of edits) if (e.range.start < 0 || e.range.end > text.length || e.range.end < e.range.start) fail('applied edit out of bounds', e.range);
  for (let i = 1; i < edits.length; i++) if (edits[i].range.start < edits[i - 1].range.end) fail('applied edits overlap', [edits[i - 1].range, edits[i].range]);
  const expected = splice(text, edits);
  if (r.output !== expected) fail('fix output changed bytes no applied edit names', { text, output: r.output, expected });
  // Insertion-only passes: removing the inserted text gives back the input.
  if (edits.every((e) => e.range.start === e.range.end)) {
    let back = '';
    let pos = 0;
    let delta = 0;
    for (const e of edits) {
      const at = e.range.start + delta;
      back += r.output.slice(pos, at);
      pos = at + e.text.length;
      delta += e.text.length;
    }
    back += r.output.slice(pos);
    if (back !== text) fail('output minus the inserted text is not the input');
  }
  return r;
}

/** The fix loop replayed pass by pass (same contract as fixWith: stop when a pass adds parse errors). */
function replayFixLoop(api, text, options) {
  const threshold = options.applicability ?? 'safe';
  let current = text;
  let diagnostics = api.lintText(current, options);
  for (let pass = 0; pass < 10; pass++) {
    const r = checkedPass(api, current, diagnostics, threshold);
    if (r.applied.length === 0 || r.output === current) break;
    const next = api.lintText(r.output, options);
    if (parseErrors(next) > parseErrors(diagnostics)) break;
    current = r.output;
    diagnostics = next;
  }
  return current;
}

const withOptions = fc.tuple(anyRulesText, fc.constantFrom(...PROFILES), fc.constantFrom('safe', 'unsafe'), fc.constantFrom(7, 8));

/** @returns {{ name: string, arbitrary: fc.Arbitrary<any>, check: (input: any) => void }[]} */
export function makeProperties(api) {
  return [
    {
      name: 'parseRules never throws and printRules(parseRules(x)) === x',
      arbitrary: anyRulesText,
      check: (text) => {
        const printed = api.printRules(api.parseRules(text));
        if (printed !== text) fail('print is not lossless', { text, printed });
      },
    },
    {
      name: 'statement ranges cover [0, length) without gaps or overlaps',
      arbitrary: anyRulesText,
      check: (text) => checkCoverage(api.parseRules(text), text),
    },
    {
      name: 'every rule part and option range lies within its statement',
      arbitrary: anyRulesText,
      check: (text) => checkRuleRanges(api.parseRules(text)),
    },
    {
      name: 'lintText never throws, no lint rule crashes, diagnostics and fixes stay in bounds',
      arbitrary: withOptions,
      check: ([text, profile, , suricataVersion]) => {
        const ds = api.lintText(text, { profile, suricataVersion });
        for (const d of ds) {
          if (d.ruleId === 'internal-error') fail('a lint rule crashed', { text, message: d.message });
          if (!within(d.range, { start: 0, end: text.length })) fail(`diagnostic ${d.ruleId} range out of bounds`, d.range);
          if (typeof d.message !== 'string' || !d.message) fail(`diagnostic ${d.ruleId} has no message`);
          for (const f of [d.fix, ...(d.suggestions ?? [])]) {
            for (const e of f?.edits ?? []) if (!within(e.range, { start: 0, end: text.length })) fail(`fix of ${d.ruleId} edits out of bounds`, e.range);
          }
        }
      },
    },
    {
      name: 'fixText: output re-parses losslessly, keeps line endings, changes only edited bytes, adds no parse error',
      arbitrary: withOptions,
      check: ([text, profile, applicability, suricataVersion]) => {
        const options = { profile, applicability, suricataVersion };
        const result = api.fixText(text, options);
        const out = result.output;
        const reparsed = api.parseRules(out);
        if (api.printRules(reparsed) !== out) fail('fixed output does not print back losslessly');
        checkCoverage(reparsed, out);
        // A leading BOM is removed by byte-order-mark's safe fix (Suricata refuses the first rule after it;
        // test/rules/byte-order-mark.test.ts), so its presence in the output is not checked here.
        const before = api.parseRules(text);
        if (out !== text && before.lineEnding !== 'mixed' && before.lineEnding !== 'none' && reparsed.lineEnding !== before.lineEnding) {
          fail(`line endings changed from ${before.lineEnding} to ${reparsed.lineEnding}`, { text, out });
        }
        if (/\r?\n$|\r$/.test(text) !== /\r?\n$|\r$/.test(out)) fail('final newline added or removed', { text, out });
        if (parseErrors(api.lintText(out, options)) > parseErrors(api.lintText(text, options))) fail('fixing added a parse error', { text, out });
        const replayed = replayFixLoop(api, text, options);
        if (replayed !== out) fail('fixText output differs from the checked pass-by-pass replay', { text, out, replayed });
      },
    },
    {
      name: 'fixText is idempotent: fixing the output again changes nothing',
      arbitrary: withOptions,
      check: ([text, profile, applicability, suricataVersion]) => {
        const options = { profile, applicability, suricataVersion };
        const once = api.fixText(text, options).output;
        const twice = api.fixText(once, options).output;
        if (twice !== once) fail('second fix changed the output', { text, once, twice });
      },
    },
    {
      name: 'decodeText never throws; decoded text round-trips to the same bytes; a refusal is one line',
      arbitrary: anyBytes,
      check: (bytes) => {
        const r = api.decodeText(bytes);
        if (r.ok) {
          const back = new TextEncoder().encode(r.text);
          if (back.length !== bytes.length || back.some((b, i) => b !== bytes[i])) fail('decoded text does not re-encode to the input bytes');
        } else if (!r.reason || /[\r\n]/.test(r.reason)) fail('refusal reason is empty or not one line', r.reason);
      },
    },
  ];
}

export const DEFAULT_SEED = 0x5eed_0008;
