import { Edit } from '../../source/edit.js';
import { Fix } from '../../source/fix.js';
import type { RuleStatement } from '../../syntax/tree.js';
import type { TlsRuleAnalysis } from './tls-analysis.js';

export const CLIENT_HELLO_OPTION = 'ssl_state:client_hello; ';

/**
 * The edit that gates a rule on a complete ClientHello: insert `ssl_state:client_hello; ` right
 * after `(` (where AWS's generated rules put it), or, when the rule already has one ssl_state made
 * only of negations (which still matches before any handshake message), narrow that one to
 * `client_hello`: `!x AND client_hello` is `client_hello` for any x other than client_hello.
 */
export function clientHelloFix(rule: RuleStatement, a: TlsRuleAnalysis, applicability: 'safe' | 'unsafe' = 'safe'): Fix | undefined {
  if (!rule.openParen) return undefined;
  const make = applicability === 'safe' ? Fix.safe : Fix.unsafe;
  // One existing ssl_state that still matches before any handshake message (negation-only, or mixed
  // with client_hello): ANDing client_hello with it is exactly client_hello, so merge by narrowing it.
  const only = a.sslStates.length === 1 ? a.sslStates[0] : undefined;
  if (only?.option.value && only.negatives.length > 0 && !only.negatives.includes('client_hello') && only.positives.every((p) => p === 'client_hello')) {
    return make('Merge client_hello into the existing ssl_state', [Edit.replace(only.option.value.range, 'client_hello')]);
  }
  // Suricata 7 rejects ssl_state before a positive app-layer-protocol on tcp/ip rules ("already seen
  // a non-negated app-layer-protocol"): put it right after that option instead.
  const alp = a.appLayerProtocolOption;
  if (alp?.terminator) return make('Insert ssl_state:client_hello;', [Edit.insertAt(alp.terminator.end, ` ${CLIENT_HELLO_OPTION.trimEnd()}`)]);
  return make('Insert ssl_state:client_hello;', [Edit.insertAt(rule.openParen.end, CLIENT_HELLO_OPTION)]);
}
