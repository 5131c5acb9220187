import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { valueText } from './utils/rule-options.js';

/** Reported by the parser already (content value parser), with its own message. */
const PARSER_CHECKED: ReadonlySet<string> = new Set(['content', 'uricontent']);

export default defineLintRule({
  meta: {
    id: 'keyword-quotes-missing',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'safe',
    docs: {
      summary: 'A keyword whose value must be double-quoted (msg, pcrexform, ...) written without quotes.',
      rationale:
        'In Suricata 7, msg, content, pcrexform, replace and a few others are declared "quotes mandatory": an unquoted value makes Suricata reject the rule ("value must be double quoted"). AWS StatefulRules JSON needs the quotes inside the Settings string for the same reason.',
      badExample: 'drop tcp any any -> any 23 (msg:Telnet is blocked; sid:1;)',
      goodExample: 'drop tcp any any -> any 23 (msg:"Telnet is blocked"; sid:1;)',
      fixSafety: "Safe when the value contains no '\"', ';' or '\\' (wrapping it in quotes keeps its meaning); no fix otherwise.",
    },
  },
  checkRule(rule, ctx, facts) {
    const { infos } = facts.keywords;
    const options = rule.options;
    for (let i = 0; i < options.length; i++) {
      const info = infos[i];
      const option = options[i];
      if (!info || info.quotes !== 'mandatory' || !option.value || PARSER_CHECKED.has(info.name)) continue;
      const text = option.value.text;
      // Quoted (the usual case): the value is trimmed and a continuation cannot come before its first character.
      if (text.charCodeAt(0) === 34) continue;
      if (valueText(option).trim().replace(/^!\s*/, '').startsWith('"')) continue;
      const plain = !/["\\;]/.test(text) && !text.startsWith('!');
      ctx.report({
        range: option.value.range,
        message: `the value of '${option.keyword.text}' must be double-quoted: Suricata rejects the rule ("value must be double quoted")`,
        hint: `write ${info.name}:"${text}";`,
        fix: plain ? Fix.safe('Add the quotes', [Edit.insertAt(option.value.range.start, '"'), Edit.insertAt(option.value.range.end, '"')]) : undefined,
      });
    }
  },
});
