/** One message Suricata printed about a rule, made readable, with the engine's original line kept. */
export interface EngineMessage {
  readonly level: 'error' | 'warning';
  /** The message without Suricata's `Error: detect-parse:` style prefix. */
  readonly text: string;
  /** The line exactly as Suricata logged it. */
  readonly raw: string;
}

/**
 * Suricata's verdict on one rule statement (1-based line of its first physical line in the rules text given
 * to Suricata). `skipped` is a rule that parsed but whose `requires:` the running Suricata does not meet.
 */
export interface EngineRuleResult {
  readonly line: number;
  readonly verdict: 'accepted' | 'rejected' | 'skipped';
  readonly messages: readonly EngineMessage[];
}

export interface EngineRun {
  /**
   * `ok`: Suricata ran and each rule statement has a result. `missing`: no Suricata binary found.
   * `too-old`: the binary is older than 7.0. `failed`: Suricata could not run or crashed (see `message`).
   */
  readonly status: 'ok' | 'missing' | 'too-old' | 'failed';
  /** Suricata's version, as in `7.0.10`. */
  readonly version?: string;
  /** Why the run is not `ok`, written for a person. */
  readonly message?: string;
  readonly results: readonly EngineRuleResult[];
  /** Messages Suricata logged that belong to no single rule (config problems, summary). */
  readonly general?: readonly EngineMessage[];
  /** With `analysis: true`: Suricata's `rules.json` entry for each accepted rule, keyed by line. */
  readonly analysis?: Readonly<Record<number, unknown>>;
}
