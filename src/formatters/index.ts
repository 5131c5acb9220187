import type { Formatter } from './formatter.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

/** Output formats by name. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  text: formatText,
  json: formatJson,
};
