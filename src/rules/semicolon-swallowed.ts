import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { lookupKeyword } from '../catalog/keyword-catalog.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { ruleKeywords } from './utils/rule-options.js';
import { maybeSkipped } from './utils/requires.js';
import { gateOptionValue } from '../catalog/option-value-gate.js';
import { VALUE_GRAMMARS } from '../catalog/value-grammars.js';

/** Options whose values other checks parse (a missing `;` after them is a parse error already). */
const PARSED_ELSEWHERE: ReadonlySet<string> = new Set(['content', 'uricontent', 'pcre']);
/** Actions whose rule without its match does harm: a drop/reject drops everything, a pass lets everything through. */
const HARMFUL_ACTIONS: ReadonlySet<string> = new Set(['drop', 'reject', 'rejectsrc', 'rejectdst', 'rejectboth', 'pass']);
/** A keyword name followed by `:` inside a value, after a closing quote or a blank. */
const KEYWORD_IN_VALUE = /(["\s])\s*([A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9])\s*:/g;

/** Whether the option gate or the keyword's value grammar refuses `text` (then the rule does not load at all). */
function refused(keyword: string, text: string, gate: typeof gateOptionValue): boolean {
  const info = lookupKeyword(keyword);
  if (!info) return false;
  const g = gate(info, text.replace(/[ \t]+$/, ''));
  if (g.problem) return !g.problem.severity;
  const p = VALUE_GRAMMARS[info.name]?.check(g.value, { byteVariables: new Set() });
  return !!p && !p.severity;
}

export default defineLintRule({
  meta: {
    id: 'semicolon-swallowed',
    category: 'syntax',
    severity: { 'aws-nfw': 'warning', suricata: 'warning' },
    fix: 'safe',
    docs: {
      summary: "A missing ';' lets a value swallow the next option: msg:\"block evil\" content:\"evil\"; (error on drop, reject and pass rules).",
      rationale:
        'Suricata ends an option at the next \';\', whatever the quotes say. Without the \';\' after msg, reference or metadata the next option becomes part of the value: the rule loads with the msg \'block evil" content:"evil\' and without that content, so a drop rule drops all matching traffic and a pass rule passes it. (Through classtype and most other keywords Suricata refuses the rule, which keyword-value-invalid reports.)',
      badExample: 'drop tcp $HOME_NET any -> any any (msg:"block evil" content:"evil"; sid:1;)',
      goodExample: 'drop tcp $HOME_NET any -> any any (msg:"block evil"; content:"evil"; sid:1;)',
      fixSafety: "Safe after a closing quote (msg:\"x\" content: -> msg:\"x\"; content:): the quote ends the value. Unsafe after a blank in an unquoted value (reference:url,a.com content:), where the text could be meant.",
    },
  },
  checkRule(rule, ctx) {
    if (maybeSkipped(rule, ctx.options.suricataVersion)) return;
    const { infos } = ruleKeywords(rule);
    const harmful = HARMFUL_ACTIONS.has(rule.header.action?.name ?? '');
    for (let i = 0; i < rule.options.length; i++) {
      const option = rule.options[i];
      const info = infos[i];
      if (!option.value || !info || PARSED_ELSEWHERE.has(info.name)) continue;
      const text = option.value.text;
      // A value Suricata refuses is keyword-value-invalid's finding (classtype:x content:"y" does not load).
      if (refused(info.name, text, gateOptionValue)) continue;
      const quoted = text.startsWith('"') || text.startsWith('!"');
      KEYWORD_IN_VALUE.lastIndex = 0;
      for (let m = KEYWORD_IN_VALUE.exec(text); m; m = KEYWORD_IN_VALUE.exec(text)) {
        // In a quoted value, only after the closing quote: `msg:"a flow: b"` is text.
        if (quoted && m[1] !== '"') continue;
        if (quoted && m.index === 0) continue;
        const swallowed = lookupKeyword(m[2]);
        if (!swallowed || swallowed.value === 'none') continue;
        const at = option.value.range.start + m.index + (m[1] === '"' ? 1 : 0);
        const kwStart = option.value.range.start + m.index + m[0].indexOf(m[2], m[1].length);
        const action = rule.header.action?.text ?? 'this';
        ctx.report({
          range: { start: kwStart, end: option.range.end },
          severity: harmful ? 'error' : undefined,
          message: `'${m[2]}:' inside the value of '${option.keyword.text}': a missing ';' makes '${m[2]}' part of it, so Suricata loads the rule without that option${harmful ? ` and the ${action} rule applies to every packet the rest of it matches` : ''}`,
          hint: `end '${option.keyword.text}' with ';' before '${m[2]}'`,
          fix:
            m[1] === '"'
              ? Fix.safe(`Insert ';' before '${m[2]}'`, [Edit.insertAt(at, ';')])
              : Fix.unsafe(`Insert ';' before '${m[2]}'`, [Edit.insertAt(option.value.range.start + m.index, ';')]),
        });
        break;
      }
    }
  },
});
