import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIR = new URL('../../editors/vscode/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', DIR), 'utf8'));
const source = readFileSync(new URL('extension.js', DIR), 'utf8');

// The extension is packaged by `npm run package:vscode` (its own dependencies, outside the root install); this
// checks only what makes it start the server on .rules files.
describe('editors/vscode: the client extension', () => {
  it('activates on Suricata rules files and bundles its entry point', () => {
    expect(manifest.activationEvents).toContain('onLanguage:suricata');
    expect(manifest.contributes.languages[0]).toMatchObject({ id: 'suricata', extensions: ['.rules'] });
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.scripts.build).toContain('--outfile=dist/extension.js');
    expect(manifest.scripts.package).toContain('vsce package');
  });

  it('starts `suricata-lint lsp` over stdio and passes the settings the server reads', () => {
    expect(source).toContain("args: ['lsp'], transport: TransportKind.stdio");
    for (const key of ['profile', 'ruleOrder', 'suricataVersion', 'rules', 'config']) expect(manifest.contributes.configuration.properties).toHaveProperty(`suricata-lint.${key}`);
    expect(source).toContain("configurationSection: 'suricata-lint'");
  });
});
