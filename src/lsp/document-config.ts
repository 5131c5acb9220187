import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { matchesAny } from '../config/glob-match.js';
import { loadConfigFile, loadConfigFor, type LoadedConfig } from '../config/load-config.js';
import { validateConfig } from '../config/config-schema.js';
import { mergeConfig, type CliLintOptions, type EffectiveConfig } from '../config/merge-config.js';

/**
 * What an editor may say when it starts the server (`initializationOptions`) or later
 * (`workspace/didChangeConfiguration`, under `suricata-lint`): the command line's options, with the same
 * meaning and the same precedence over config files (`--profile`, `--rule-order`, `--suricata-version`,
 * `--rule ID=severity`, `--config FILE`).
 */
export interface ServerSettings {
  readonly profile?: unknown;
  readonly ruleOrder?: unknown;
  readonly suricataVersion?: unknown;
  readonly rules?: unknown;
  /** A config file to use instead of looking for one next to each file (absolute, or relative to the workspace). */
  readonly config?: unknown;
}

/** The lint options of one document, and where they came from. */
export interface DocumentConfig {
  readonly options: EffectiveConfig;
  /** The config file used (undefined: none found, defaults apply). */
  readonly configPath?: string;
  /** The file is matched by the config's `ignore` patterns: the CLI skips it, so the server reports nothing. */
  readonly ignored: boolean;
  /** Problems in the config file or the settings, each naming the file and key. */
  readonly errors: readonly string[];
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Config discovery exactly as the CLI does it (src/config): the nearest `suricata-lint.config.json`,
 * `.suricata-lintrc.json` or package.json `suricata-lint` key walking up from each file, or the one
 * `config` setting; settings from the editor win like command-line flags. Cached per folder until `clear()`
 * (the server clears it when a config file changes).
 */
export class DocumentConfigs {
  private cli: CliLintOptions = {};
  private explicit?: LoadedConfig;
  private settingErrors: string[] = [];
  private readonly cache = new Map<string, LoadedConfig>();

  constructor(
    settings: ServerSettings = {},
    private readonly root?: string,
    private readonly readFile: (path: string) => string | undefined = readOrUndefined,
  ) {
    this.configure(settings);
  }

  /** New editor settings (validated like a config file; invalid parts are dropped and named in `errors`). */
  configure(settings: ServerSettings): void {
    this.clear();
    const { config: configPath, ...rest } = (settings ?? {}) as Record<string, unknown>;
    const known = Object.fromEntries(Object.entries(rest).filter(([k, v]) => ['profile', 'ruleOrder', 'suricataVersion', 'rules'].includes(k) && v !== undefined && v !== null));
    const { config, errors } = validateConfig(known, 'editor settings (suricata-lint)');
    this.settingErrors = errors;
    this.cli = { profile: config.profile, ruleOrder: config.ruleOrder, suricataVersion: config.suricataVersion, rules: config.rules };
    this.explicit = undefined;
    if (typeof configPath === 'string' && configPath.trim()) {
      const path = resolve(this.root ?? process.cwd(), configPath);
      this.explicit = loadConfigFile(path, this.readFile);
    }
  }

  /** Forget cached config files (one changed on disk or in the editor). */
  clear(): void {
    this.cache.clear();
  }

  private loaded(path: string): LoadedConfig {
    if (this.explicit) return this.explicit;
    const dir = dirname(path);
    let c = this.cache.get(dir);
    if (!c) {
      c = loadConfigFor(path, this.readFile);
      this.cache.set(dir, c);
    }
    return c;
  }

  /** The options for the file at `path` (absolute; an unsaved document: a path under the workspace root). */
  forPath(path: string): DocumentConfig {
    const abs = resolve(this.root ?? process.cwd(), path);
    const c = this.loaded(abs);
    const patterns = c.config.ignore ?? [];
    const ignored = patterns.length > 0 && c.configDir !== undefined && matchesAny(relative(c.configDir, abs).split(sep).join('/'), patterns);
    return { options: mergeConfig(c.config, this.cli), configPath: c.configPath, ignored, errors: [...this.settingErrors, ...c.errors] };
  }
}
