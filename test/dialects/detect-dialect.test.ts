import { describe, expect, it } from 'vitest';
import { findFirewallSyntax } from '../../src/dialects/detect-dialect.js';
import { IncrementalRulesLinter } from '../../src/lsp/incremental-lint.js';
import { lintText } from '../../src/linter/linter.js';

describe('findFirewallSyntax: firewall-mode rules found by content', () => {
  it.each([
    ['accept:flow tls:client_hello_done any any -> any any (sid:1;)', 0, 'accept:flow'],
    ['# accept:flow tls:client_hello_done any any -> any any (sid:1;)', undefined, ''],
    ['alert tcp any any -> any any (sid:1;)\n  drop:packet tcp:all any any -> any any (sid:2;)', 40, 'drop:packet'],
    // A byte-order mark before the first rule does not hide it (the whole text and a statement sliced from it agree).
    ['\ufeff  pass:packet tls:client_hello_done any any -> any 0 (sid:1;)', 3, 'pass:packet'],
    ['alert tcp any any -> any any (sid:1;)', undefined, ''],
  ])('%j', (text, start, word) => {
    const r = findFirewallSyntax(text);
    expect(r?.start).toBe(start);
    if (r) expect(text.slice(r.start, r.end)).toBe(word);
  });

  it('the language server\'s incremental linter and lintText agree on a text with a BOM and firewall rules (fuzz counterexample)', () => {
    const other = '\ufeff  pass:packet tls:client_hello_done 0.0.0.0 [0:0] -> any 0 (a:"";)\nalert tcp $HOME_NET 0 -> $HOME_NET [$HTTP_PORTS] (content:"|00|";)';
    const linter = new IncrementalRulesLinter();
    linter.update('# ');
    expect(linter.update(other)).toEqual(lintText(other));
  });
});
