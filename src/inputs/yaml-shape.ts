import { isMap, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { HostFinding } from './embedded-rules.js';
import type { ShapeEntry, ShapeNode } from './shape-node.js';
import { decodeYamlScalar, type YamlScalarStyle } from './yaml-scalar.js';

const EMPTY: ShapeNode = { kind: 'other', range: { start: 0, end: 0 }, entries: [], items: [], decode: () => undefined };

function rangeOf(node: YamlNode): { start: number; end: number } {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

function toShape(host: string, node: unknown): ShapeNode {
  if (node === null || node === undefined || typeof node !== 'object') return EMPTY;
  const yamlNode = node as YamlNode;
  const range = rangeOf(yamlNode);
  const tag = yamlNode.tag?.startsWith('!') && !yamlNode.tag.startsWith('!!') ? yamlNode.tag : undefined;
  if (isMap(node)) {
    const entries: ShapeEntry[] = [];
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key)) continue;
      entries.push({ key: String(key.value), keyRange: rangeOf(key), value: toShape(host, pair.value) });
    }
    return { kind: 'object', range, tag, entries, items: [], decode: () => undefined };
  }
  if (isSeq(node)) {
    return { kind: 'array', range, tag, entries: [], items: node.items.map((i) => toShape(host, i)), decode: () => undefined };
  }
  if (isScalar(node)) {
    const style = node.type as YamlScalarStyle | undefined;
    const isString = typeof node.value === 'string' && style !== undefined;
    return {
      kind: isString ? 'string' : 'other',
      range,
      tag,
      entries: [],
      items: [],
      value: node.value === null ? undefined : String(node.value),
      decode: () => (isString && style ? decodeYamlScalar(host, range.start, range.end, style) : undefined),
    };
  }
  return { ...EMPTY, range, tag };
}

/**
 * Parses YAML (CloudFormation short-form tags like !Sub stay as node tags; "unresolved tag" warnings are expected
 * and ignored) into one ShapeNode per document, plus a host-parse-error finding per YAML error.
 */
export function parseYamlShapes(text: string): { roots: ShapeNode[]; findings: HostFinding[] } {
  const findings: HostFinding[] = [];
  const roots: ShapeNode[] = [];
  for (const doc of parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false })) {
    for (const e of doc.errors) {
      findings.push({
        ruleId: 'host-parse-error',
        message: `YAML syntax error: ${e.message.split('\n')[0]}`,
        hint: 'Fix the YAML syntax; rules after this point may be missing from the report.',
        range: { start: e.pos[0], end: Math.max(e.pos[0], e.pos[1]) },
      });
    }
    roots.push(toShape(text, doc.contents));
  }
  return { roots, findings };
}
