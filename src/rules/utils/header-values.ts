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

/** Every single value of a list expression, depth first. */
export function listValues(expr: ListExpr | undefined): ListValue[] {
  if (!expr) return [];
  if (expr.kind === 'value') return [expr];
  return expr.items.flatMap((i) => listValues(i));
}

/** Every group of a list expression (including nested ones). */
export function listGroups(expr: ListExpr | undefined): ListGroup[] {
  if (!expr || expr.kind === 'value') return [];
  return [expr, ...expr.items.flatMap((i) => listGroups(i))];
}

/** The values of the given header fields with their field. */
export function headerValues(header: RuleHeader, fields: readonly HeaderField[]): { field: HeaderField; value: ListValue }[] {
  return fields.flatMap((field) => listValues(header[field]).map((value) => ({ field, value })));
}
