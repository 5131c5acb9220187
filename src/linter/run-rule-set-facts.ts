import { hostAdapterFor } from '../inputs/host-adapter.js';
import type { LintOptions } from './lint-options.js';
import { RuleSetFactsBuilder, type RuleSetFacts } from '../semantics/rule-set-facts.js';

/**
 * The rule-set facts of a run with several inputs (flowbits, QUIC, no-SNI and SNI handling across every
 * file), passed to each file's lint as `options.ruleSet`. Undefined for a single input: its own text is
 * then the whole rule set and the checks compute the facts themselves. Host files contribute their
 * embedded rules strings (the host readers are loaded already when such inputs exist).
 */
export async function runFacts(inputs: readonly { path: string; text: string }[], optionsFor: (path: string) => LintOptions): Promise<RuleSetFacts | undefined> {
  if (inputs.length < 2) return undefined;
  const builder = new RuleSetFactsBuilder();
  for (const input of inputs) {
    const options = optionsFor(input.path);
    if (hostAdapterFor(input.path, input.text) === 'rules') {
      builder.addText(input.text, options);
      continue;
    }
    const { readHostDocument } = await import('../inputs/read-host-document.js');
    for (const source of readHostDocument(input.path, input.text).sources) builder.addText(source.text, options);
  }
  return builder.build();
}
