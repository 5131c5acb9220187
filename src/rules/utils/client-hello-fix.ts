import { Edit } from '../../fix/edit.js';
import { Fix } from '../../fix/fix.js';
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
  const negOnly = a.sslStates.filter((s) => s.positives.length === 0 && s.negatives.length > 0);
  if (a.sslStates.length === 1 && negOnly.length === 1 && negOnly[0].option.value) {
    return make('Merge client_hello into the existing ssl_state', [Edit.replace(negOnly[0].option.value.range, 'client_hello')]);
  }
  return make('Insert ssl_state:client_hello;', [Edit.insertAt(rule.openParen.end, CLIENT_HELLO_OPTION)]);
}
