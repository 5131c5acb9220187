import { lookupTable } from '../catalog/lookup-table.js';
import type { SeveritySetting } from '../diagnostics/severity.js';

/*
 * Dialects: which engine reads a rule text, and with which tables. A dialect is plain data; the
 * profiles `aws-nfw` and `suricata` are the classic (IDS/IPS) dialects, the three below read firewall
 * rule groups and the IPS section of an AWS Next Generation policy.
 *
 * Sources: ../shared/docs/AWS-NEXT-GEN.md (sections 1, 2, 4, 6, 10), citing AWS's developer guide
 * (firewall-rule-constraints, firewall-rule-constraints-action-scope, nwfw-v2-firewall-engine-limitations,
 * firewall-rule-ips-bypass, ips-rule-evaluation-order, quotas, rule-group-capacity-v2) and Suricata 8.0.x
 * src/detect-parse.c (`SigParseActionDo`, `DetectFirewallRuleValidate`).
 */

/** The classic profiles (their rule sets and default severities). */
export type BaseProfileName = 'aws-nfw' | 'suricata';
/** The Next Generation and Suricata 8 firewall-mode profiles. */
export type DialectName = 'aws-nfw-firewall' | 'aws-nfw-ips' | 'suricata-firewall';
/** Every profile a user can name (`--profile`, config `profile`). */
export type AnyProfileName = BaseProfileName | DialectName;

/** Which engine evaluates the rules. */
export type EngineKind = 'classic' | 'firewall';

export interface Dialect {
  readonly name: AnyProfileName;
  /** The classic profile whose rules and severities apply unless this dialect says otherwise. */
  readonly base: BaseProfileName;
  readonly engine: EngineKind;
  /** Whose hook names are valid: AWS's (`tls:client_hello`) or upstream Suricata 8's (`tls:client_hello_done`). */
  readonly hookNames?: 'aws' | 'upstream';
  /** Primary actions a firewall rule may use. */
  readonly primaryActions?: readonly string[];
  /** Secondary actions (after a `,`) a firewall rule may use, with the scopes each may carry ([] = none). */
  readonly secondaryActions?: Readonly<Record<string, readonly string[]>>;
  /** Rule order of the engine: firewall rules run in file order per hook; the NG IPS engine in action order. */
  readonly ruleOrder: 'strict' | 'action';
  readonly suricataVersion: 7 | 8;
  /** Limits, each with its source. */
  readonly limits?: Readonly<Record<string, { readonly value: number; readonly source: string }>>;
  /** What a hook that no rule accepts does: drop by default (AWS firewall engine; upstream app and packet tables). */
  readonly defaultAction?: 'drop' | 'pass';
  /**
   * Classic lint rules that do not apply to this dialect, each with why. Firewall-mode lint rules state
   * their own severity per dialect in their meta.
   */
  readonly off?: Readonly<Record<string, string>>;
  /** One line for help and the profile announcement. */
  readonly summary: string;
}

/** Classic lint rules whose premise does not hold in the firewall engine. */
const CLASSIC_ONLY: Readonly<Record<string, string>> = {
  'suricata-8-syntax': 'firewall rules are Suricata 8 syntax by definition',
  'aws-unsupported-action': 'firewall actions are checked by fw-primary-action (accept, reject variants are valid there)',
  'aws-rule-order-missing': 'a firewall rule group has no RuleOrder: rules run in the order written, per hook',
  'aws-priority-strict-order': 'priority has no ordering meaning in firewall rules (fw-meaningless-keyword)',
  'aws-ipset-reference': 'firewall rule groups do not support IP set references at all (fw-ipset-reference)',
  'tls-ssl-state-explicit': 'the ssl_state:client_hello advice is wrong in firewall rules: ssl_state data exists only at the first TLS hook (AWS-NEXT-GEN.md 4.2, R12)',
  'tls-ssl-state-never-matches': 'ssl_state in firewall rules is checked against its hook by fw-keyword-hook',
  'tls-client-hello-gate': 'a firewall rule is evaluated at its hook, when the hook is complete: a split ClientHello cannot fire it early (AWS-NEXT-GEN.md 9.3)',
  'tls-catch-all-after-sni-pass': 'the firewall engine drops by default per hook; catch-all drops are fw-first-hook-block',
  'tls-version-early-match': 'tls.version is bound to the ClientHello hook in firewall rules (fw-keyword-hook)',
  'missing-msg': "AWS's firewall-engine examples and modeled rules carry no msg; the alert log names the rule by sid",
};

