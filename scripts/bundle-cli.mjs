#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js and everything it imports) into one ES module,
// dist/suricata-lint.js, which bin/suricata-lint.js loads. One file instead of ~900 (chevrotain
// alone pulls in 640 lodash-es modules) is what makes a small run start fast; the modules in
// dist/ stay for the library API. Run by `npm run build` after tsc.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/cli/main.js', import.meta.url).pathname],
  outfile: new URL('../dist/suricata-lint.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  // ES module builds where a package has one (jsonc-parser's UMD build requires files at run time).
  mainFields: ['module', 'main'],
  format: 'esm',
  target: 'node20',
  // web-tree-sitter finds its .wasm next to its own module, and the HCL grammar is resolved from
  // node_modules at run time: both stay outside the bundle.
  external: ['web-tree-sitter', '@tree-sitter-grammars/*'],
  // CommonJS dependencies inside an ES module bundle still need `require` for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
