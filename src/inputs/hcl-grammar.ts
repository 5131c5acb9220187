import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';

/**
 * tree-sitter's Terraform grammar (HCL + Terraform tweaks), run as WASM through web-tree-sitter.
 * The grammar ships as a prebuilt .wasm inside @tree-sitter-grammars/tree-sitter-hcl; loading it is async
 * (WASM instantiation), so it is loaded once by `loadHclGrammar()` and then used synchronously.
 * This is the only place in src/inputs that reads a file (the grammar itself, never user input).
 */
let parser: Parser | undefined;
let loading: Promise<Parser | undefined> | undefined;
let loadError: string | undefined;

const GRAMMAR = '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm';

/** The grammar from node_modules, or (the Action's self-contained bundle, scripts/bundle-action.mjs) next to this module. */
function grammarPath(): string {
  try {
    return createRequire(import.meta.url).resolve(GRAMMAR);
  } catch {
    return fileURLToPath(new URL('./tree-sitter-terraform.wasm', import.meta.url));
  }
}

/** Loads the HCL grammar once; resolves to false (and remembers why) if it cannot be loaded. */
export async function loadHclGrammar(): Promise<boolean> {
  loading ??= (async () => {
    try {
      await Parser.init();
      const language = await Language.load(grammarPath());
      const p = new Parser();
      p.setLanguage(language);
      parser = p;
      return p;
    } catch (error) {
      loadError = error instanceof Error ? error.message : String(error);
      return undefined;
    }
  })();
  return (await loading) !== undefined;
}

/** The loaded parser, or undefined before `loadHclGrammar()` has resolved (or when it failed). */
export function loadedHclParser(): Parser | undefined {
  return parser;
}

/** Why the grammar is not available, for the host-parse-error message. */
export function hclGrammarUnavailableReason(): string {
  return loadError !== undefined
    ? `the Terraform grammar failed to load (${loadError})`
    : 'the Terraform grammar is not loaded yet (call readHostDocumentAsync, or await loadHclGrammar() first)';
}
