import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Chevrotain from 'chevrotain';

/*
 * chevrotain, loaded synchronously on first need (a rule with a syntax error), not at start-up: a run
 * whose rules are all well formed never evaluates it. Node >= 20.19 (our `engines`) can require() an
 * ES module. chevrotain's package entry is ~700 ES modules (its sources and lodash-es): ~0.4 s by
 * require(), ~0.8 s by import. Its self-contained ES build, lib/chevrotain.mjs (same version, published
 * in the package), loads in ~25 ms, so that file is required when present, the package entry otherwise.
 * Resolved from node_modules at run time, in the library (dist/), the CLI bundle (chevrotain is
 * external there) and under vitest alike.
 */

const load = createRequire(import.meta.url);

let chevrotain: typeof Chevrotain | undefined;

export function loadChevrotain(): typeof Chevrotain {
  if (chevrotain) return chevrotain;
  try {
    const entry = load.resolve('chevrotain'); // .../chevrotain/lib/src/api.js
    const single = load(join(dirname(entry), '..', 'chevrotain.mjs')) as typeof Chevrotain;
    if (typeof single.EmbeddedActionsParser === 'function' && typeof single.createToken === 'function') chevrotain = single;
  } catch {
    // Not there (another layout of the package): the package entry below.
  }
  return (chevrotain ??= load('chevrotain') as typeof Chevrotain);
}
