import type { KeywordInfo } from '../catalog/keyword.js';
import { allKeywordNames, lookupKeyword } from '../catalog/keyword-catalog.js';
import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { editDistance } from '../syntax/levenshtein.js';
import type { RuleOption } from '../syntax/tree.js';
import { maybeSkipped } from './utils/requires.js';

type Candidate = { info: KeywordInfo; name: string; distance: number };

/** Unknown names repeat across a rule set (typos are copied): their candidates are computed once. */
const CANDIDATE_CACHE = new Map<string, readonly Candidate[]>();
const CANDIDATE_CACHE_LIMIT = 4096;

/** Keywords within 2 edits of `name`, closest first. */
function candidates(name: string): readonly Candidate[] {
  let out = CANDIDATE_CACHE.get(name);
  if (!out) {
    if (CANDIDATE_CACHE.size >= CANDIDATE_CACHE_LIMIT) CANDIDATE_CACHE.clear();
    out = computeCandidates(name);
    CANDIDATE_CACHE.set(name, out);
  }
  return out;
}

function computeCandidates(name: string): Candidate[] {
  const out: Candidate[] = [];
  for (const n of allKeywordNames()) {
    const d = editDistance(name, n, 2);
    if (d <= 2) out.push({ info: lookupKeyword(n)!, name: n, distance: d });
  }
  return out.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
}

/** The candidate takes a value exactly when the option has one. */
function sameShape(info: KeywordInfo, option: RuleOption): boolean {
  return option.value ? info.value !== 'none' : info.value !== 'required';
}

export default defineLintRule({
  meta: {
    id: 'unknown-keyword',
    category: 'hygiene',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'safe',
    docs: {
      summary: 'A rule option keyword Suricata does not know: the rule is rejected ("unknown rule keyword").',
      rationale:
        "Suricata looks keywords up by name or alias, case-insensitively, and refuses the whole rule when one is unknown. The message suggests the closest known keyword (edit distance 1 or 2).",
      badExample: 'alert http any any -> any any (msg:"x"; http.hots; content:"example.com"; sid:1;)',
      goodExample: 'alert http any any -> any any (msg:"x"; http.host; content:"example.com"; sid:1;)',
      fixSafety:
        'A fix is offered only when exactly one keyword is that close (ties get none), and it takes a value exactly when the option has one. It is safe at edit distance 1 (a single typo) and unsafe at distance 2; review unsafe ones.',
    },
  },
  checkRule(rule, ctx, facts) {
    // `requires:` (version or keyword) makes Suricata skip the rule silently when it is not met.
    if (maybeSkipped(rule, ctx.options.suricataVersion)) return;
    const { infos } = facts.keywords;
    const options = rule.options;
    for (let i = 0; i < options.length; i++) {
      const option = options[i];
      // lookupKeyword(option.keyword.text.trim()), resolved once per rule.
      const known = infos[i];
      if (known) {
        if (known.since === 8 && ctx.options.suricataVersion < 8) {
          const name = option.keyword.text.trim();
          ctx.report({
            range: option.keyword.range,
            message: `keyword '${name}' needs Suricata 8: Suricata 7 rejects the rule ("unknown rule keyword")`,
            hint: 'use --suricata-version 8 if you target Suricata 8, or guard the rule with requires: version >= 8;',
          });
        }
        continue;
      }
      const name = option.keyword.text.trim();
      if (!name) continue;
      const near = candidates(name.toLowerCase());
      const best = near.filter((c) => c.distance === near[0]?.distance).filter((c, i, all) => all.findIndex((x) => x.info === c.info) === i);
      const single = best.length === 1 ? best[0] : undefined;
      const shaped = single && sameShape(single.info, option) ? single : undefined;
      const target = shaped ? (shaped.info.name === shaped.name || !shaped.name.includes('_') ? shaped.name : shaped.info.name) : undefined;
      const hint = best.length
        ? `did you mean ${best.map((c) => `'${c.name}'`).join(' or ')}?`
        : 'check the keyword list for your Suricata version (suricata --list-keywords)';
      ctx.report({
        range: option.keyword.range,
        message: `unknown keyword '${name}': Suricata rejects the rule ("unknown rule keyword")`,
        hint,
        fix: target
          ? (shaped!.distance === 1 ? Fix.safe : Fix.unsafe)(`Replace with '${target}'`, [Edit.replace(option.keyword.range, target)])
          : undefined,
      });
    }
  },
});
