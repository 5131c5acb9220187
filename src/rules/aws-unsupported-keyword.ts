import { awsUnsupportedKeywordEntries, type AwsUnsupportedEntry } from '../catalog/aws-unsupported.js';
import { defineLintRule } from '../linter/lint-rule.js';
import type { RuleOption } from '../syntax/tree.js';
import { valueText } from './utils/rule-options.js';

/** The first entry that applies: one without a value pattern, or one whose pattern matches the value (read only then). */
function applicable(entries: readonly AwsUnsupportedEntry[], option: RuleOption): AwsUnsupportedEntry | undefined {
  for (const entry of entries) {
    if (!entry.valuePattern || entry.valuePattern.test(valueText(option))) return entry;
  }
  return undefined;
}

/** Keywords AWS Network Firewall does not support (data: src/catalog/aws-unsupported.ts). */
export default defineLintRule({
  meta: {
    id: 'aws-unsupported-keyword',
    category: 'aws',
    severity: { 'aws-nfw': 'error', suricata: 'off' },
    fix: 'none',
    docs: {
      summary: 'A keyword AWS Network Firewall does not support (datasets, iprep, lua, file keywords, thresholding, xbits with IP tracking, hostbits, tag:host, ...).',
      rationale:
        "AWS lists these features as unsupported in stateful rule groups (\"Limitations and caveats for stateful rules\"); a rule group that uses them is rejected or does not behave as in Suricata. The list is data (src/catalog/aws-unsupported.ts). Items AWS does not name but that fall under a named feature (detection_filter under thresholding, luaxform under Lua, ike.* under IKEv2) are reported as warnings.",
      badExample: 'alert ip any any -> any any (msg:"bad host"; iprep:src,BadHosts,>,30; sid:1;)',
      goodExample: 'alert ip any any -> any any (msg:"bad host"; sid:1;)',
      fixSafety: 'No automatic fix: removing the keyword changes what the rule matches.',
    },
  },
  checkRule(rule, ctx, facts) {
    const { infos } = facts.keywords;
    const options = rule.options;
    for (let i = 0; i < options.length; i++) {
      const option = options[i];
      // As awsUnsupportedKeyword(option.name.trim(), valueText(option)): `name` is lower-cased already.
      const entries = awsUnsupportedKeywordEntries(infos[i]?.name ?? option.name.trim());
      if (!entries) continue;
      const entry = applicable(entries, option);
      if (!entry) continue;
      ctx.report({
        range: option.range,
        severity: entry.inferred && ctx.severity === 'error' ? 'warning' : undefined,
        message: `'${option.keyword.text}' is not supported by AWS Network Firewall: ${entry.reason}`,
        hint: `rewrite the rule without it, or keep it for a plain Suricata deployment (see ${entry.source})`,
      });
    }
  },
});
