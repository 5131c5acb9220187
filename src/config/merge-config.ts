import type { SeveritySetting } from '../diagnostics/severity.js';
import type { AnyProfileName } from '../dialects/dialect.js';
import type { LintOptions, RuleOrder } from '../linter/lint-options.js';
import type { SuricataLintConfig } from './config-schema.js';

/** What the command line can say (each field wins over the config file). */
export interface CliLintOptions {
  readonly profile?: AnyProfileName;
  readonly ruleOrder?: RuleOrder;
  readonly suricataVersion?: 7 | 8;
  /** `--inline` / `--no-inline`. */
  readonly inline?: boolean;
  /** `--rule ID=severity`, applied over the config's rules. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** Extra known variables (e.g. from a host file's RuleVariables); added to the config's. */
  readonly variables?: Iterable<string>;
}

export interface EffectiveConfig extends LintOptions {
  readonly ignore: readonly string[];
}

/** Config file values, overridden by the command line. Pure. */
export function mergeConfig(config: SuricataLintConfig, cli: CliLintOptions = {}): EffectiveConfig {
  const variables = config.variables || cli.variables ? new Set<string>([...(config.variables ?? []), ...(cli.variables ?? [])]) : undefined;
  return {
    profile: cli.profile ?? config.profile,
    ruleOrder: cli.ruleOrder ?? config.ruleOrder,
    suricataVersion: cli.suricataVersion ?? config.suricataVersion,
    inline: cli.inline ?? config.inline,
    rules: { ...config.rules, ...cli.rules },
    variables,
    ignore: config.ignore ?? [],
  };
}
