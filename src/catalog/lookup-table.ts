/**
 * A frozen table with no prototype, for look-ups keyed by text from a rule or a file. With a plain
 * object literal, a keyword, protocol or flag named `constructor`, `toString` or `__proto__` would
 * find Object.prototype's members instead of nothing (one crashed the parser).
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
