#!/usr/bin/env node
// Builds the committed, self-contained bundle the GitHub Action and the pre-commit hooks run: action/dist/suricata-lint.mjs (the whole CLI and
// every dependency in one ES module, from src/ directly) plus the two WebAssembly files it loads at run time
// (web-tree-sitter's runtime and the Terraform grammar), copied next to it. The Action runs it with plain Node:
// a user's job installs nothing (as JavaScript actions do: their dist/ is committed).
// Differences from the npm package's bundle (scripts/bundle-cli.mjs): no code splitting (one file), nothing
// external (chevrotain is imported statically instead of required from node_modules), no lint worker (the
// Action lints on one thread).
//   node scripts/bundle-action.mjs            write action/dist/
//   node scripts/bundle-action.mjs --out DIR  write elsewhere (test/integrations/action-bundle.test.ts compares)
// Run `npm run build:action` and commit action/dist/ after changing src/ or dependencies.
import { chmodSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const i = process.argv.indexOf('--out');
const out = i > 0 ? process.argv[i + 1] : join(root, 'action', 'dist');
const require = createRequire(join(root, 'package.json'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** chevrotain by a static import: the bundle has no node_modules to require() it from. */
const staticChevrotain = {
  name: 'static-chevrotain',
  setup(b) {
    b.onResolve({ filter: /load-chevrotain\.js$/ }, () => ({ path: 'load-chevrotain', namespace: 'action' }));
    b.onLoad({ filter: /^load-chevrotain$/, namespace: 'action' }, () => ({
      contents: "import * as chevrotain from 'chevrotain'; export function loadChevrotain() { return chevrotain; }",
      resolveDir: root,
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: [join(root, 'src', 'cli', 'main-entry.ts')],
  outfile: join(out, 'suricata-lint.mjs'),
  bundle: true,
  splitting: false,
  platform: 'node',
  mainFields: ['module', 'main'],
  format: 'esm',
  target: 'node20',
  plugins: [staticChevrotain],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
  // Byte-for-byte reproducible: the currency test rebuilds and compares.
  sourcemap: false,
  absWorkingDir: root,
});
// Executable: the pre-commit hooks (.pre-commit-hooks.yaml, language: script) run it directly.
chmodSync(join(out, 'suricata-lint.mjs'), 0o755);
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(out, 'tree-sitter.wasm'));
chmodSync(join(out, 'tree-sitter.wasm'), 0o644);
copyFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'), join(out, 'tree-sitter-terraform.wasm'));
