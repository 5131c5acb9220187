import type { Formatter } from './formatter.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson, formatJsonV1 } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

/** Output formats by name (`--format NAME`), all loaded; the CLI loads only the one it needs (load-formatter.ts). */
export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  text: formatText,
  json: formatJson,
  'json-v1': formatJsonV1,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
  junit: formatJunit,
  gitlab: formatGitlab,
};

export { FORMAT_NAMES, MACHINE_FORMATS, loadFormatter } from './load-formatter.js';
