import { lookupProtocol, PROTOCOLS } from '../catalog/protocols.js';
import { Edit } from '../source/edit.js';
import { Fix } from '../source/fix.js';
import { defineLintRule } from '../linter/lint-rule.js';
import { closestMatch } from '../syntax/levenshtein.js';
import { maybeSkipped } from './utils/requires.js';
import { lookupTable } from '../catalog/lookup-table.js';

/** Names the catalog lists but Suricata 7.0.10 refuses in a rule header (verified with suricata -T), and what to write. */
const REFUSED: Readonly<Record<string, string>> = lookupTable({ ssl: 'tls' });
/** App-layer protocols Suricata 7 has but disables by default (enabled in suricata.yaml): not unknown. */
const CONFIG_DEPENDENT: ReadonlySet<string> = new Set(['pgsql']);

/** Suggestions per target version and unknown name: a misspelled protocol tends to repeat across a rule set. */
const GUESSES = new Map<string, string | undefined>();
const GUESSES_LIMIT = 4096;

function guessProtocol(name: string, version: 7 | 8): string | undefined {
  const key = `${version} ${name}`;
  if (GUESSES.has(key)) return GUESSES.get(key);
  if (GUESSES.size >= GUESSES_LIMIT) GUESSES.clear();
  const guess = closestMatch(name, PROTOCOLS.filter((x) => x.since <= version).map((x) => x.name), 2);
  GUESSES.set(key, guess);
  return guess;
}

export default defineLintRule({
  meta: {
    id: 'header-unknown-protocol',
    category: 'syntax',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'unsafe',
    docs: {
      summary: 'A rule header protocol Suricata does not know (or only Suricata 8 knows): the rule is rejected.',
      rationale:
        'The protocol field takes ip, tcp, udp, icmp, the packet variants (tcp-pkt, tcp-stream, ...) or an app-layer protocol enabled in the engine (http, tls, dns, ...). Any other name makes Suricata reject the rule ("protocol X cannot be used in a signature"). `ssl` is not a header protocol in Suricata 7; use `tls`.',
      badExample: 'alert htttp any any -> any any (msg:"x"; sid:1;)',
      goodExample: 'alert http any any -> any any (msg:"x"; sid:1;)',
      fixSafety: 'Unsafe: `ssl` becomes `tls`, and a name one or two edits away from exactly one protocol is replaced by it; review the result.',
    },
  },
  checkRule(rule, ctx) {
    const p = rule.header.protocol;
    if (!p) return;
    if (CONFIG_DEPENDENT.has(p.name) || maybeSkipped(rule, ctx.options.suricataVersion)) return;
    const info = lookupProtocol(p.name);
    const refused = REFUSED[p.name];
    if (info && !refused) {
      if (info.since === 8 && ctx.options.suricataVersion < 8) {
        const nameRange = { start: p.range.start, end: p.range.start + p.name.length };
        const written = p.text.slice(0, p.name.length);
        ctx.report({ range: nameRange, message: `protocol '${written}' needs Suricata 8: Suricata 7 rejects the rule`, hint: 'use --suricata-version 8 if you target Suricata 8' });
      }
      return;
    }
    // Built only when something is reported (this check runs on every rule).
    const nameRange = { start: p.range.start, end: p.range.start + p.name.length };
    const written = p.text.slice(0, p.name.length);
    const guess = refused ?? guessProtocol(p.name, ctx.options.suricataVersion);
    ctx.report({
      range: nameRange,
      message: `protocol '${written}' cannot be used in a rule header: Suricata rejects the rule`,
      hint: guess ? `did you mean '${guess}'?` : 'use ip, tcp, udp, icmp or an app-layer protocol such as http, tls, dns',
      fix: guess ? Fix.unsafe(`Replace with '${guess}'`, [Edit.replace(nameRange, guess)]) : undefined,
    });
  },
});
