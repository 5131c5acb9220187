import type { Formatter } from './formatter.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson, formatJsonV1 } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

/** Output formats by name (`--format NAME`). */
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

/** Formats meant for programs: never decorated, never accompanied by progress output. */
export const MACHINE_FORMATS: ReadonlySet<string> = new Set(['json', 'json-v1', 'sarif', 'github', 'junit', 'gitlab', 'markdown']);
