import type { DefinitionParams, Location, ReferenceParams } from 'vscode-languageserver/node';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { TextRange } from '../source/text-range.js';
import type { FlowbitsValue } from '../syntax/option-values.js';
import type { ListExpr, RuleStatement } from '../syntax/tree.js';
import { toLspRange } from './diagnostics.js';
import type { Session } from './session.js';
import { rulesViews, type RulesView } from './rules-views.js';

/** Flowbit commands that give a flowbit its value: a "definition" (`isset`, `isnotset` and `unset`... read or clear it). */
const DEFINING = new Set(['set', 'toggle']);

/** What the cursor is on: a flowbit name (in a `flowbits` option) or a `$VARIABLE` (in a rule header). */
type Target = { readonly kind: 'flowbit'; readonly name: string } | { readonly kind: 'variable'; readonly name: string };

/** A mention of a flowbit or variable in a rules view. */
interface Mention {
  readonly view: RulesView;
  readonly range: TextRange;
  readonly defining: boolean;
}

function* listValues(l: ListExpr | undefined): Generator<Extract<ListExpr, { kind: 'value' }>> {
  if (!l) return;
  if (l.kind === 'value') yield l;
  else for (const i of l.items) yield* listValues(i);
}

function* variablesOf(rule: RuleStatement) {
  const h = rule.header;
  for (const l of [h.source, h.sourcePort, h.destination, h.destinationPort]) for (const v of listValues(l)) if (v.valueKind === 'variable') yield v.value;
}

function* flowbitsOf(rule: RuleStatement) {
  for (const o of rule.options) {
    if (o.parsed?.kind !== 'flowbits') continue;
    const v = o.parsed as FlowbitsValue;
    for (const n of v.names) yield { name: n.name, range: n.range, defining: DEFINING.has(v.command) };
  }
}

function targetAt(view: RulesView, offset: number): Target | undefined {
  for (const s of view.statements) {
    if (s.kind !== 'rule' || offset < s.range.start || offset > s.range.end) continue;
    for (const f of flowbitsOf(s)) if (f.range.start <= offset && offset <= f.range.end) return { kind: 'flowbit', name: f.name };
    for (const v of variablesOf(s)) if (v.range.start <= offset && offset <= v.range.end) return { kind: 'variable', name: v.text.replace(/^\$/, '') };
  }
  return undefined;
}

function mentions(views: readonly RulesView[], t: Target): Mention[] {
  const out: Mention[] = [];
  for (const view of views) {
    for (const s of view.statements) {
      if (s.kind !== 'rule') continue;
      if (t.kind === 'flowbit') for (const f of flowbitsOf(s)) if (f.name === t.name) out.push({ view, range: f.range, defining: f.defining });
      if (t.kind === 'variable') for (const v of variablesOf(s)) if (v.text.replace(/^\$/, '') === t.name) out.push({ view, range: v.range, defining: false });
    }
  }
  return out;
}

function location(m: Mention): Location {
  return { uri: m.view.uri, range: toLspRange(m.view.doc, { start: m.view.toDoc(m.range.start), end: m.view.toDoc(m.range.end) }) };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where a variable is defined outside the rules: in the config file's `variables` list, and in the rule
 * variables of open host files (RuleVariables IPSets/PortSets in JSON and YAML, rule_variables ip_sets/port_sets
 * `key` in Terraform). Found by its name in those texts (the host adapters keep names, not places).
 */
function variableDefinitions(session: Session, uri: string, name: string): Location[] {
  const out: Location[] = [];
  const configPath = session.configFor(uri).configPath;
  if (configPath) {
    let text: string | undefined;
    try {
      text = readFileSync(configPath, 'utf8');
    } catch {
      text = undefined;
    }
    const list = text?.search(/"variables"\s*:/) ?? -1;
    if (text && list >= 0) {
      const m = new RegExp(`"\\$?${escapeRegExp(name)}"`).exec(text.slice(list));
      if (m) {
        const start = list + m.index;
        const lines = text.slice(0, start).split(/\r\n|\r|\n/);
        const line = lines.length - 1;
        const character = lines[line].length;
        out.push({ uri: pathToFileURL(configPath).href, range: { start: { line, character }, end: { line, character: character + m[0].length } } });
      }
    }
  }
  const patterns = [new RegExp(`"${escapeRegExp(name)}"\\s*:`, 'g'), new RegExp(`^[ \\t-]*${escapeRegExp(name)}\\s*:`, 'gm'), new RegExp(`\\bkey\\s*=\\s*"${escapeRegExp(name)}"`, 'g')];
  for (const doc of session.openDocuments()) {
    const text = doc.getText();
    if (!/RuleVariables|rule_variables/.test(text)) continue;
    for (const re of patterns) {
      for (const m of text.matchAll(re)) {
        const at = m.index + m[0].indexOf(name);
        out.push({ uri: doc.uri, range: toLspRange(doc, { start: at, end: at + name.length }) });
      }
    }
  }
  return out;
}

async function resolve(session: Session, uri: string, position: { line: number; character: number }) {
  const doc = session.document(uri);
  if (!doc) return undefined;
  const offset = doc.offsetAt(position);
  const own = await rulesViews(session, doc);
  let target: Target | undefined;
  for (const v of own) {
    const o = v.fromDoc(offset);
    if (o !== undefined) target ??= targetAt(v, o);
  }
  if (!target) return undefined;
  // Flowbits are shared by every rule the engine loads: look in every open document.
  const views = [...own];
  if (target.kind === 'flowbit') for (const d of session.openDocuments()) if (d.uri !== uri) views.push(...(await rulesViews(session, d)));
  return { target, all: mentions(views, target) };
}

/**
 * `textDocument/definition`: for a flowbit, where it is set (`set`, `toggle`) in the open documents; for a
 * `$VARIABLE`, its definition in the config file or an open host file's rule variables.
 */
export async function definition(session: Session, params: DefinitionParams): Promise<Location[]> {
  const r = await resolve(session, params.textDocument.uri, params.position);
  if (!r) return [];
  if (r.target.kind === 'flowbit') return r.all.filter((m) => m.defining).map(location);
  return variableDefinitions(session, params.textDocument.uri, r.target.name);
}

/** `textDocument/references`: every mention of the flowbit (set, isset, ...) or `$VARIABLE`, definitions included when asked. */
export async function references(session: Session, params: ReferenceParams): Promise<Location[]> {
  const r = await resolve(session, params.textDocument.uri, params.position);
  if (!r) return [];
  const include = params.context.includeDeclaration;
  const uses = r.all.filter((m) => include || !m.defining).map(location);
  if (r.target.kind === 'variable' && include) uses.unshift(...variableDefinitions(session, params.textDocument.uri, r.target.name));
  return uses;
}
