import type { TextRange } from '../source/text-range.js';
import type { DecodedString } from './decoded-string.js';

/** A key/value pair of an object node, with the key's host range (findings point at keys). */
export interface ShapeEntry {
  readonly key: string;
  readonly keyRange: TextRange;
  readonly value: ShapeNode;
}

/**
 * A host-format-neutral view of a JSON or YAML value, enough to walk AWS rule group shapes.
 * `tag` is a YAML short tag such as '!Sub' (never set for JSON).
 */
export interface ShapeNode {
  readonly kind: 'object' | 'array' | 'string' | 'other';
  readonly range: TextRange;
  readonly tag?: string;
  readonly entries: readonly ShapeEntry[];
  readonly items: readonly ShapeNode[];
  /** Decoded value of a string (or scalar rendered as a string) node. */
  readonly value?: string;
  /** Decoded string with its host offset map; undefined for non-string nodes. */
  decode(): DecodedString | undefined;
}

export function entryOf(node: ShapeNode | undefined, key: string): ShapeEntry | undefined {
  return node?.kind === 'object' ? node.entries.find((e) => e.key === key) : undefined;
}

export function childOf(node: ShapeNode | undefined, key: string): ShapeNode | undefined {
  return entryOf(node, key)?.value;
}

export function stringOf(node: ShapeNode | undefined): string | undefined {
  return node !== undefined && node.kind !== 'object' && node.kind !== 'array' ? node.value : undefined;
}

export function stringsOf(node: ShapeNode | undefined): string[] {
  if (node?.kind !== 'array') return [];
  return node.items.map(stringOf).filter((s): s is string => s !== undefined);
}
