#!/usr/bin/env node
// dist/suricata-lint.js is the CLI bundled into one module by scripts/bundle-cli.mjs (fast start-up).
import { main } from '../dist/suricata-lint.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
