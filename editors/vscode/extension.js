// The VS Code client of suricata-lint's language server: starts `suricata-lint lsp --stdio` and lets
// vscode-languageclient do the rest (diagnostics, quick fixes, fix all, hover, completion, symbols, navigation).
// Bundled into dist/extension.js by esbuild (npm run build); packaged as a .vsix by `npm run package`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { workspace } = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** The command to start: the setting, else the workspace's node_modules/.bin/suricata-lint, else suricata-lint on PATH. */
function serverCommand() {
  const configured = workspace.getConfiguration('suricata-lint').get('path');
  if (configured) return configured;
  for (const folder of workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'suricata-lint.cmd' : 'suricata-lint');
    if (existsSync(local)) return local;
  }
  return 'suricata-lint';
}

/** The settings the server reads at start (as command-line flags; the config file still applies under them). */
function settings() {
  const c = workspace.getConfiguration('suricata-lint');
  return { profile: c.get('profile'), ruleOrder: c.get('ruleOrder'), suricataVersion: c.get('suricataVersion'), rules: c.get('rules'), config: c.get('config') };
}

exports.activate = async function activate() {
  const command = serverCommand();
  // TransportKind.stdio appends --stdio: the server is `suricata-lint lsp --stdio`.
  const serverOptions = { command, args: ['lsp'], transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'suricata' },
      { scheme: 'untitled', language: 'suricata' },
      // Host files holding AWS rule groups (the server lints those that name one).
      { scheme: 'file', pattern: '**/*.{json,yaml,yml,tf}' },
    ],
    initializationOptions: settings(),
    synchronize: { configurationSection: 'suricata-lint' },
  };
  client = new LanguageClient('suricata-lint', 'suricata-lint', serverOptions, clientOptions);
  await client.start();
};

exports.deactivate = function deactivate() {
  return client?.stop();
};
