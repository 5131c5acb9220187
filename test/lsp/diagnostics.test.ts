import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver/node';
import { BIN, LspClient } from './lsp-client.js';

const FIXTURES = new URL('../fixtures/inputs/', import.meta.url).pathname;
const SAMPLES = new URL('../../rules-samples/', import.meta.url).pathname;

let dir: string;
let client: LspClient;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;

/** What the CLI reports for a file (json format), as rule id and 1-based line:column-endLine:endColumn. */
function cliFindings(file: string): string[] {
  const r = spawnSync(process.execPath, [BIN, file, '-f', 'json'], { cwd: dir, encoding: 'utf8' });
  const [report] = JSON.parse(r.stdout) as { diagnostics: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
  return report.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`).sort();
}

/** The same for LSP diagnostics (0-based lines and characters). */
function lspFindings(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`).sort();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suricata-lint-lsp-'));
  for (const f of ['cloudformation.json', 'cloudformation.yaml', 'network-firewall.tf', 'describe-rule-group.json']) cpSync(join(FIXTURES, f), join(dir, f));
  cpSync(join(SAMPLES, 'egress-allowlist-strict.rules'), join(dir, 'egress.rules'));
  // A folder with its own config: the suricata profile, missing-msg off.
  mkdirSync(join(dir, 'ids'));
  writeFileSync(join(dir, 'ids', 'suricata-lint.config.json'), JSON.stringify({ profile: 'suricata', rules: { 'missing-msg': 'off' } }));
  client = new LspClient(dir);
  await client.initialize(dir);
});

afterAll(async () => {
  const code = await client?.close();
  expect(code).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

describe('suricata-lint lsp: diagnostics over stdio', () => {
  it('initialize: announces what the server does', async () => {
    // A second client, to look at the initialize result itself.
    const c = new LspClient(dir);
    const result = await c.initialize(dir);
    expect(result.serverInfo?.name).toBe('suricata-lint');
    expect(result.capabilities).toMatchObject({
      textDocumentSync: { openClose: true, change: 2 },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll'] },
      hoverProvider: true,
      documentSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
    });
    expect(await c.close()).toBe(0);
  });

  it('a .rules file: the CLI findings, at the same places', async () => {
    const text = readFileSync(join(dir, 'egress.rules'), 'utf8');
    const ds = await client.open(uri('egress.rules'), text);
    expect(ds.some((d) => d.code === 'tls-client-hello-gate' && d.severity === 1 && d.source === 'suricata-lint')).toBe(true);
    expect(lspFindings(ds)).toEqual(cliFindings('egress.rules'));
  });

  it.each(['cloudformation.json', 'cloudformation.yaml', 'network-firewall.tf', 'describe-rule-group.json'])('host file %s: the CLI findings, ranges exact in the host file', async (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const ds = await client.open(uri(name), text, name.endsWith('.tf') ? 'terraform' : name.endsWith('.yaml') ? 'yaml' : 'json');
    expect(ds.length).toBeGreaterThan(0);
    expect(lspFindings(ds)).toEqual(cliFindings(name));
  });

  it('config discovery, profile and severities as the CLI: the nearest config file', async () => {
    const text = 'alert tls any any -> any any (flow:to_server; sid:1;)\nalert tls any any -> any any (flow:to_server; sid:1;)\n';
    writeFileSync(join(dir, 'ids', 'a.rules'), text);
    const ds = await client.open(pathToFileURL(join(dir, 'ids', 'a.rules')).href, text);
    const ids = ds.map((d) => d.code);
    expect(ids).toContain('duplicate-sid'); // on in the suricata profile, off in aws-nfw
    expect(ids).not.toContain('missing-msg'); // off in the config
    expect(lspFindings(ds)).toEqual(cliFindings('ids/a.rules'));
  });

  it('suppression comments as the CLI: disable-next-line, and an unused one reported', async () => {
    const text = [
      '# suricata-lint-disable-next-line tls-client-hello-gate -- on purpose',
      'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"x"; flow:to_server; sid:10; rev:1;)',
      '# suricata-lint-disable-next-line missing-msg',
      'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"y"; ssl_state:client_hello; flow:to_server; sid:11; rev:1;)',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'suppressed.rules'), text);
    const ds = await client.open(uri('suppressed.rules'), text);
    const seen = ds.map((d) => `${d.code}@${d.range.start.line}`);
    expect(seen).toContain('unused-suppression@2');
    expect(seen.filter((x) => x.startsWith('tls-client-hello-gate') || x.startsWith('missing-msg'))).toEqual([]);
    expect(lspFindings(ds)).toEqual(cliFindings('suppressed.rules'));
  });

  it('on change: the findings of the new text, with its version', async () => {
    const u = uri('change.rules');
    const before = 'drop tls $HOME_NET any -> $EXTERNAL_NET any (msg:"x"; flow:to_server; sid:20; rev:1;)\n';
    expect((await client.open(u, before)).map((d) => d.code)).toContain('tls-client-hello-gate');
    const after = before.replace('(msg', '(ssl_state:client_hello; msg');
    expect((await client.change(u, 2, after)).map((d) => d.code)).not.toContain('tls-client-hello-gate');
  });

  it('a JSON file that holds no rule group gets no findings', async () => {
    expect(await client.open(uri('package.json'), '{"name": "x"}', 'json')).toEqual([]);
  });
});
