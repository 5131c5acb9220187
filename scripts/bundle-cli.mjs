#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js and everything it imports) into dist/suricata-lint.js, which
// bin/suricata-lint.js loads. One module instead of a few hundred is what makes a small run start fast; the modules
// in dist/ stay for the library API.
// chevrotain is not in the bundle: src/syntax/load-chevrotain.ts require()s its single-file build from
// node_modules at run time, for the first rule with a syntax error only (well-formed rules never need it).
// With code splitting, what the CLI loads by `await import()` only when a run needs it (the host-format
// readers: YAML, JSONC, tree-sitter; the engine check; the diff renderer; yargs for help and usage errors)
// goes to separate chunks in dist/cli-chunks/, so a plain .rules run neither reads nor compiles it.
// Run by `npm run build` after tsc.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url).pathname;
const chunks = 'cli-chunks';
// Chunk names carry a content hash: remove the previous build's so that stale ones do not pile up.
rmSync(`${dist}${chunks}`, { recursive: true, force: true });

const result = await build({
  // The lint worker (worker threads for many files) is a second entry: it shares the chunks.
  entryPoints: { 'suricata-lint': `${dist}cli/main.js`, 'lint-worker': `${dist}cli/lint-worker.js` },
  outdir: dist,
  chunkNames: `${chunks}/[name]-[hash]`,
  bundle: true,
  splitting: true,
  platform: 'node',
  // ES module builds where a package has one (jsonc-parser's UMD build requires files at run time).
  mainFields: ['module', 'main'],
  format: 'esm',
  target: 'node20',
  // web-tree-sitter finds its .wasm next to its own module, and the HCL grammar is resolved from
  // node_modules at run time: both stay outside the bundle, as does chevrotain (see above).
  external: ['web-tree-sitter', '@tree-sitter-grammars/*', 'chevrotain'],
  // CommonJS dependencies inside an ES module bundle still need `require` for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: process.argv.includes('--sizes'),
});

// `node scripts/bundle-cli.mjs --sizes`: bytes per output file and its largest inputs (what start-up compiles).
if (result.metafile) {
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    const byPackage = new Map();
    for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
      const key = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.replace(/^dist\/([^/]+)\/.*/, 'dist/$1');
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
    const top = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${(v / 1024).toFixed(0)}k`);
    console.log(`${file.replace(/^.*dist\//, 'dist/')} ${(out.bytes / 1024).toFixed(0)}k: ${top.join(', ')}`);
  }
}
