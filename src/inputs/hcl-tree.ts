import type { Node } from 'web-tree-sitter';
import type { TextRange } from '../source/text-range.js';

/** A plain snapshot of an HCL block, detached from tree-sitter (whose tree is deleted after reading). */
export interface HclBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly range: TextRange;
  readonly typeRange: TextRange;
  readonly attributes: readonly HclAttribute[];
  readonly blocks: readonly HclBlock[];
}

export interface HclAttribute {
  readonly name: string;
  readonly nameRange: TextRange;
  readonly value: HclExpression;
}

/** The expression shapes the rule group reader understands; anything else is 'other'. */
export type HclExpression =
  | { readonly kind: 'quoted'; readonly range: TextRange; readonly inner: TextRange; readonly templates: readonly TextRange[] }
  | {
      readonly kind: 'heredoc';
      readonly range: TextRange;
      readonly content: TextRange;
      readonly flush: boolean;
      readonly marker: string;
      readonly templates: readonly TextRange[];
    }
  | { readonly kind: 'tuple'; readonly range: TextRange; readonly items: readonly HclExpression[] }
  | { readonly kind: 'call'; readonly range: TextRange; readonly name: string; readonly args: readonly HclExpression[] }
  | { readonly kind: 'other'; readonly range: TextRange; readonly text: string };

const rangeOf = (n: Node): TextRange => ({ start: n.startIndex, end: n.endIndex });

function kids(n: Node): Node[] {
  return n.children.filter((c): c is Node => c !== null);
}

/**
 * Host ranges of `${...}` interpolations and of each `%{...}` directive tag inside a template. Directive bodies
 * (the text between `%{ for }` and `%{ endfor }`) are template text in their own right, so they are walked too.
 */
function templateRanges(template: Node): TextRange[] {
  const out: TextRange[] = [];
  const visit = (n: Node): void => {
    for (const c of kids(n)) {
      if (c.type === 'template_interpolation') out.push(rangeOf(c));
      else if (kids(c)[0]?.type === 'template_directive_start') out.push(rangeOf(c));
      else if (c.type !== 'template_literal') visit(c);
    }
  };
  visit(template);
  return out.sort((a, b) => a.start - b.start);
}

/** Unwraps expression → literal_value/template_expr/collection_value wrappers. */
function unwrap(n: Node): Node {
  let cur = n;
  for (;;) {
    const only = kids(cur);
    if (['expression', 'literal_value', 'template_expr', 'collection_value'].includes(cur.type) && only.length === 1) cur = only[0];
    else return cur;
  }
}

export function toExpression(node: Node, host: string): HclExpression {
  const n = unwrap(node);
  const range = rangeOf(n);
  const children = kids(n);
  if (n.type === 'string_lit' || n.type === 'quoted_template') {
    const open = children[0];
    const close = children[children.length - 1];
    const closed = close?.type === 'quoted_template_end' && close !== open;
    const inner = { start: open ? open.endIndex : range.start, end: closed ? close.startIndex : range.end };
    return { kind: 'quoted', range, inner, templates: templateRanges(n) };
  }
  if (n.type === 'heredoc_template') {
    const ids = children.filter((c) => c.type === 'heredoc_identifier');
    const opener = ids[0];
    const closer = ids.length > 1 ? ids[ids.length - 1] : undefined;
    const nl = host.indexOf('\n', opener ? opener.endIndex : range.start);
    const contentStart = nl < 0 ? range.end : nl + 1;
    let contentEnd = closer ? closer.startIndex : range.end;
    while (contentEnd > contentStart && host[contentEnd - 1] !== '\n') contentEnd--;
    return {
      kind: 'heredoc',
      range,
      content: { start: contentStart, end: Math.max(contentStart, contentEnd) },
      flush: children.some((c) => c.type === 'heredoc_start' && c.text === '<<-'),
      marker: opener?.text ?? '',
      templates: templateRanges(n),
    };
  }
  if (n.type === 'tuple') {
    return { kind: 'tuple', range, items: children.filter((c) => c.type === 'expression').map((c) => toExpression(c, host)) };
  }
  if (n.type === 'function_call') {
    const name = children.find((c) => c.type === 'identifier')?.text ?? '';
    const args = kids(children.find((c) => c.type === 'function_arguments') ?? n).filter((c) => c.type === 'expression');
    return { kind: 'call', range, name, args: args.map((c) => toExpression(c, host)) };
  }
  return { kind: 'other', range, text: host.slice(range.start, range.end) };
}

/** Reads the blocks and attributes of a `body` node. */
export function readBody(body: Node | undefined, host: string): { attributes: HclAttribute[]; blocks: HclBlock[] } {
  const attributes: HclAttribute[] = [];
  const blocks: HclBlock[] = [];
  for (const child of body ? kids(body) : []) {
    if (child.type === 'attribute') {
      const parts = kids(child);
      const name = parts.find((c) => c.type === 'identifier');
      const value = parts.find((c) => c.type === 'expression');
      if (name && value) attributes.push({ name: name.text, nameRange: rangeOf(name), value: toExpression(value, host) });
    } else if (child.type === 'block') {
      const parts = kids(child);
      const type = parts.find((c) => c.type === 'identifier');
      const labels = parts
        .filter((c) => c.type === 'string_lit' || c.type === 'identifier')
        .slice(1)
        .map((c) => (c.type === 'string_lit' ? host.slice(c.startIndex + 1, c.endIndex - 1) : c.text));
      const inner = readBody(parts.find((c) => c.type === 'body'), host);
      blocks.push({
        type: type?.text ?? '',
        labels,
        range: rangeOf(child),
        typeRange: type ? rangeOf(type) : rangeOf(child),
        ...inner,
      });
    }
  }
  return { attributes, blocks };
}

/**
 * Syntax errors (ERROR and MISSING nodes) of a tree, at most `limit`, sorted by position. Tokens missing at
 * the same place (a file cut short lacks one `}` per open block) are one error with `count` (tree-sitter
 * gives one MISSING node each): one problem, one finding.
 */
export function syntaxErrors(root: Node, limit: number): { range: TextRange; missing?: string; count: number }[] {
  const out: { range: TextRange; missing?: string; count: number }[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0 && out.length < limit) {
    const n = stack.pop() as Node;
    if (!n.hasError && !n.isMissing) continue;
    if (n.isMissing) {
      const range = rangeOf(n);
      const same = out.find((e) => e.missing === n.type && e.range.start === range.start && e.range.end === range.end);
      if (same) same.count++;
      else out.push({ range, missing: n.type, count: 1 });
    } else if (n.isError) out.push({ range: rangeOf(n), count: 1 });
    else stack.push(...kids(n).reverse());
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}
