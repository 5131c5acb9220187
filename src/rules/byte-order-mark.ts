import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';

export default defineLintRule({
  meta: {
    id: 'byte-order-mark',
    category: 'syntax',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'safe',
    docs: {
      summary: 'The rules file starts with a UTF-8 byte order mark (BOM, U+FEFF), which some Windows editors add.',
      rationale:
        'Suricata reads rules files as bytes: the three BOM bytes become part of line 1, so the first rule\'s action reads "\\ufeffalert" and Suricata refuses it ("An invalid action ... was given"); a first-line comment becomes a broken rule. Editors hide the mark, so the rule looks right.',
      badExample: '\ufeffalert tcp any any -> any any (msg:"x"; sid:1;)',
      goodExample: 'alert tcp any any -> any any (msg:"x"; sid:1;)',
      fixSafety: 'Safe: removes the three invisible BOM bytes and nothing else.',
    },
  },
  checkFile(ctx) {
    if (ctx.text.charCodeAt(0) === 0xfeff) {
      ctx.report({
        range: { start: 0, end: 1 },
        message: 'the file starts with a UTF-8 byte order mark (BOM): Suricata reads it as part of line 1, so the first rule\'s action is "\\ufeffalert" and Suricata refuses it ("An invalid action was given")',
        hint: 'save the file as UTF-8 without BOM',
        fix: Fix.safe('Remove the byte order mark', [Edit.remove({ start: 0, end: 1 })]),
      });
    }
    return {};
  },
});