const AWS_LIMITS = {
  ruleLength: { value: 8192, source: 'DG quotas: 8,192 characters per rule, expanded variables included' },
  rulesString: { value: 2_000_000, source: 'API FirewallRulesSource: RulesString 0..2,000,000 characters' },
  firewallRulesPerPolicy: { value: 30_000, source: 'DG rule-group-capacity-v2: 30,000 firewall-engine rules per NG policy' },
};

export const DIALECTS: Readonly<Record<AnyProfileName, Dialect>> = lookupTable({
  'aws-nfw': { name: 'aws-nfw', base: 'aws-nfw', engine: 'classic', ruleOrder: 'strict', suricataVersion: 7, summary: 'AWS Network Firewall Classic stateful rule groups (Suricata 7 rules)' },
  suricata: { name: 'suricata', base: 'suricata', engine: 'classic', ruleOrder: 'strict', suricataVersion: 7, summary: 'upstream Suricata IDS/IPS rules' },
  'aws-nfw-firewall': {
    name: 'aws-nfw-firewall',
    base: 'aws-nfw',
    engine: 'firewall',
    hookNames: 'aws',
    // DG firewall-rule-constraints-action-scope, API FirewallRule (Action ACCEPT|DROP|REJECT|REJECT_DST|REJECT_BOTH); config unsupported (nwfw-v2-firewall-engine-limitations).
    primaryActions: ['accept', 'drop', 'reject', 'rejectsrc', 'rejectdst', 'rejectboth'],
    // DG firewall-rule-ips-bypass: IPS bypass at flow or packet scope; alert carries no scope.
    secondaryActions: { pass: ['flow', 'packet'], alert: [] },
    ruleOrder: 'strict',
    suricataVersion: 8,
    limits: AWS_LIMITS,
    defaultAction: 'drop',
    off: CLASSIC_ONLY,
    summary: 'AWS Network Firewall Next Generation firewall engine (action:scope protocol:hook, AWS hook names, drop by default)',
  },
  'aws-nfw-ips': {
    name: 'aws-nfw-ips',
    base: 'aws-nfw',
    engine: 'classic',
    // DG ips-rule-evaluation-order: the NG IPS engine uses action order only; IPS entries carry no priority.
    ruleOrder: 'action',
    suricataVersion: 7,
    limits: { ...AWS_LIMITS, ipsRulesPerPolicy: { value: 50_000, source: 'DG rule-group-capacity-v2: 50,000 IPS-engine rules per NG policy' } },
    defaultAction: 'pass',
    off: { 'aws-rule-order-missing': 'the NG IPS engine always uses action order (DG ips-rule-evaluation-order)' },
    summary: 'AWS Network Firewall Next Generation IPS section (classic rules, action order, pass by default)',
  },
  'suricata-firewall': {
    name: 'suricata-firewall',
    base: 'suricata',
    engine: 'firewall',
    hookNames: 'upstream',
    // Suricata 8.0.x src/detect-parse.c SigParseActionDo: primary accept/config/drop/reject*; secondary pass/alert.
    primaryActions: ['accept', 'drop', 'reject', 'rejectsrc', 'rejectdst', 'rejectboth', 'config'],
    secondaryActions: { pass: ['flow', 'packet'], alert: [] },
    ruleOrder: 'strict',
    suricataVersion: 8,
    limits: { ruleLength: { value: 8192, source: 'Suricata DETECT_MAX_RULE_SIZE (src/detect-engine-loader.c)' } },
    defaultAction: 'drop',
    off: CLASSIC_ONLY,
    summary: 'upstream Suricata 8 firewall mode (--firewall-rules-exclusive; upstream hook names; drop by default)',
  },
});

export const ALL_PROFILE_NAMES: readonly AnyProfileName[] = ['aws-nfw', 'suricata', 'aws-nfw-firewall', 'aws-nfw-ips', 'suricata-firewall'];

/** The firewall-engine dialect that goes with a base profile, for rule texts found to hold firewall rules. */
export const FIREWALL_DIALECT_OF: Readonly<Record<BaseProfileName, DialectName>> = { 'aws-nfw': 'aws-nfw-firewall', suricata: 'suricata-firewall' };

export function isProfileName(name: unknown): name is AnyProfileName {
  return typeof name === 'string' && (ALL_PROFILE_NAMES as readonly string[]).includes(name);
}

/**
 * The default severity of lint rule `id` under `dialect`: the rule's own setting for this dialect, else
 * `off` when the dialect lists the rule as not applying, else the rule's setting for the base profile.
 */
export function dialectSeverity(
  id: string,
  severity: Readonly<Record<string, SeveritySetting | undefined>>,
  dialect: Dialect,
): SeveritySetting {
  const own = severity[dialect.name];
  if (own !== undefined) return own;
  if (dialect.off?.[id] !== undefined) return 'off';
  return severity[dialect.base] ?? 'off';
}
