import type { ListExpr, ListGroup, ListValue, RuleHeader } from '../../syntax/tree.js';

export type HeaderField = 'source' | 'sourcePort' | 'destination' | 'destinationPort';

export const ADDRESS_FIELDS: readonly HeaderField[] = ['source', 'destination'];
export const PORT_FIELDS: readonly HeaderField[] = ['sourcePort', 'destinationPort'];

export const FIELD_LABEL: Readonly<Record<HeaderField, string>> = {
  source: 'source address',
  sourcePort: 'source port',
  destination: 'destination address',
  destinationPort: 'destination port',
};

function pushValues(expr: ListExpr, out: ListValue[]): void {
  if (expr.kind === 'value') out.push(expr);
  else for (const item of expr.items) pushValues(item, out);
}

/** Every single value of a list expression, depth first. */
export function listValues(expr: ListExpr | undefined): ListValue[] {
  const out: ListValue[] = [];
  if (expr) pushValues(expr, out);
  return out;
}

function pushGroups(group: ListGroup, out: ListGroup[]): void {
  out.push(group);
  for (const item of group.items) if (item.kind === 'group') pushGroups(item, out);
}

const NO_GROUPS: readonly ListGroup[] = Object.freeze([]);

/** Every group of a list expression (including nested ones), outer first. */
export function listGroups(expr: ListExpr | undefined): readonly ListGroup[] {
  if (!expr || expr.kind === 'value') return NO_GROUPS;
  const out: ListGroup[] = [];
  pushGroups(expr, out);
  return out;
}

/**
 * Calls `visit(field, value, arg)` for every single value of the given header fields, in field order
 * and depth first. Allocates nothing for plain values (`any`, `$HOME_NET`, `80`): the header checks
 * run on every rule. `arg` passes the caller's state without a closure.
 */
export function forEachHeaderValue<T>(header: RuleHeader, fields: readonly HeaderField[], visit: (field: HeaderField, value: ListValue, arg: T) => void, arg: T): void {
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const expr = header[field];
    if (expr === undefined) continue;
    if (expr.kind === 'value') visit(field, expr, arg);
    else visitGroup(field, expr, visit, arg);
  }
}

function visitGroup<T>(field: HeaderField, group: ListGroup, visit: (field: HeaderField, value: ListValue, arg: T) => void, arg: T): void {
  for (const item of group.items) {
    if (item.kind === 'value') visit(field, item, arg);
    else visitGroup(field, item, visit, arg);
  }
}

/** The values of the given header fields with their field. */
export function headerValues(header: RuleHeader, fields: readonly HeaderField[]): { field: HeaderField; value: ListValue }[] {
  const out: { field: HeaderField; value: ListValue }[] = [];
  forEachHeaderValue(header, fields, (field, value) => out.push({ field, value }), undefined);
  return out;
}
