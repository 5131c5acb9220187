/**
 * Moved to src/source/fix.ts (the lowest layer, so the syntax layer returns real fixes). This re-export
 * keeps branches written before the move compiling; import from '../source/fix.js' in new code.
 */
export { Fix, applicabilityAtLeast, type Applicability } from '../source/fix.js';
