#!/usr/bin/env node
// dist/suricata-lint.js is the CLI bundled into one module by scripts/bundle-cli.mjs (fast start-up).
import { setFlagsFromString } from 'node:v8';

// The linter streams: per rule it allocates a few hundred short-lived objects and keeps only findings.
// A young generation that stays small (no semi-space growth) keeps that garbage from inflating the
// process: max RSS on 50,000 rules ~170 -> ~140 MB at the same speed (scripts/bench.mjs). The flag has
// kept this name from V8 5 to 13; applied only on the V8 versions it was measured on. Not for the language
// server (`lsp`): it keeps every open document's parsed rules, and a small young generation over a large kept heap
// spent half its time collecting garbage (scripts/bench-lsp.mjs on 30,000 rules).
const v8Major = Number(process.versions.v8.split('.')[0]);
if (v8Major >= 11 && v8Major <= 13 && process.argv[2] !== 'lsp') setFlagsFromString('--semi-space-growth-factor=1');

// Anything that escapes main (an error in a callback, a failed import): one line and exit code 2, never a
// stack trace and never 1 ("problems found").
const fail = (e) => {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  process.stderr.write(`suricata-lint: internal error: ${what.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, 300)}\n`);
  process.exit(2);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
try {
  const { main } = await import('../dist/suricata-lint.js');
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  fail(e);
}
