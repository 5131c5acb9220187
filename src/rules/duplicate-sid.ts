import { defineLintRule } from '../linter/lint-rule.js';
import { SidIndex } from './utils/sid-index.js';

/**
 * Duplicate sids within one file (checkFile) and across the files of one run
 * (`findDuplicateSids` in src/rules/utils/find-duplicate-sids.ts, called by the CLI).
 */
export default defineLintRule({
  meta: {
    id: 'duplicate-sid',
    category: 'hygiene',
    severity: { 'aws-nfw': 'off', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'Two rules with the same sid (and gid), in one file or across the files of one run.',
      rationale:
        'Suricata loads all rule files into one engine and identifies rules by gid:sid. A later rule with the same sid and the same or a lower rev fails to load ("Duplicate signature"); one with a higher rev silently replaces the earlier rule. Under the aws-nfw profile, sids only need to be unique within a rule group (aws-duplicate-sid), so this rule is off there.',
      badExample: 'alert tcp any any -> any 23 (msg:"telnet"; sid:1000;)\nalert tcp any any -> any 21 (msg:"ftp"; sid:1000;)',
      goodExample: 'alert tcp any any -> any 23 (msg:"telnet"; sid:1000;)\nalert tcp any any -> any 21 (msg:"ftp"; sid:1001;)',
    },
  },
  checkFile(ctx) {
    const index = new SidIndex();
    return {
      rule(_rule, facts) {
        // `requires:` may make Suricata skip the rule silently, so it does not collide.
        if (facts.hasRequires) return;
        const duplicate = facts.sid;
        const first = duplicate && index.add(duplicate);
        if (!duplicate || !first) return;
        const replaces = duplicate.rev !== undefined && (first.rev ?? 0) < duplicate.rev;
        ctx.report({
          range: duplicate.range,
          message: replaces
            ? `sid ${duplicate.sid} is already used on line ${ctx.lineOf(first.range.start)}: this rule has a higher rev, so Suricata silently drops the earlier rule`
            : `sid ${duplicate.sid} is already used on line ${ctx.lineOf(first.range.start)}: Suricata refuses to load this rule ("Duplicate signature")`,
          hint: 'give each rule its own sid',
          related: [{ range: first.range, message: `sid ${duplicate.sid} is first used here` }],
        });
      },
    };
  },
});
