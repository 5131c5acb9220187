import type { LintRule } from '../linter/lint-rule.js';
import indentedRule from './indented-rule.js';
import parseError from './parse-error.js';
import suricata8Syntax from './suricata-8-syntax.js';
import suspiciousSyntax from './suspicious-syntax.js';
import tlsCatchAllAfterSniPass from './tls-catch-all-after-sni-pass.js';
import tlsCertKeywordTls13 from './tls-cert-keyword-tls13.js';
import tlsClientHelloGate from './tls-client-hello-gate.js';
import tlsSslStateExplicit from './tls-ssl-state-explicit.js';
import tlsSslStateNeverMatches from './tls-ssl-state-never-matches.js';
import tlsVersionEarlyMatch from './tls-version-early-match.js';
import unusedSuppression from './unused-suppression.js';

/** Every lint rule, explicitly registered. Keep sorted by id. */
export const ALL_LINT_RULES: readonly LintRule[] = [
  indentedRule,
  parseError,
  suricata8Syntax,
  suspiciousSyntax,
  tlsCatchAllAfterSniPass,
  tlsCertKeywordTls13,
  tlsClientHelloGate,
  tlsSslStateExplicit,
  tlsSslStateNeverMatches,
  tlsVersionEarlyMatch,
  unusedSuppression,
];
