import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hostAdapterFor } from '../inputs/host-adapter.js';
import type { LintOptions } from './lint-options.js';
import { lintText } from './linter.js';

/** Lints one input's text (a .rules file, or a host file with embedded rules), in offsets of that text. */
export type InputLinter = (path: string, text: string, options: LintOptions) => Diagnostic[];

/**
 * The linter for one run's inputs. A run of plain rules files (the common case, and what start-up time is
 * measured on) never loads the host-format readers (YAML, JSONC, tree-sitter): for rules text `lintSource`
 * is exactly `lintText`. Otherwise `lintSource` is imported, and the Terraform grammar (async WASM) loaded
 * when a Terraform file is among the inputs, so that linting itself stays synchronous.
 */
export async function loadInputLinter(inputs: readonly { path: string; text: string }[]): Promise<InputLinter> {
  const adapters = new Set(inputs.map((i) => hostAdapterFor(i.path, i.text)));
  if (!adapters.has('json') && !adapters.has('yaml') && !adapters.has('terraform')) return (_path, text, options) => lintText(text, options);
  const [{ lintSource }, { loadHclGrammar }] = await Promise.all([import('./lint-source.js'), import('../inputs/hcl-grammar.js')]);
  if (adapters.has('terraform')) await loadHclGrammar();
  return lintSource;
}
