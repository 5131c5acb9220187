import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LintOptions } from './lint-options.js';
import { lintText } from './linter.js';

/**
 * Lints one input file's text, whatever its format, returning diagnostics in offsets of that text.
 * `.rules` files are linted directly; host formats (rule group JSON, CloudFormation, Terraform) are
 * read by src/inputs and mapped back to host offsets.
 */
export function lintSource(path: string, text: string, options: LintOptions = {}): Diagnostic[] {
  void path;
  return lintText(text, options);
}
