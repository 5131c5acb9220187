import { dirname, join } from 'node:path';
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
 * Finds the configuration for a rules file by walking up from its folder: in each folder,
 * `suricata-lint.config.json`, then `.suricata-lintrc.json`, then a package.json with a
 * `suricata-lint` key. The nearest one wins (no merging across folders).
 */
export function loadConfigFor(filePath: string, readFile: ReadFile): LoadedConfig {
  let dir = dirname(filePath);
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
    if (parent === dir) return { config: {}, errors: [] };
    dir = parent;
  }
}
