import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { SourceFile, type Position } from '../../src/source/source-file.js';
import type { EmbeddedRules, HostDocument } from '../../src/inputs/embedded-rules.js';
import { mapEditsToHost } from '../../src/inputs/map-edits.js';

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/inputs/${name}`, import.meta.url), 'utf8');
}

export function sourceLabelled(doc: HostDocument, label: string): EmbeddedRules {
  const src = doc.sources.find((s) => s.label === label);
  if (!src) throw new Error(`no source ${label}; have ${doc.sources.map((s) => s.label).join(', ')}`);
  return src;
}

/** Host line/column of the decoded offset where `needle` starts (its first occurrence). */
export function hostPositionOf(src: EmbeddedRules, host: string, needle: string): Position {
  const at = src.text.indexOf(needle);
  expect(at, `"${needle}" in decoded text`).toBeGreaterThanOrEqual(0);
  return new SourceFile('host', host).positionAt(src.toHostOffset(at));
}

export const SSL_STATE = 'ssl_state:client_hello; ';

/**
 * Inserts SSL_STATE right after the "(" of the rule starting with `ruleStart`, through mapEditsToHost;
 * checks the bytes around the edit are untouched; returns the new host text and the expected decoded text.
 */
export function insertAfterParen(src: EmbeddedRules, host: string, ruleStart: string): { host: string; expected: string } {
  const rule = src.text.indexOf(ruleStart);
  expect(rule).toBeGreaterThanOrEqual(0);
  const at = src.text.indexOf('(', rule) + 1;
  const edits = mapEditsToHost(src, [{ range: { start: at, end: at }, text: SSL_STATE }]);
  expect(edits).toBeDefined();
  expect(edits).toHaveLength(1);
  const [edit] = edits ?? [];
  expect(edit.range.start).toBe(edit.range.end);
  const next = host.slice(0, edit.range.start) + edit.text + host.slice(edit.range.end);
  expect(next.slice(0, edit.range.start)).toBe(host.slice(0, edit.range.start));
  expect(next.slice(edit.range.start + edit.text.length)).toBe(host.slice(edit.range.start));
  return { host: next, expected: src.text.slice(0, at) + SSL_STATE + src.text.slice(at) };
}

export function pos(line: number, column: number): Position {
  return { line, column };
}
