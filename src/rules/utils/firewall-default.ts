import type { ResolvedLintOptions } from '../../linter/lint-options.js';

/**
 * Whether a hook that no rule accepts drops the traffic: the firewall engine's default (drop by default,
 * AWS DG firewall-policy-versions; upstream app and packet default policies), unless the policy's
 * FirewallDefaultAction is known to be ACCEPT or ALERT (which allow at every hook, API FirewallPolicyV2).
 */
export function dropsByDefault(options: ResolvedLintOptions): boolean {
  const a = options.firewallDefaultAction?.toUpperCase();
  return !(a === 'ACCEPT' || a === 'ALERT');
}
