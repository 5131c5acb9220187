import type { SeveritySetting } from '../diagnostics/severity.js';

export type ProfileName = 'aws-nfw' | 'suricata';
export type RuleOrder = 'strict' | 'action';

/** Everything a lint run needs to know beyond the text itself. Plain data, no I/O. */
export interface LintOptions {
  /** Which rule table and severities to start from. Default `aws-nfw`. */
  readonly profile?: ProfileName;
  /** Stateful rule order of the rule group. Default `strict` (AWS's recommendation). */
  readonly ruleOrder?: RuleOrder;
  /** Target Suricata major version. Default 7. */
  readonly suricataVersion?: 7 | 8;
  /**
   * The rules run inline (IPS: Suricata decides whether each packet goes on, as AWS Network Firewall
   * runs them) rather than passively (IDS: Suricata watches a copy). Default: true under `aws-nfw`,
   * false under `suricata`. Every TLS check reads it: inline, a rule that fires on the first segment of a
   * split ClientHello blocks it; passively Suricata 7 inspects the client's data only once the server has
   * acknowledged it, a rule gated on `ssl_state:client_hello` never fires, and ungated rules fire one
   * packet late (replayed: test/replay).
   */
  readonly inline?: boolean;
  /** Per-rule severity overrides (`off` disables). */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /**
   * Variables known to be defined (`HOME_NET`, `HTTP_PORTS`, ...), without `$`. When undefined, the
   * undefined-variable check is skipped (definitions are unknown).
   */
  readonly variables?: ReadonlySet<string>;
  /** Where the rules come from, to tailor messages (`rules-file`, `aws-rule-group`, ...). */
  readonly host?: string;
  /**
   * For rules embedded in a host file (Terraform, CloudFormation, rule group JSON): the 1-based line of
   * the host file that an offset of the linted text comes from, so messages that name another line
   * ("sid 9 is already used on line 12") name the line the user sees. Undefined: lines of the text itself.
   */
  readonly hostLineOf?: (offset: number) => number;
}

export interface ResolvedLintOptions {
  readonly profile: ProfileName;
  readonly ruleOrder: RuleOrder;
  readonly suricataVersion: 7 | 8;
  readonly inline: boolean;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly variables?: ReadonlySet<string>;
  readonly host?: string;
  readonly hostLineOf?: (offset: number) => number;
}

export function resolveLintOptions(o: LintOptions = {}): ResolvedLintOptions {
  return {
    profile: o.profile ?? 'aws-nfw',
    ruleOrder: o.ruleOrder ?? 'strict',
    suricataVersion: o.suricataVersion ?? 7,
    inline: o.inline ?? (o.profile ?? 'aws-nfw') === 'aws-nfw',
    rules: o.rules ?? {},
    variables: o.variables,
    host: o.host,
    hostLineOf: o.hostLineOf,
  };
}
