import { applyCfnSub } from './cfn-sub.js';
import type { DecodedString } from './decoded-string.js';
import type { HostFinding, RuleGroupContext } from './embedded-rules.js';
import type { RuleGroupModel, RulesSourceModel, StatefulRuleEntry } from './rule-group-model.js';
import { childOf, entryOf, stringOf, stringsOf, type ShapeEntry, type ShapeNode } from './shape-node.js';

export const RULE_ORDERS: Readonly<Record<string, 'strict' | 'action'>> = {
  STRICT_ORDER: 'strict',
  DEFAULT_ACTION_ORDER: 'action',
};

export const RULE_ORDER_MISSING_MESSAGE = 'AWS defaults to action order; strict order is recommended';

interface Found {
  readonly models: RuleGroupModel[];
  readonly findings: HostFinding[];
}

const CFN_RULE_GROUP_TYPE = 'AWS::NetworkFirewall::RuleGroup';

/** Where a RulesString value comes from when it is not a plain string: how to get a template out of it. */
function subTemplate(node: ShapeNode): ShapeNode | undefined {
  if (node.tag === '!Sub') return node.kind === 'array' ? node.items[0] : node;
  const sub = node.kind === 'object' && node.entries.length === 1 ? entryOf(node, 'Fn::Sub')?.value : undefined;
  if (sub) return sub.kind === 'array' ? sub.items[0] : sub;
  return undefined;
}

function intrinsicName(node: ShapeNode): string {
  if (node.tag) return node.tag;
  if (node.kind === 'object' && node.entries.length === 1) return node.entries[0].key;
  return node.kind;
}

function decodeRulesString(node: ShapeNode, label: string, findings: HostFinding[]): DecodedString | undefined {
  if (node.kind === 'string' && node.tag === undefined) return node.decode();
  const template = subTemplate(node);
  const decoded = template?.kind === 'string' ? template.decode() : undefined;
  if (decoded) return applyCfnSub(decoded);
  findings.push({
    ruleId: 'host-unresolved-template',
    message: `${label} is computed by ${intrinsicName(node)}, so its rules cannot be read from this file and were not linted.`,
    hint: 'Use a plain string or Fn::Sub for RulesString, or lint the rules file it is built from.',
    range: node.range,
  });
  return undefined;
}

function statefulRule(item: ShapeNode): StatefulRuleEntry {
  const header = childOf(item, 'Header');
  const h = (key: string): string => stringOf(childOf(header, key)) ?? 'any';
  const options = (childOf(item, 'RuleOptions')?.items ?? []).map((o) => ({
    keyword: stringOf(childOf(o, 'Keyword')) ?? '',
    settings: stringsOf(childOf(o, 'Settings')),
  }));
  return {
    hostOffset: item.range.start,
    action: stringOf(childOf(item, 'Action')) ?? 'alert',
    protocol: h('Protocol'),
    source: h('Source'),
    sourcePort: h('SourcePort'),
    direction: h('Direction'),
    destination: h('Destination'),
    destinationPort: h('DestinationPort'),
    options,
  };
}

function rulesSources(rulesSource: ShapeNode | undefined, path: string, findings: HostFinding[]): RulesSourceModel[] {
  const out: RulesSourceModel[] = [];
  const rulesString = entryOf(rulesSource, 'RulesString');
  if (rulesString) {
    const label = `${path}.RulesString`;
    const decoded = decodeRulesString(rulesString.value, label, findings);
    if (decoded) out.push({ kind: 'rules-string', label, decoded, valueRange: rulesString.value.range });
  }
  const list = entryOf(rulesSource, 'RulesSourceList');
  if (list) {
    out.push({
      kind: 'domain-list',
      label: `${path}.RulesSourceList`,
      keyOffset: list.keyRange.start,
      targets: stringsOf(childOf(list.value, 'Targets')),
      targetTypes: stringsOf(childOf(list.value, 'TargetTypes')),
      generatedRulesType: stringOf(childOf(list.value, 'GeneratedRulesType')) ?? '',
    });
  }
  const stateful = entryOf(rulesSource, 'StatefulRules');
  if (stateful?.value.kind === 'array') {
    out.push({
      kind: 'stateful-rules',
      label: `${path}.StatefulRules`,
      keyOffset: stateful.keyRange.start,
      rules: stateful.value.items.filter((i) => i.kind === 'object').map(statefulRule),
    });
  }
  return out;
}

