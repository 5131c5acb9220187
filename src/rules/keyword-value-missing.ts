import { defineLintRule } from '../linter/lint-rule.js';

export default defineLintRule({
  meta: {
    id: 'keyword-value-missing',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'A keyword that needs a value written without one (`sid;`, `snmp.version;`, `pcrexform;`).',
      rationale: 'Suricata rejects the rule ("invalid formatting or malformed option") when a keyword that requires a value has none.',
      badExample: 'alert snmp any any -> any any (msg:"v"; snmp.version; sid:1;)',
      goodExample: 'alert snmp any any -> any any (msg:"v"; snmp.version:2; sid:1;)',
    },
  },
  checkRule(rule, ctx, facts) {
    const { infos } = facts.keywords;
    const options = rule.options;
    for (let i = 0; i < options.length; i++) {
      const info = infos[i];
      const option = options[i];
      if (!info || info.value !== 'required' || option.value) continue;
      ctx.report({
        range: option.range,
        message: `'${option.keyword.text}' needs a value: Suricata rejects the rule ("invalid formatting or malformed option")`,
        hint: `write ${info.name}:<value>;${info.docs ? ` (see ${info.docs})` : ''}`,
      });
    }
  },
});
