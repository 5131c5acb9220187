#!/usr/bin/env node
import { main } from './main.js';

/**
 * The CLI as a program: runs `main` on the process arguments and sets the exit code. The entry point of
 * the Action's self-contained bundle (scripts/bundle-action.mjs); bin/suricata-lint.js does the same for
 * the npm package (with its start-up flags). The bundle is executable (the pre-commit hooks run it as a script).
 */
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
