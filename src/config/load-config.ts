import { dirname, isAbsolute, join, relative } from 'node:path';
import { validateConfig, type SuricataLintConfig } from './config-schema.js';

/** Reads a file's text, or undefined when it does not exist. Injected so this module stays I/O-free. */
export type ReadFile = (path: string) => string | undefined;

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES: readonly string[] = ['suricata-lint.config.json', '.suricata-lintrc.json', 'package.json'];
export const PACKAGE_JSON_KEY = 'suricata-lint';

export interface LoadedConfig {
  readonly config: SuricataLintConfig;
  /** The file the config came from (undefined: none found, defaults apply). */
  readonly configPath?: string;
  /** The folder `ignore` patterns are relative to. */
  readonly configDir?: string;
  /** Problems, each naming the file and key. Invalid parts are dropped; the rest is used. */
  readonly errors: readonly string[];
}

function parse(path: string, text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `${path}: not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** Loads one named config file (`--config`). A package.json is read through its `suricata-lint` key. */
export function loadConfigFile(path: string, readFile: ReadFile): LoadedConfig {
  const text = readFile(path);
  if (text === undefined) return { config: {}, configPath: path, configDir: dirname(path), errors: [`${path}: file not found`] };
  const { value, error } = parse(path, text);
  if (error) return { config: {}, configPath: path, configDir: dirname(path), errors: [error] };
  const isPackage = path.endsWith('package.json');
  const body = isPackage ? (value as Record<string, unknown> | null)?.[PACKAGE_JSON_KEY] : value;
  if (isPackage && body === undefined) return { config: {}, configPath: path, configDir: dirname(path), errors: [`${path}: has no "${PACKAGE_JSON_KEY}" key`] };
  const { config, errors } = validateConfig(body, isPackage ? `${path} ("${PACKAGE_JSON_KEY}")` : path);
  return { config, configPath: path, configDir: dirname(path), errors };
}

/**
 * A repository's top folder: it holds `.git/HEAD` (a clone) or a `.git` file (a worktree or submodule).
 * Read through `readFile`, so this module stays I/O-free.
 */
export function isRepositoryRoot(dir: string, readFile: ReadFile): boolean {
  return readFile(join(dir, '.git', 'HEAD')) !== undefined || readFile(join(dir, '.git')) !== undefined;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The highest folder the config search looks in, for a search starting at `start`: the repository's top
 * folder when `start` is inside one; else `ceiling` (the current folder) when `start` is inside it; else
 * `start` itself. Undefined (up to the file-system root) only when no ceiling is given and no repository
 * is found. A config file above the checkout (a planted `/tmp/suricata-lint.config.json`) is never used.
 */
export function configSearchTop(start: string, readFile: ReadFile, ceiling?: string): string | undefined {
  for (let dir = start; ; ) {
    if (isRepositoryRoot(dir, readFile)) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (ceiling === undefined) return undefined;
  return isInside(start, ceiling) ? ceiling : start;
}

/**
 * Finds the configuration for a rules file by walking up from its folder: in each folder,
 * `suricata-lint.config.json`, then `.suricata-lintrc.json`, then a package.json with a
 * `suricata-lint` key. The nearest one wins (no merging across folders, so a config is always the
 * last one looked at: `"root": true` is accepted and changes nothing). The walk stops at
 * `configSearchTop` (the repository's top folder, else `ceiling` when given).
 */
export function loadConfigFor(filePath: string, readFile: ReadFile, ceiling?: string): LoadedConfig {
  let dir = dirname(filePath);
  const top = configSearchTop(dir, readFile, ceiling);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(dir, name);
      const text = readFile(path);
      if (text === undefined) continue;
      if (name === 'package.json') {
        const { value } = parse(path, text);
        if (typeof value !== 'object' || value === null || !(PACKAGE_JSON_KEY in value)) continue;
      }
      return loadConfigFile(path, readFile);
    }
    const parent = dirname(dir);
    if (dir === top || parent === dir) return { config: {}, errors: [] };
    dir = parent;
  }
}
