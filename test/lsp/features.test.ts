import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  HoverRequest,
  ReferencesRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Location,
  type Position,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BIN, LspClient } from './lsp-client.js';

const FIXTURES = new URL('../fixtures/inputs/', import.meta.url).pathname;

let dir: string;
let client: LspClient;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;

/** What `suricata-lint --fix` writes for `text` as the file `name` in the test folder. */
function cliFix(name: string, text: string): string {
  const r = spawnSync(process.execPath, [BIN, '--stdin', '--stdin-filename', join(dir, name), '--fix'], { cwd: dir, input: text, encoding: 'utf8' });
  return r.stdout;
}

/** The position of the `n`th (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
function positionOf(text: string, needle: string, delta = 0, n = 0): Position {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`'${needle}' not in the text`);
  return TextDocument.create('x', 'x', 0, text).positionAt(at + delta);
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'x', 0, text), edits);
}

async function actions(u: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return ((await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d], only } })) ?? []) as CodeAction[];
}

const GATE = 'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"not allowed"; flow:to_server, established; sid:100; rev:1;)\n';
const INDENTED = '  drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"x"; ssl_state:client_hello; flow:to_server; sid:101; rev:1;)\n';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suricata-lint-lsp-features-'));
  writeFileSync(join(dir, 'suricata-lint.config.json'), JSON.stringify({ variables: ['HOME_NET', 'EXTERNAL_NET', 'PARTNERS'] }, null, 2));
  cpSync(join(FIXTURES, 'cloudformation.yaml'), join(dir, 'cloudformation.yaml'));
  client = new LspClient(dir);
  client.connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
    client.applied.push(p.edit);
    return { applied: true };
  });
  await client.initialize(dir);
});

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('code actions', () => {
  it('the safe fix is the preferred quick fix; applying it gives what --fix writes', async () => {
    const u = uri('gate.rules');
    const ds = await client.open(u, GATE);
    const d = ds.find((x) => x.code === 'tls-client-hello-gate')!;
    const acts = await actions(u, d);
    const fix = acts.find((a) => a.isPreferred)!;
    expect(fix.title).toBe('Insert ssl_state:client_hello; (tls-client-hello-gate)');
    expect(fix.kind).toBe('quickfix');
    const fixed = applyEdits(GATE, fix.edit!.changes![u]);
    expect(fixed).toBe(cliFix('gate.rules', GATE));
    expect((await client.change(u, 2, fixed)).map((x) => x.code)).not.toContain('tls-client-hello-gate');
  });

  it('an unsafe fix is offered, labelled unsafe, never preferred', async () => {
    const u = uri('indented.rules');
    const ds = await client.open(u, INDENTED);
    const d = ds.find((x) => x.code === 'indented-rule')!;
    const fix = (await actions(u, d)).find((a) => a.title.startsWith('Remove the indentation'))!;
    expect(fix.title).toContain('unsafe');
    expect(fix.isPreferred).toBe(false);
  });

  it('"disable this rule for this line" inserts the suppression comment the linter reads', async () => {
    const u = uri('disable.rules');
    const ds = await client.open(u, GATE);
    const d = ds.find((x) => x.code === 'tls-client-hello-gate')!;
    const disable = (await actions(u, d)).find((a) => a.title.startsWith('Disable tls-client-hello-gate'))!;
    const text = applyEdits(GATE, disable.edit!.changes![u]);
    expect(text).toBe(`# suricata-lint-disable-next-line tls-client-hello-gate\n${GATE}`);
    const after = (await client.change(u, 2, text)).map((x) => x.code);
    expect(after).not.toContain('tls-client-hello-gate');
    expect(after).not.toContain('unused-suppression');
  });

  it('source.fixAll: every safe fix, as --fix writes it', async () => {
    const u = uri('all.rules');
    const text = GATE + GATE.replace('sid:100', 'sid:102') + INDENTED;
    const ds = await client.open(u, text);
    const all = (await actions(u, ds[0], ['source.fixAll'])).find((a) => a.kind === 'source.fixAll')!;
    expect(applyEdits(text, all.edit!.changes![u])).toBe(cliFix('all.rules', text));
    // The unsafe indentation fix is not part of it.
    expect(applyEdits(text, all.edit!.changes![u])).toContain(INDENTED);
  });

  it('apply edit: the fix-all command sends workspace/applyEdit to the client', async () => {
    const u = uri('command.rules');
    const ds = await client.open(u, GATE);
    const offered = (await actions(u, ds[0])).find((a) => a.kind === 'source.fixAll')!;
    expect(offered.command?.command).toBe('suricata-lint.fixAll');
    client.applied.length = 0;
    const ok = await client.connection.sendRequest(ExecuteCommandRequest.type, offered.command!);
    expect(ok).toBe(true);
    const change = client.applied[0].documentChanges![0] as { textDocument: { uri: string; version: number }; edits: TextEdit[] };
    expect(change.textDocument).toEqual({ uri: u, version: 1 });
    expect(applyEdits(GATE, change.edits)).toBe(cliFix('command.rules', GATE));
  });
});

describe('hover', () => {
  const TEXT = 'pass tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; msg:"ok"; flow:to_server; sid:1; rev:1;)\n' + GATE + 'alert http any any -> any any (msg:"d"; dataset:isset,bad; sid:3; rev:1;)\n';
  const hoverAt = async (u: string, p: Position) => (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: p })) as Hover | null;

  it('on a keyword: its catalog entry, TLS timing and AWS support', async () => {
    const u = uri('hover.rules');
    await client.open(u, TEXT);
    const sni = (await hoverAt(u, positionOf(TEXT, 'tls.sni', 2)))!.contents as { value: string };
    expect(sni.value).toContain('**tls.sni**');
    expect(sni.value).toContain('sticky buffer');
    expect(sni.value).toContain('from the parsed ClientHello');
    expect(sni.value).toContain('AWS Network Firewall: supported');
    const dataset = (await hoverAt(u, positionOf(TEXT, 'dataset', 1)))!.contents as { value: string };
    expect(dataset.value).toContain('AWS Network Firewall: **not supported**');
  });

  it('on a finding: the rule explanation', async () => {
    const u = uri('hover.rules');
    const h = (await hoverAt(u, positionOf(TEXT, 'drop', 1)))!.contents as { value: string };
    expect(h.value).toContain('**tls-client-hello-gate** (tls)');
    expect(h.value).toContain('post-quantum key share');
  });
});

describe('completion', () => {
  const complete = async (u: string, p: Position) => ((await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: p })) ?? []) as CompletionItem[];
  const labels = (xs: CompletionItem[]) => xs.map((x) => x.label);

  it('keywords valid at the cursor: protocol and profile', async () => {
    const text = `${GATE}alert tls any any -> any any (msg:"x"; )\n`;
    const u = uri('complete.rules');
    await client.open(u, text);
    const items = labels(await complete(u, positionOf(text, '; )', 2)));
    expect(items).toContain('tls.sni');
    expect(items).toContain('ssl_state');
    expect(items).not.toContain('http.host'); // an HTTP buffer in a tls rule
    expect(items).not.toContain('dataset'); // AWS Network Firewall does not support it (aws-nfw profile)
  });

  it('after a sticky buffer, its content matches and transforms first', async () => {
    const text = 'alert tls any any -> any any (tls.sni; )\n';
    const u = uri('sticky.rules');
    await client.open(u, text);
    const items = await complete(u, positionOf(text, '; )', 2));
    const sort = (l: string) => items.find((i) => i.label === l)!.sortText!;
    expect(sort('content') < sort('msg')).toBe(true);
    expect(sort('dotprefix') < sort('flow')).toBe(true);
  });

  it('values of flow, ssl_state and app-layer-protocol, and the next free sid', async () => {
    const text = `${GATE}alert tls any any -> any any (flow:; ssl_state:; app-layer-protocol:; sid:)\n`;
    const u = uri('values.rules');
    await client.open(u, text);
    expect(labels(await complete(u, positionOf(text, 'flow:', 5, 1)))).toEqual(expect.arrayContaining(['to_server', 'established', 'not_established']));
    expect(labels(await complete(u, positionOf(text, 'ssl_state:', 10)))).toEqual(expect.arrayContaining(['client_hello', '!client_hello', 'server_hello']));
    expect(labels(await complete(u, positionOf(text, 'app-layer-protocol:', 19)))).toEqual(expect.arrayContaining(['tls', 'http', '!tls']));
    expect(labels(await complete(u, positionOf(text, 'sid:)', 4)))).toEqual(['101']);
  });
});

describe('navigation', () => {
  const FLOW = [
    'alert tls $HOME_NET any -> any any (msg:"PQC"; flowbits:set,PQC; noalert; flow:to_server; sid:1; rev:1;)',
    'reject tcp $HOME_NET any -> $PARTNERS any (msg:"x"; flowbits:isnotset,PQC; flow:to_server; sid:2; rev:1;)',
    'alert tls any any -> any any (msg:"y"; flowbits:isset,PQC; sid:3; rev:1;)',
    '',
  ].join('\n');

  it('document symbols: one per rule, sid and msg', async () => {
    const u = uri('symbols.rules');
    await client.open(u, FLOW);
    const syms = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: u } })) as DocumentSymbol[];
    expect(syms.map((s) => `${s.name} | ${s.detail}`)).toEqual(['sid:1 PQC | alert tls', 'sid:2 x | reject tcp', 'sid:3 y | alert tls']);
    expect(syms[1].range.start.line).toBe(1);
  });

  it('document symbols of a host file: the rules of each rule group, at their place in the host file', async () => {
    const text = readFileSync(join(dir, 'cloudformation.yaml'), 'utf8');
    const u = uri('cloudformation.yaml');
    await client.open(u, text, 'yaml');
    const syms = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: u } })) as DocumentSymbol[];
    const rule = syms.flatMap((s) => s.children ?? []).find((c) => c.name.startsWith('sid:2'))!;
    expect(rule.range.start).toEqual(positionOf(text, 'drop tls $HOME_NET'));
  });

  it('flowbits: definition of an isset is its set; references are every mention', async () => {
    const u = uri('symbols.rules');
    const defs = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: u }, position: positionOf(FLOW, 'isset,PQC', 7) })) as Location[];
    expect(defs).toEqual([{ uri: u, range: { start: positionOf(FLOW, 'set,PQC', 4), end: positionOf(FLOW, 'set,PQC', 7) } }]);
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: u }, position: positionOf(FLOW, 'set,PQC', 5), context: { includeDeclaration: true } })) as Location[];
    expect(refs.map((r) => r.range.start.line)).toEqual([0, 1, 2]);
  });

  it('$VARIABLES: defined in the config file', async () => {
    const u = uri('symbols.rules');
    const defs = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: u }, position: positionOf(FLOW, '$PARTNERS', 2) })) as Location[];
    const config = readFileSync(join(dir, 'suricata-lint.config.json'), 'utf8');
    expect(defs).toEqual([{ uri: uri('suricata-lint.config.json'), range: { start: positionOf(config, '"PARTNERS"'), end: positionOf(config, '"PARTNERS"', 10) } }]);
  });

  it('$VARIABLES: defined in a host file rule variables (CloudFormation), from a rule in it', async () => {
    const text = readFileSync(join(dir, 'cloudformation.yaml'), 'utf8');
    const u = uri('cloudformation.yaml');
    const defs = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: u }, position: positionOf(text, 'drop tls $HOME_NET', 11) })) as Location[];
    expect(defs).toContainEqual({ uri: u, range: { start: positionOf(text, 'HOME_NET:'), end: positionOf(text, 'HOME_NET:', 8) } });
  });
});
