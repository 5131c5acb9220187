import type { Formatter } from './formatter.js';

/**
 * Output formats by name (`--format NAME`), each loaded on demand: a run pays only for its own formatter
 * (sarif and gitlab load node:crypto, a few ms of start-up). FORMATTERS in index.ts is the same table, loaded.
 */
const LOADERS: Readonly<Record<string, () => Promise<Formatter>>> = {
  text: async () => (await import('./text.js')).formatText,
  json: async () => (await import('./json.js')).formatJson,
  'json-v1': async () => (await import('./json.js')).formatJsonV1,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  github: async () => (await import('./github.js')).formatGithub,
  markdown: async () => (await import('./markdown.js')).formatMarkdown,
  junit: async () => (await import('./junit.js')).formatJunit,
  gitlab: async () => (await import('./gitlab.js')).formatGitlab,
};

/** Every format name, in the order help and error messages list them. */
export const FORMAT_NAMES: readonly string[] = Object.keys(LOADERS);

/** Formats meant for programs: never decorated, never accompanied by progress output. */
export const MACHINE_FORMATS: ReadonlySet<string> = new Set(['json', 'json-v1', 'sarif', 'github', 'junit', 'gitlab', 'markdown']);

/** The formatter for a name, or undefined for an unknown name. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name]() : undefined;
}
