import { oneLine } from './safe-text.js';

/** Runs with at least this many files show a progress line (on a terminal, for human formats only). */
export const PROGRESS_MIN_FILES = 20;

/** Erase the current terminal line and return the cursor to column 1. */
export const CLEAR_LINE = '\r\u001b[K';

/**
 * The progress line for file `done` of `total`: `[12/40] rules/egress.rules`, cut from the left to fit
 * `columns`. Starts with CLEAR_LINE so each update overwrites the last; no newline.
 */
export function progressLine(done: number, total: number, path: string, columns = 80): string {
  const head = `[${done}/${total}] `;
  const room = Math.max(10, columns - head.length - 1);
  const safe = oneLine(path);
  const shown = safe.length > room ? `…${safe.slice(safe.length - room + 1)}` : safe;
  return `${CLEAR_LINE}${head}${shown}`;
}

/** Update about once per percent, so huge runs do not spend their time writing to the terminal. */
export function progressStep(total: number): number {
  return Math.max(1, Math.floor(total / 100));
}
