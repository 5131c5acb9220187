import type { TextRange } from '../source/text-range.js';

/**
 * A string value decoded from host syntax, with, for every decoded offset, the host offset it came from.
 * `hostOffsets[i]` is where decoded char `i` starts in the host; `hostOffsets[text.length]` is the host
 * offset just after the last content char. Non-decreasing by construction.
 */
export interface DecodedString {
  readonly text: string;
  readonly hostOffsets: Int32Array | readonly number[];
  readonly unresolved: readonly TextRange[];
  /** Host text for `text`, or undefined when this scalar style cannot carry it. */
  encode(text: string): string | undefined;
}

/** Accumulates decoded text and its host offsets, one decoded UTF-16 unit at a time. */
export class DecodedStringBuilder {
  private readonly parts: string[] = [];
  private readonly offsets: number[] = [];
  private readonly unresolvedRanges: TextRange[] = [];
  private length = 0;

  /** Appends `decoded`, every unit of which came from the host at `hostOffset` (an escape, or a run mapped to one point). */
  appendAt(decoded: string, hostOffset: number): void {
    this.parts.push(decoded);
    for (let i = 0; i < decoded.length; i++) this.offsets.push(hostOffset);
    this.length += decoded.length;
  }

  /** Appends host text copied verbatim from `hostStart`: decoded unit i maps to hostStart + i. */
  appendVerbatim(text: string, hostStart: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) this.offsets.push(hostStart + i);
    this.length += text.length;
  }

  /** Appends an interpolation kept verbatim and marks it unresolved. */
  appendUnresolved(text: string, hostStart: number): void {
    const start = this.length;
    this.appendVerbatim(text, hostStart);
    this.unresolvedRanges.push({ start, end: this.length });
  }

  /** Marks already appended decoded units `[start, end)` as an unresolved interpolation. */
  markUnresolved(start: number, end: number): void {
    this.unresolvedRanges.push({ start, end });
  }

  get decodedLength(): number {
    return this.length;
  }

  finish(hostEnd: number, encode: (text: string) => string | undefined): DecodedString {
    const offsets = Int32Array.from(this.offsets.concat(hostEnd));
    // Keep the map monotonic even if a caller appended out of order.
    for (let i = 1; i < offsets.length; i++) if (offsets[i] < offsets[i - 1]) offsets[i] = offsets[i - 1];
    return { text: this.parts.join(''), hostOffsets: offsets, unresolved: this.unresolvedRanges, encode };
  }
}

/** A decoded string of `text` whose every offset maps to one host point (generated rules). */
export function pointMapped(text: string, hostOffset: number): DecodedString {
  const b = new DecodedStringBuilder();
  b.appendAt(text, hostOffset);
  return b.finish(hostOffset, () => undefined);
}

export function hostOffsetOf(decoded: DecodedString, offset: number): number {
  const n = decoded.hostOffsets.length;
  const i = Math.max(0, Math.min(Math.trunc(offset), n - 1));
  return decoded.hostOffsets[i];
}

/**
 * Decodes the backslash escape at `host[i]` into `b`: a simple one (`\n`, `\"`, ...) from `simple`, or a
 * hex one (`\uXXXX`, ...) whose digit count `hex` gives; anything else keeps the backslash verbatim.
 * Returns the offset after what was consumed. Shared by the JSON-like string syntaxes of HCL and YAML.
 */
export function appendEscape(
  b: DecodedStringBuilder,
  host: string,
  i: number,
  simple: Readonly<Record<string, string>>,
  hex: Readonly<Record<string, number>>,
): number {
  const e = host[i + 1];
  const replacement = e === undefined ? undefined : simple[e];
  if (replacement !== undefined) {
    b.appendAt(replacement, i);
    return i + 2;
  }
  const hexLen = e === undefined ? undefined : hex[e];
  const digits = hexLen === undefined ? '' : host.slice(i + 2, i + 2 + hexLen);
  if (hexLen !== undefined && digits.length === hexLen && /^[0-9a-fA-F]+$/.test(digits)) {
    b.appendAt(String.fromCodePoint(parseInt(digits, 16)), i);
    return i + 2 + hexLen;
  }
  b.appendVerbatim(host[i], i);
  return i + 1;
}
