/**
 * Moved to src/source/edit.ts (the lowest layer, so the syntax layer returns real fixes). This re-export
 * keeps branches written before the move compiling; import from '../source/edit.js' in new code.
 */
export { Edit } from '../source/edit.js';
