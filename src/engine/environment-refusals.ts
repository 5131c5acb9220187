import type { EngineMessage } from './engine-result.js';

/**
 * Refusals that say what this machine's Suricata lacks, not what is wrong with the rule: the rule would
 * load where the data or setting exists (AWS Network Firewall provides GeoIP, for example). Each entry: a
 * pattern on the message text (without level and subsystem) and what is missing, in words for the user.
 * Source: Suricata 7.0.10's messages, as recorded in the shared oracle (category "environment") —
 * src/detect-geoip.c (no geoip-database), src/detect-lua.c (security.lua.allow-rules), src/datasets.c and
 * src/detect-dataset.c / detect-datarep.c (dataset files, absolute paths and traversals refused by config),
 * src/detect-file-hash-common.c (hash list files), src/detect-iprep.c (no reputation categories loaded),
 * src/detect-filestore.c (file-store output not enabled).
 */
const ENVIRONMENT_REFUSALS: readonly { readonly pattern: RegExp; readonly needs: string }[] = [
  { pattern: /Unable to locate a GeoIP2 ?database|GeoIP rule matching is disabled/i, needs: 'a GeoIP2 database (geoip-database in suricata.yaml)' },
  { pattern: /Lua rules disabled by security configuration/i, needs: 'Lua rules enabled (security.lua.allow-rules)' },
  { pattern: /^fopen '.*' failed: No such file or directory|failed to set up data(?:set|rep)(?: set)? '/i, needs: 'the dataset or datarep file the rule loads' },
  { pattern: /^(?:Absolute paths|Directory traversals) not allowed/i, needs: 'dataset paths allowed by the configuration (datasets.rules)' },
  { pattern: /^opening hash file .*: No such file or directory/i, needs: 'the hash list file the rule names' },
  { pattern: /is not a valid setting for iprep/i, needs: 'IP reputation categories (reputation-categories-file)' },
  { pattern: /depends on the file-store output log which is not enabled/i, needs: 'the file-store output enabled' },
];

/**
 * What this machine's Suricata lacks when every message of a refusal is an environment refusal (see the
 * table above), as one phrase ("a GeoIP2 database (geoip-database in suricata.yaml)"); undefined when any
 * message is about the rule itself, or there is no message. Pure.
 */
export function environmentNeeds(messages: readonly EngineMessage[]): string | undefined {
  if (messages.length === 0) return undefined;
  const needs = new Set<string>();
  for (const m of messages) {
    const hit = ENVIRONMENT_REFUSALS.find((r) => r.pattern.test(m.text));
    if (!hit) return undefined;
    needs.add(hit.needs);
  }
  return [...needs].join('; ');
}
