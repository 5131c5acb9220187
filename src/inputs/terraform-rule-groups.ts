import { RULE_ORDERS, RULE_ORDER_MISSING_MESSAGE } from './aws-rule-group-shape.js';
import type { DecodedString } from './decoded-string.js';
import type { HostFinding } from './embedded-rules.js';
import type { HclAttribute, HclBlock, HclExpression } from './hcl-tree.js';
import { decodeHclHeredoc, decodeHclQuoted } from './hcl-string.js';
import type { RuleGroupModel, RulesSourceModel, StatefulRuleEntry } from './rule-group-model.js';

const RESOURCE_TYPE = 'aws_networkfirewall_rule_group';

const attr = (b: HclBlock | undefined, name: string): HclAttribute | undefined => b?.attributes.find((a) => a.name === name);
const block = (b: HclBlock | undefined, type: string): HclBlock | undefined => b?.blocks.find((x) => x.type === type);
const blocks = (b: HclBlock | undefined, type: string): HclBlock[] => b?.blocks.filter((x) => x.type === type) ?? [];

function decode(host: string, e: HclExpression): DecodedString | undefined {
  if (e.kind === 'quoted') return decodeHclQuoted(host, e.inner.start, e.inner.end, e.templates);
  if (e.kind === 'heredoc') return decodeHclHeredoc(host, e.content.start, e.content.end, e.templates, e.flush, e.marker);
  return undefined;
}

/** A literal string value without templates, else undefined. */
function literal(host: string, e: HclExpression | undefined): string | undefined {
  if (!e || (e.kind !== 'quoted' && e.kind !== 'heredoc') || e.templates.length > 0) return undefined;
  return decode(host, e)?.text;
}

function literals(host: string, e: HclExpression | undefined): string[] {
  return e?.kind === 'tuple' ? e.items.map((i) => literal(host, i)).filter((s): s is string => s !== undefined) : [];
}

function rulesString(host: string, a: HclAttribute, label: string, findings: HostFinding[]): RulesSourceModel | undefined {
  const decoded = decode(host, a.value);
  if (decoded) return { kind: 'rules-string', label, decoded, valueRange: a.value.range };
  const v = a.value;
  const file = v.kind === 'call' && v.name === 'file' ? literal(host, v.args[0]) : undefined;
  findings.push(
    file !== undefined
      ? {
          ruleId: 'host-unresolved-template',
          message: `${label} is read from "${file}" by file(); its rules are not in this file.`,
          hint: `Lint "${file}" directly (paths in file() are relative to the Terraform module directory).`,
          range: v.range,
        }
      : {
          ruleId: 'host-unresolved-template',
          message: `${label} is computed by an expression (${v.kind === 'other' ? v.text.slice(0, 60) : v.kind}), so its rules cannot be read from this file and were not linted.`,
          hint: 'Use a heredoc or a quoted string, or lint the rules file it is built from.',
          range: v.range,
        },
  );
  return undefined;
}

function statefulRule(host: string, b: HclBlock): StatefulRuleEntry {
  const header = block(b, 'header');
  const h = (name: string): string => literal(host, attr(header, name)?.value) ?? 'any';
  return {
    hostOffset: b.range.start,
    action: literal(host, attr(b, 'action')?.value) ?? 'alert',
    protocol: h('protocol'),
    source: h('source'),
    sourcePort: h('source_port'),
    direction: h('direction'),
    destination: h('destination'),
    destinationPort: h('destination_port'),
    options: blocks(b, 'rule_option').map((o) => ({
      keyword: literal(host, attr(o, 'keyword')?.value) ?? '',
      settings: literals(host, attr(o, 'settings')?.value),
    })),
  };
}

function sourcesOf(host: string, resource: HclBlock, label: string, findings: HostFinding[]): RulesSourceModel[] {
  const out: RulesSourceModel[] = [];
  const rules = attr(resource, 'rules');
  const fromRules = rules ? rulesString(host, rules, `${label}.rules`, findings) : undefined;
  if (fromRules) out.push(fromRules);
  const source = block(block(resource, 'rule_group'), 'rules_source');
  const path = `${label}.rule_group.rules_source`;
  const str = attr(source, 'rules_string');
  const fromString = str ? rulesString(host, str, `${path}.rules_string`, findings) : undefined;
  if (fromString) out.push(fromString);
  const list = block(source, 'rules_source_list');
  if (list) {
    out.push({
      kind: 'domain-list',
      label: `${path}.rules_source_list`,
      keyOffset: list.typeRange.start,
      targets: literals(host, attr(list, 'targets')?.value),
      targetTypes: literals(host, attr(list, 'target_types')?.value),
      generatedRulesType: literal(host, attr(list, 'generated_rules_type')?.value) ?? '',
    });
  }
  const stateful = blocks(source, 'stateful_rule');
  if (stateful.length > 0) {
    out.push({
      kind: 'stateful-rules',
      label: `${path}.stateful_rule`,
      keyOffset: stateful[0].typeRange.start,
      rules: stateful.map((b) => statefulRule(host, b)),
    });
  }
  return out;
}

function keys(host: string, sets: HclBlock[]): string[] {
  return sets.map((s) => literal(host, attr(s, 'key')?.value)).filter((k): k is string => k !== undefined);
}

/** Rule groups of `resource "aws_networkfirewall_rule_group"` blocks, with rule-order findings. */
export function terraformRuleGroups(host: string, top: readonly HclBlock[]): { models: RuleGroupModel[]; findings: HostFinding[] } {
  const models: RuleGroupModel[] = [];
  const findings: HostFinding[] = [];
  for (const resource of top) {
    if (resource.type !== 'resource' || resource.labels[0] !== RESOURCE_TYPE) continue;
    const label = `${RESOURCE_TYPE}.${resource.labels[1] ?? ''}`;
    const ruleGroup = block(resource, 'rule_group');
    const vars = block(ruleGroup, 'rule_variables');
    const orderAttr = attr(block(ruleGroup, 'stateful_rule_options'), 'rule_order');
    const order = literal(host, orderAttr?.value);
    const groupName = literal(host, attr(resource, 'name')?.value) ?? resource.labels[1];
    models.push({
      context: {
        ruleOrder: order === undefined ? undefined : RULE_ORDERS[order.toUpperCase()],
        variables: new Set([...keys(host, blocks(vars, 'ip_sets')), ...keys(host, blocks(vars, 'port_sets'))]),
        ipSetReferences: new Set(keys(host, blocks(block(ruleGroup, 'reference_sets'), 'ip_set_references'))),
        groupName,
      },
      sources: sourcesOf(host, resource, label, findings),
    });
    const type = literal(host, attr(resource, 'type')?.value);
    const stateful = type === undefined || type.toUpperCase() === 'STATEFUL';
    if (stateful && orderAttr === undefined) {
      const at = ruleGroup ?? resource;
      findings.push({
        ruleId: 'aws-rule-order-missing',
        message: `${label} has no stateful_rule_options { rule_order }: ${RULE_ORDER_MISSING_MESSAGE}.`,
        hint: ruleGroup
          ? 'Add stateful_rule_options { rule_order = "STRICT_ORDER" } inside rule_group (it forces a new rule group).'
          : 'Use a rule_group block with stateful_rule_options { rule_order = "STRICT_ORDER" } instead of the top-level rules attribute.',
        range: at.typeRange,
      });
    }
  }
  return { models, findings };
}
