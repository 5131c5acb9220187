import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { HostFinding } from './embedded-rules.js';
import { decodeJsonString } from './json-string.js';
import type { ShapeEntry, ShapeNode } from './shape-node.js';

function toShape(host: string, node: Node): ShapeNode {
  const range = { start: node.offset, end: node.offset + node.length };
  const children = node.children ?? [];
  const entries: ShapeEntry[] = [];
  const items: ShapeNode[] = [];
  if (node.type === 'object') {
    for (const prop of children) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue;
      entries.push({ key: String(key.value), keyRange: { start: key.offset, end: key.offset + key.length }, value: toShape(host, value) });
    }
  } else if (node.type === 'array') {
    for (const child of children) items.push(toShape(host, child));
  }
  const kind = node.type === 'object' ? 'object' : node.type === 'array' ? 'array' : node.type === 'string' ? 'string' : 'other';
  return {
    kind,
    range,
    entries,
    items,
    value: node.type === 'object' || node.type === 'array' ? undefined : String(node.value),
    decode: () => (node.type === 'string' ? decodeJsonString(host, range.start, range.end) : undefined),
  };
}

const JSON_ERROR_WORDS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'invalid symbol', InvalidNumberFormat: 'invalid number', PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected', ColonExpected: '":" expected', CommaExpected: '"," expected',
  CloseBraceExpected: '"}" expected', CloseBracketExpected: '"]" expected', EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'comments are not allowed in JSON', UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string', UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape', InvalidEscapeCharacter: 'invalid escape character', InvalidCharacter: 'invalid character in string',
};

/** Parses JSON text into a ShapeNode (with error recovery) plus one host-parse-error finding per syntax error. */
export function parseJsonShape(text: string): { root: ShapeNode | undefined; findings: HostFinding[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const findings: HostFinding[] = errors.map((e) => {
    const code = printParseErrorCode(e.error);
    return {
      ruleId: 'host-parse-error',
      message: `JSON syntax error: ${JSON_ERROR_WORDS[code] ?? code}.`,
      hint: 'Fix the JSON syntax; rules after this point may be missing from the report.',
      range: { start: e.offset, end: e.offset + e.length },
    };
  });
  return { root: tree ? toShape(text, tree) : undefined, findings };
}
