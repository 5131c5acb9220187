import type { RuleSetFacts } from '../semantics/rule-set-facts.js';
import type { SeveritySetting } from '../diagnostics/severity.js';
import { DIALECTS, FIREWALL_DIALECT_OF, type AnyProfileName, type BaseProfileName, type Dialect } from '../dialects/dialect.js';
import { findFirewallSyntax } from '../dialects/detect-dialect.js';
import type { TextRange } from '../source/text-range.js';

/** The classic profiles, which every lint rule states a severity for. */
export type ProfileName = BaseProfileName;
export type RuleOrder = 'strict' | 'action';

/** Everything a lint run needs to know beyond the text itself. Plain data, no I/O. */
export interface LintOptions {
  /**
   * Which rule table and severities to start from: a classic profile (`aws-nfw`, `suricata`) or a
   * dialect profile (`aws-nfw-firewall`, `aws-nfw-ips`, `suricata-firewall`, src/dialects/dialect.ts).
   * Default `aws-nfw`.
   */
  readonly profile?: AnyProfileName;
  /**
   * Under a classic profile, read a text holding firewall-mode rules (`accept:hook tcp:all ...`) with the
   * matching firewall profile, and say so (`fw-profile-from-content`). Default true; hosts whose type
   * fixes the dialect (a Classic stateful rule group) set false.
   */
  readonly profileFromContent?: boolean;
  /** Stateful rule order of the rule group. Default `strict` (AWS's recommendation); `action` under aws-nfw-ips. */
  readonly ruleOrder?: RuleOrder;
  /** Target Suricata major version. Default 7 (8 under the firewall profiles). */
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
  /** The NG policy's FirewallDefaultAction when known (`DROP`, `REJECT`, `ACCEPT`, `ALERT`): reachability severities follow it. */
  readonly firewallDefaultAction?: string;
  /**
   * Facts about every file of the run (flowbits set and checked, QUIC and no-SNI handling), for the
   * rule-set checks. Absent: the linted text is the whole rule set.
   */
  readonly ruleSet?: RuleSetFacts;
}

export interface ResolvedLintOptions {
  /** The classic profile whose severities apply (the dialect's base). */
  readonly profile: ProfileName;
  /** The dialect the text is read in (engine, hook names, actions, limits). */
  readonly dialect: Dialect;
  /** Where the firewall-mode syntax that chose the dialect is, when it was chosen from the content. */
  readonly dialectFromContent?: TextRange;
  readonly ruleOrder: RuleOrder;
  readonly suricataVersion: 7 | 8;
  readonly inline: boolean;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly variables?: ReadonlySet<string>;
  readonly host?: string;
  readonly hostLineOf?: (offset: number) => number;
  readonly firewallDefaultAction?: string;
  readonly ruleSet?: RuleSetFacts;
}

/**
 * Options with defaults applied. `text`, when given, lets a classic profile turn into the firewall
 * profile for a text that holds firewall-mode rules (`profileFromContent`).
 */
export function resolveLintOptions(o: LintOptions | ResolvedLintOptions = {}, text?: string): ResolvedLintOptions {
  if ('dialect' in o && o.dialect) return o;
  return resolveGiven(o as LintOptions, text);
}

function resolveGiven(o: LintOptions, text: string | undefined): ResolvedLintOptions {
  let dialect = DIALECTS[o.profile ?? 'aws-nfw'] ?? DIALECTS['aws-nfw'];
  let dialectFromContent: TextRange | undefined;
  if (dialect.name === dialect.base && text !== undefined && o.profileFromContent !== false) {
    dialectFromContent = findFirewallSyntax(text);
    if (dialectFromContent) dialect = DIALECTS[FIREWALL_DIALECT_OF[dialect.base]];
  }
  const firewall = dialect.engine === 'firewall';
  return {
    profile: dialect.base,
    dialect,
    dialectFromContent,
    ruleOrder: firewall ? 'strict' : (o.ruleOrder ?? dialect.ruleOrder),
    suricataVersion: firewall ? 8 : (o.suricataVersion ?? dialect.suricataVersion),
    inline: o.inline ?? dialect.base === 'aws-nfw',
    rules: o.rules ?? {},
    variables: o.variables,
    host: o.host,
    hostLineOf: o.hostLineOf,
    firewallDefaultAction: o.firewallDefaultAction,
    ruleSet: o.ruleSet,
  };
}
