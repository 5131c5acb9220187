import { lookupTable } from './lookup-table.js';
/** Rule actions Suricata 7 accepts (case-insensitive), and those added later or limited on AWS. */
export interface ActionInfo {
  readonly name: string;
  /** First Suricata major version that accepts the action. */
  readonly since: 7 | 8;
  /** Accepted in AWS Network Firewall stateful (IPS) rule groups. */
  readonly aws: boolean;
}

export const ACTIONS: readonly ActionInfo[] = [
  { name: 'alert', since: 7, aws: true },
  { name: 'pass', since: 7, aws: true },
  { name: 'drop', since: 7, aws: true },
  { name: 'reject', since: 7, aws: true },
  { name: 'rejectsrc', since: 7, aws: false },
  { name: 'rejectdst', since: 7, aws: false },
  { name: 'rejectboth', since: 7, aws: false },
  { name: 'config', since: 7, aws: false },
  { name: 'accept', since: 8, aws: false },
];

/**
 * Suricata 8 action scopes (`drop:flow`), by action: what the parser accepts in any rule type
 * (Suricata 8.0.x src/detect-parse.c `SigParseActionDo`: drop, reject* and pass take packet/flow,
 * accept packet/hook/tx/flow, config packet; every other action takes no scope).
 */
export const ACTION_SCOPES: Readonly<Record<string, readonly string[]>> = lookupTable({
  drop: ['packet', 'flow'],
  reject: ['packet', 'flow'],
  rejectsrc: ['packet', 'flow'],
  rejectdst: ['packet', 'flow'],
  rejectboth: ['packet', 'flow'],
  pass: ['packet', 'flow'],
  accept: ['packet', 'hook', 'tx', 'flow'],
  config: ['packet'],
});

const BY_NAME = new Map(ACTIONS.map((a) => [a.name, a]));

export function lookupAction(name: string): ActionInfo | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export function isActionName(name: string): boolean {
  return BY_NAME.has(name.toLowerCase());
}

/** Actions that stop traffic. */
export const BLOCKING_ACTIONS: ReadonlySet<string> = new Set(['drop', 'reject', 'rejectsrc', 'rejectdst', 'rejectboth']);

/**
 * Actions that never produce an alert record (so a msg would never be shown): `pass` and `accept` stop
 * inspection silently, `config` only changes settings (Suricata docs, rules/intro.rst "Action" and
 * rules/config.rst; AWS Network Firewall logs alerts for alert, drop and reject only).
 */
export const NON_ALERTING_ACTIONS: ReadonlySet<string> = new Set(['pass', 'accept', 'config']);
