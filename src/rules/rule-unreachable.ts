import { defineLintRule } from '../linter/lint-rule.js';
import { ruleModel, ruleLabel, type RuleModel } from '../semantics/rule-model.js';
import { ruleCovers } from '../semantics/rule-relations.js';

const TERMINAL: ReadonlySet<string> = new Set(['pass', 'drop', 'reject', 'rejectsrc', 'rejectdst', 'rejectboth']);

/** A decider: an earlier terminal rule and where it is. */
interface Decider {
  readonly model: RuleModel;
  readonly line: number;
  /** No condition beyond header, flow and simple state: a catch-all when its header is wide. */
  readonly plain: boolean;
}

const wide = (text: string): boolean => text === 'any' || text.startsWith('$');

/** Source and destination are `any` or a network variable: the rule is a default for its protocol. */
function isCatchAll(m: RuleModel): boolean {
  return wide(m.source.text) && wide(m.destination.text);
}

export default defineLintRule({
  meta: {
    id: 'rule-unreachable',
    category: 'hygiene',
    severity: { 'aws-nfw': 'warning', suricata: 'off' },
    fix: 'none',
    docs: {
      summary: 'Strict order: an earlier pass, drop or reject rule decides every packet this rule could match, so this rule never acts (for example a pass after a catch-all drop).',
      rationale:
        'Under strict rule order AWS Network Firewall evaluates rules in file order and stops at the first pass, drop or reject that matches a packet. When an earlier terminal rule has the same or a wider header (protocol, addresses, ports, direction), flow items this rule also has, and no condition this rule lacks, it matches every packet this rule could match, first: this rule is dead. Most often a pass rule placed after the catch-all drop, or a duplicated rule. Addresses given by variables without a definition are only compared by name, so nothing is reported on a guess.',
      badExample:
        'drop tls $HOME_NET any -> any any (ssl_state:client_hello; flow:to_server; sid:1;)\npass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; endswith; flow:to_server; sid:2;)',
      goodExample:
        'pass tls $HOME_NET any -> any any (ssl_state:client_hello; tls.sni; content:"example.com"; startswith; endswith; flow:to_server; sid:2;)\ndrop tls $HOME_NET any -> any any (ssl_state:client_hello; flow:to_server; sid:1;)',
    },
  },
  checkFile(ctx) {
    if (ctx.options.ruleOrder !== 'strict') return {};
    // Plain deciders are compared with every later rule; others only with rules of the same conditions.
    const plain: Decider[] = [];
    const byConditions = new Map<string, Decider[]>();
    return {
      rule(rule, facts) {
        const action = rule.header.action?.name ?? '';
        // Nothing decided yet and this rule decides nothing: no model needed.
        if (plain.length === 0 && byConditions.size === 0 && !TERMINAL.has(action)) return;
        if (rule.errors.length > 0 || !rule.header.protocol) return;
        const model = ruleModel(rule, ctx.text, undefined, facts);
        const candidates = [...plain, ...(byConditions.get(model.conditionKey) ?? [])];
        for (const d of candidates) {
          if (!ruleCovers(d.model, model)) continue;
          const label = ruleLabel(d.model, d.line);
          const catchAll = d.plain && d.model.action !== 'pass' && model.action === 'pass' && isCatchAll(d.model);
          ctx.report({
            range: model.headRange,
            message: catchAll
              ? `this pass rule comes after the catch-all ${d.model.action} ${label} (line ${d.line}), which matches every packet it could match first: nothing ever reaches it`
              : `unreachable: ${label} (line ${d.line}, ${d.model.action} ${d.model.protocol}) matches every packet this rule could match and decides it first (strict order)`,
            hint: catchAll ? `move this rule above ${label}` : `remove this rule, or move it above ${label} if it should decide first`,
          });
          break;
        }
        if (!TERMINAL.has(action)) return;
        const d: Decider = { model, line: ctx.lineOf(rule.ruleRange.start), plain: model.buffers.length === 0 && model.unevaluated.length === 0 };
        if (d.plain) plain.push(d);
        else {
          const list = byConditions.get(model.conditionKey);
          if (list) list.push(d);
          else byConditions.set(model.conditionKey, [d]);
        }
      },
    };
  },
});