function context(ruleGroup: ShapeNode | undefined, groupName: string | undefined): RuleGroupContext {
  const vars = childOf(ruleGroup, 'RuleVariables');
  const names = (n: ShapeNode | undefined): string[] => (n?.kind === 'object' ? n.entries.map((e) => e.key) : []);
  const order = stringOf(childOf(childOf(ruleGroup, 'StatefulRuleOptions'), 'RuleOrder'));
  return {
    ruleOrder: order === undefined ? undefined : RULE_ORDERS[order.toUpperCase()],
    variables: new Set([...names(childOf(vars, 'IPSets')), ...names(childOf(vars, 'PortSets'))]),
    ipSetReferences: new Set(names(childOf(childOf(ruleGroup, 'ReferenceSets'), 'IPSetReferences'))),
    groupName,
  };
}

/** A RuleGroup object (plus an optional flat `Rules` string beside it, as CreateRuleGroup takes). */
function ruleGroupModel(
  ruleGroup: ShapeEntry | undefined,
  rules: ShapeEntry | undefined,
  path: string,
  groupName: string | undefined,
  findings: HostFinding[],
): RuleGroupModel {
  const sources = rulesSources(childOf(ruleGroup?.value, 'RulesSource'), `${path}RuleGroup.RulesSource`, findings);
  if (rules) {
    const label = `${path}Rules`;
    const decoded = decodeRulesString(rules.value, label, findings);
    if (decoded) sources.push({ kind: 'rules-string', label, decoded, valueRange: rules.value.range });
  }
  return { context: context(ruleGroup?.value, groupName), sources };
}

function isStateful(type: string | undefined, ruleGroup: ShapeNode | undefined): boolean {
  if (type !== undefined) return type.toUpperCase() === 'STATEFUL';
  return childOf(childOf(ruleGroup, 'RulesSource'), 'StatelessRulesAndCustomActions') === undefined;
}

function cloudFormation(resources: ShapeNode): Found {
  const found: Found = { models: [], findings: [] };
  for (const resource of resources.entries) {
    if (stringOf(childOf(resource.value, 'Type')) !== CFN_RULE_GROUP_TYPE) continue;
    const props = childOf(resource.value, 'Properties');
    const ruleGroup = entryOf(props, 'RuleGroup');
    const path = `Resources.${resource.key}.Properties.`;
    const name = stringOf(childOf(props, 'RuleGroupName')) ?? resource.key;
    found.models.push(ruleGroupModel(ruleGroup, undefined, path, name, found.findings));
    const order = childOf(childOf(ruleGroup?.value, 'StatefulRuleOptions'), 'RuleOrder');
    if (ruleGroup && order === undefined && isStateful(stringOf(childOf(props, 'Type')), ruleGroup.value)) {
      found.findings.push({
        ruleId: 'aws-rule-order-missing',
        message: `${path}RuleGroup (${name}) has no StatefulRuleOptions.RuleOrder: ${RULE_ORDER_MISSING_MESSAGE}.`,
        hint: 'Add StatefulRuleOptions: { RuleOrder: STRICT_ORDER } (it cannot be changed after the rule group is created).',
        range: ruleGroup.keyRange,
      });
    }
  }
  return found;
}

/**
 * Finds rule groups in a JSON/YAML value: a CloudFormation template (Resources.*.Type ==
 * AWS::NetworkFirewall::RuleGroup), `describe-rule-group` output, `create-rule-group` input, or a bare RuleGroup.
 */
export function findAwsRuleGroups(root: ShapeNode): Found & { cloudFormation: boolean } {
  const resources = childOf(root, 'Resources');
  if (resources?.kind === 'object') return { ...cloudFormation(resources), cloudFormation: true };
  const findings: HostFinding[] = [];
  const ruleGroup = entryOf(root, 'RuleGroup');
  const rules = entryOf(root, 'Rules');
  const name = stringOf(childOf(childOf(root, 'RuleGroupResponse'), 'RuleGroupName')) ?? stringOf(childOf(root, 'RuleGroupName'));
  if (ruleGroup || rules) {
    return { models: [ruleGroupModel(ruleGroup, rules, '', name, findings)], findings, cloudFormation: false };
  }
  if (entryOf(root, 'RulesSource')) {
    // A bare RuleGroup: the root itself.
    const self: ShapeEntry = { key: 'RuleGroup', keyRange: { start: root.range.start, end: root.range.start }, value: root };
    const model = ruleGroupModel(self, undefined, '', name, findings);
    const relabel = model.sources.map((s) => ({ ...s, label: s.label.replace(/^RuleGroup\./, '') }));
    return { models: [{ ...model, sources: relabel }], findings, cloudFormation: false };
  }
  return { models: [], findings, cloudFormation: false };
}
