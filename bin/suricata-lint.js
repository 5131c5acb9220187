#!/usr/bin/env node
// dist/suricata-lint.js is the CLI bundled into one module by scripts/bundle-cli.mjs (fast start-up).
import { setFlagsFromString } from 'node:v8';

// The linter streams: per rule it allocates a few hundred short-lived objects and keeps only findings.
// A young generation that stays small (no semi-space growth) keeps that garbage from inflating the
// process: max RSS on 50,000 rules ~170 -> ~140 MB at the same speed (scripts/bench.mjs). The flag has
// kept this name from V8 5 to 13; applied only on the V8 versions it was measured on.
const v8Major = Number(process.versions.v8.split('.')[0]);
if (v8Major >= 11 && v8Major <= 13) setFlagsFromString('--semi-space-growth-factor=1');

const { main } = await import('../dist/suricata-lint.js');
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
