import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hostAdapterFor, looksLikeRuleGroupHost, type HostAdapter } from '../inputs/host-adapter.js';
import type { LintOptions } from '../linter/lint-options.js';
import { IncrementalRulesLinter } from './incremental-lint.js';


/** What one open document is, for the server. */
export interface LintedDocument {
  readonly adapter: HostAdapter;
  /** Findings in offsets of the document's text (host offsets for JSON, YAML and Terraform). */
  readonly diagnostics: readonly Diagnostic[];
  /** The cross-rule (file-level) findings are carried over from before the edit: lint again with `'run'` for all of them. */
  readonly fileLevelPending: boolean;
}

/**
 * Lints the documents of one editor session. `.rules` documents keep an `IncrementalRulesLinter` each
 * (re-checking only what an edit touched); host files (rule group JSON, CloudFormation JSON/YAML,
 * Terraform) are read by src/inputs and linted whole with `lintSource`, ranges exact in the host file.
 * A JSON/YAML/Terraform document with no rule group in it is not linted (as the CLI skips it in a folder).
 */
export class DocumentLinter {
  private readonly rules = new Map<string, IncrementalRulesLinter>();

  /** The findings for `text` as the document at `uri` (a file system `path`). */
  async lint(uri: string, path: string, text: string, options: LintOptions, fileLevel: 'run' | 'carry' = 'run'): Promise<LintedDocument> {
    const adapter = hostAdapterFor(path, text);
    if (adapter === 'rules') {
      let linter = this.rules.get(uri);
      if (!linter) this.rules.set(uri, (linter = new IncrementalRulesLinter()));
      const diagnostics = linter.update(text, options, fileLevel);
      return { adapter, diagnostics, fileLevelPending: linter.fileLevelPending };
    }
    this.rules.delete(uri);
    if (!looksLikeRuleGroupHost(text)) return { adapter, diagnostics: [], fileLevelPending: false };
    // The host readers (YAML, JSONC, tree-sitter) load on the first host file only.
    const [{ lintSource }, { loadHclGrammar }] = await Promise.all([import('../linter/lint-source.js'), import('../inputs/hcl-grammar.js')]);
    if (adapter === 'terraform') await loadHclGrammar();
    return { adapter, diagnostics: lintSource(path, text, options), fileLevelPending: false };
  }

  /** The incremental linter of a `.rules` document (its parsed statements), if it is one. */
  rulesLinter(uri: string): IncrementalRulesLinter | undefined {
    return this.rules.get(uri);
  }

  close(uri: string): void {
    this.rules.delete(uri);
  }
}
