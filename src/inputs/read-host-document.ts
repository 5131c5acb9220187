import { findAwsRuleGroups } from './aws-rule-group-shape.js';
import type { EmbeddedRules, HostDocument, HostFinding, HostFormat } from './embedded-rules.js';
import { embeddedRulesFromModels } from './embedded-rules-from-model.js';
import { hostAdapterFor, type HostAdapter } from './host-adapter.js';
import { hclGrammarUnavailableReason, loadHclGrammar, loadedHclParser } from './hcl-grammar.js';
import { readBody, syntaxErrors } from './hcl-tree.js';
import { parseJsonShape } from './json-shape.js';
import type { RuleGroupModel } from './rule-group-model.js';
import { terraformRuleGroups } from './terraform-rule-groups.js';
import { parseYamlShapes } from './yaml-shape.js';

export { loadHclGrammar } from './hcl-grammar.js';
export { isSupportedHostPath } from './host-adapter.js';

const MAX_HCL_ERRORS = 20;

function identity(path: string, text: string): EmbeddedRules {
  return {
    text,
    label: path,
    toHostOffset: (offset) => Math.max(0, Math.min(Math.trunc(offset), text.length)),
    encodeForHost: (t) => t,
    context: {},
    unresolved: [],
    generated: false,
  };
}

function fromModels(format: HostFormat, models: readonly RuleGroupModel[], findings: readonly HostFinding[]): HostDocument {
  const built = embeddedRulesFromModels(models);
  const all = [...findings, ...built.findings].sort((a, b) => a.range.start - b.range.start);
  return { format, sources: built.sources, findings: all };
}

function readJson(text: string): HostDocument {
  const { root, findings } = parseJsonShape(text);
  if (!root) return { format: 'aws-rule-group-json', sources: [], findings };
  const found = findAwsRuleGroups(root);
  return fromModels(found.cloudFormation ? 'cloudformation-json' : 'aws-rule-group-json', found.models, [...findings, ...found.findings]);
}

function readYaml(text: string): HostDocument {
  const { roots, findings } = parseYamlShapes(text);
  const models: RuleGroupModel[] = [];
  const all = [...findings];
  for (const root of roots) {
    const found = findAwsRuleGroups(root);
    for (const m of found.models) models.push(m);
    for (const f of found.findings) all.push(f);
  }
  return fromModels('cloudformation-yaml', models, all);
}

function readTerraform(text: string): HostDocument {
  const parser = loadedHclParser();
  if (!parser) {
    const reason = hclGrammarUnavailableReason();
    return {
      format: 'terraform',
      sources: [],
      findings: [{ ruleId: 'host-parse-error', message: `Cannot read Terraform: ${reason}.`, range: { start: 0, end: 0 } }],
    };
  }
  // Feeding 64 KiB chunks through the callback is ~30x faster than parse(string) in web-tree-sitter 0.25.
  const tree = parser.parse((index) => text.slice(index, index + 65_536));
  if (!tree) {
    return { format: 'terraform', sources: [], findings: [{ ruleId: 'host-parse-error', message: 'Cannot read Terraform: the parser returned no tree.', range: { start: 0, end: 0 } }] };
  }
  try {
    const root = tree.rootNode;
    const findings: HostFinding[] = syntaxErrors(root, MAX_HCL_ERRORS).map((e) => ({
      ruleId: 'host-parse-error',
      message: e.missing ? `HCL syntax error: missing ${e.count > 1 ? `${e.count} ` : ''}"${e.missing}".` : `HCL syntax error: unexpected "${text.slice(e.range.start, Math.min(e.range.end, e.range.start + 30)).split('\n')[0]}".`,
      hint: 'Fix the Terraform syntax (`terraform fmt` / `terraform validate` show the same place); rule groups around it may be missing from the report.',
      range: e.range,
    }));
    const body = root.children.find((c) => c?.type === 'body') ?? undefined;
    const { blocks } = readBody(body, text);
    const found = terraformRuleGroups(text, blocks);
    return fromModels('terraform', found.models, [...findings, ...found.findings]);
  } finally {
    tree.delete();
  }
}

const READERS: Readonly<Record<Exclude<HostAdapter, 'rules'>, (text: string) => HostDocument>> = {
  json: readJson,
  yaml: readYaml,
  terraform: readTerraform,
};

/**
 * Reads the rules embedded in a host file. Never throws. `.rules` and unrecognised text give one identity-mapped
 * source. Terraform needs the HCL grammar loaded (async WASM): use `readHostDocumentAsync`, or await
 * `loadHclGrammar()` once before calling this synchronously; otherwise a `.tf` file yields a host-parse-error finding.
 */
export function readHostDocument(path: string, text: string): HostDocument {
  const adapter = hostAdapterFor(path, text);
  if (adapter === 'rules') return { format: 'rules', sources: [identity(path, text)], findings: [] };
  try {
    return READERS[adapter](text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      format: adapter === 'json' ? 'aws-rule-group-json' : adapter === 'yaml' ? 'cloudformation-yaml' : 'terraform',
      sources: [],
      findings: [{ ruleId: 'host-parse-error', message: `Internal error while reading ${path}: ${why}.`, hint: 'Please report this with the file.', range: { start: 0, end: 0 } }],
    };
  }
}

/** Like `readHostDocument`, but loads the Terraform grammar first when the file needs it. */
export async function readHostDocumentAsync(path: string, text: string): Promise<HostDocument> {
  if (hostAdapterFor(path, text) === 'terraform') await loadHclGrammar();
  return readHostDocument(path, text);
}
