import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import { FORMAT_NAMES, loadFormatter } from '../../src/formatters/load-formatter.js';

describe('loadFormatter (the CLI loads only the formatter a run uses)', () => {
  it('knows the same formats, in the same order, as FORMATTERS', () => {
    expect(FORMAT_NAMES).toEqual(Object.keys(FORMATTERS));
  });
  it.each(Object.keys(FORMATTERS))('%s loads the same function as FORMATTERS', async (name) => {
    expect(await loadFormatter(name)).toBe(FORMATTERS[name]);
  });
  it.each(['nope', 'constructor', '__proto__', ''])('unknown name %j gives undefined', async (name) => {
    expect(await loadFormatter(name)).toBeUndefined();
  });
});
