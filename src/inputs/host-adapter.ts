import { lookupTable } from '../catalog/lookup-table.js';
/**
 * Which reader a file needs: by extension, else by a look at the content. Kept apart from the readers
 * themselves (YAML, JSONC, tree-sitter) so that deciding "this is a plain .rules file" loads none of them.
 */
export type HostAdapter = 'rules' | 'json' | 'yaml' | 'terraform';

const EXTENSIONS: Readonly<Record<string, HostAdapter>> = lookupTable({
  '.rules': 'rules',
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.tf': 'terraform',
});

function extensionOf(path: string): string {
  const m = /\.[A-Za-z0-9]+$/.exec(path);
  return m ? m[0].toLowerCase() : '';
}

export function isSupportedHostPath(path: string): boolean {
  return EXTENSIONS[extensionOf(path)] !== undefined;
}

/** Adapter by extension; for other names, by content (a JSON object, a CloudFormation YAML template, Terraform). */
export function hostAdapterFor(path: string, text: string): HostAdapter {
  const byExt = EXTENSIONS[extensionOf(path)];
  if (byExt) return byExt;
  const head = text.slice(0, 4096);
  if (/^\uFEFF?\s*\{/.test(head) && /"(RuleGroup|RulesSource|Resources|Rules)"\s*:/.test(text)) return 'json';
  if (/^(AWSTemplateFormatVersion|Resources)\s*:/m.test(head)) return 'yaml';
  if (/^[ \t]*resource[ \t]+"aws_networkfirewall_rule_group"/m.test(text)) return 'terraform';
  return 'rules';
}

const RULE_GROUP_MARKERS = /RulesString|RulesSourceList|StatefulRules|rules_string|rules_source|aws_networkfirewall_rule_group|AWS::NetworkFirewall::RuleGroup/;

/** A JSON, YAML or Terraform text that names an AWS rule group: linted when found in a folder (CLI) or opened (language server). */
export function looksLikeRuleGroupHost(text: string): boolean {
  return RULE_GROUP_MARKERS.test(text);
}
