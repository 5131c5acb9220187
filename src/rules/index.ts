import flowbitNeverChecked from './flowbit-never-checked.js';
import flowbitNeverSet from './flowbit-never-set.js';
import flowbitSetAfterCheck from './flowbit-set-after-check.js';
import sniRulesNoSniBypass from './sni-rules-no-sni-bypass.js';
import sniRulesQuicBypass from './sni-rules-quic-bypass.js';
import httpHostRulesTlsBypass from './http-host-rules-tls-bypass.js';
import type { LintRule } from '../linter/lint-rule.js';
import appLayerKeywordConflict from './app-layer-keyword-conflict.js';
import awsDuplicateSid from './aws-duplicate-sid.js';
import awsIpsetReference from './aws-ipset-reference.js';
import awsOnlyKeyword from './aws-only-keyword.js';
import awsPriorityStrictOrder from './aws-priority-strict-order.js';
import awsRuleOrderMissing from './aws-rule-order-missing.js';
import awsRulesStringTooLong from './aws-rules-string-too-long.js';
import awsUnsupportedAction from './aws-unsupported-action.js';
import awsUnsupportedKeyword from './aws-unsupported-keyword.js';
import awsUnsupportedProtocol from './aws-unsupported-protocol.js';
import byteOrderMark from './byte-order-mark.js';
import byteVariableUndefined from './byte-variable-undefined.js';
import contentExceedsSize from './content-exceeds-size.js';
import contentModifierConflict from './content-modifier-conflict.js';
import contentModifierWithoutContent from './content-modifier-without-content.js';
import deprecatedKeywordAlias from './deprecated-keyword-alias.js';
import domainMatchUnanchored from './domain-match-unanchored.js';
import duplicateSid from './duplicate-sid.js';
import engineError from './engine-error.js';
import engineWarning from './engine-warning.js';
import flowInvalid from './flow-invalid.js';
import fwAcceptPriorHooks from './fw-accept-prior-hooks.js';
import fwActionScope from './fw-action-scope.js';
import fwDialectHookName from './fw-dialect-hook-name.js';
import fwDirection from './fw-direction.js';
import fwFirstHookBlock from './fw-first-hook-block.js';
import fwIpsetReference from './fw-ipset-reference.js';
import fwKeywordHook from './fw-keyword-hook.js';
import fwMeaninglessKeyword from './fw-meaningless-keyword.js';
import fwMissingCarrier from './fw-missing-carrier.js';
import fwMissingHook from './fw-missing-hook.js';
import fwPayloadPacketHook from './fw-payload-packet-hook.js';
import fwPrimaryAction from './fw-primary-action.js';
import fwProfileFromContent from './fw-profile-from-content.js';
import fwUnknownHook from './fw-unknown-hook.js';
import fwUnreachableAppRule from './fw-unreachable-app-rule.js';
import generatedRulesNote from './generated-rules-note.js';
import headerEmptyGroup from './header-empty-group.js';
import headerInvalidAddress from './header-invalid-address.js';
import headerPortOutOfRange from './header-port-out-of-range.js';
import headerUnknownProtocol from './header-unknown-protocol.js';
import hostParseError from './host-parse-error.js';
import hostUnresolvedTemplate from './host-unresolved-template.js';
import httpHostNormalized from './http-host-normalized.js';
import indentedRule from './indented-rule.js';
import keywordDuplicate from './keyword-duplicate.js';
import keywordQuotesMissing from './keyword-quotes-missing.js';
import keywordValueInvalid from './keyword-value-invalid.js';
import keywordValueMissing from './keyword-value-missing.js';
import keywordValueUnexpected from './keyword-value-unexpected.js';
import legacyModifierInStickyBuffer from './legacy-modifier-in-sticky-buffer.js';
import missingMsg from './missing-msg.js';
import missingRev from './missing-rev.js';
import missingSid from './missing-sid.js';
import parseError from './parse-error.js';
import ruleUnreachable from './rule-unreachable.js';
import semicolonSwallowed from './semicolon-swallowed.js';
import sniPassShadowed from './sni-pass-shadowed.js';
import pcreBufferFlagConflict from './pcre-buffer-flag-conflict.js';
import stickyBufferDuplicate from './sticky-buffer-duplicate.js';
import stickyBufferEmpty from './sticky-buffer-empty.js';
import suricata8Syntax from './suricata-8-syntax.js';
import suspiciousSyntax from './suspicious-syntax.js';
import tlsCatchAllAfterSniPass from './tls-catch-all-after-sni-pass.js';
import tlsCertKeywordTls13 from './tls-cert-keyword-tls13.js';
import tlsClientHelloGate from './tls-client-hello-gate.js';
import tlsSslStateExplicit from './tls-ssl-state-explicit.js';
import tlsSslStateNeverMatches from './tls-ssl-state-never-matches.js';
import tlsVersionEarlyMatch from './tls-version-early-match.js';
import transformAfterContent from './transform-after-content.js';
import transformContentIncompatible from './transform-content-incompatible.js';
import undefinedVariable from './undefined-variable.js';
import unknownKeyword from './unknown-keyword.js';
import unusedSuppression from './unused-suppression.js';

/** Every lint rule, explicitly registered. Keep sorted by id. */
export const ALL_LINT_RULES = [
  appLayerKeywordConflict,
  awsDuplicateSid,
  awsIpsetReference,
  awsOnlyKeyword,
  awsPriorityStrictOrder,
  awsRuleOrderMissing,
  awsRulesStringTooLong,
  awsUnsupportedAction,
  awsUnsupportedKeyword,
  awsUnsupportedProtocol,
  byteOrderMark,
  byteVariableUndefined,
  contentExceedsSize,
  contentModifierConflict,
  contentModifierWithoutContent,
  deprecatedKeywordAlias,
  domainMatchUnanchored,
  duplicateSid,
  engineError,
  engineWarning,
  flowInvalid,
  flowbitNeverChecked,
  flowbitNeverSet,
  flowbitSetAfterCheck,
  fwAcceptPriorHooks,
  fwActionScope,
  fwDialectHookName,
  fwDirection,
  fwFirstHookBlock,
  fwIpsetReference,
  fwKeywordHook,
  fwMeaninglessKeyword,
  fwMissingCarrier,
  fwMissingHook,
  fwPayloadPacketHook,
  fwPrimaryAction,
  fwProfileFromContent,
  fwUnknownHook,
  fwUnreachableAppRule,
  generatedRulesNote,
  headerEmptyGroup,
  headerInvalidAddress,
  headerPortOutOfRange,
  headerUnknownProtocol,
  hostParseError,
  hostUnresolvedTemplate,
  httpHostNormalized,
  httpHostRulesTlsBypass,
  indentedRule,
  keywordDuplicate,
  keywordQuotesMissing,
  keywordValueInvalid,
  keywordValueMissing,
  keywordValueUnexpected,
  legacyModifierInStickyBuffer,
  missingMsg,
  missingRev,
  missingSid,
  parseError,
  pcreBufferFlagConflict,
  ruleUnreachable,
  semicolonSwallowed,
  sniPassShadowed,
  sniRulesNoSniBypass,
  sniRulesQuicBypass,
  stickyBufferDuplicate,
  stickyBufferEmpty,
  suricata8Syntax,
  suspiciousSyntax,
  tlsCatchAllAfterSniPass,
  tlsCertKeywordTls13,
  tlsClientHelloGate,
  tlsSslStateExplicit,
  tlsSslStateNeverMatches,
  tlsVersionEarlyMatch,
  transformAfterContent,
  transformContentIncompatible,
  undefinedVariable,
  unknownKeyword,
  unusedSuppression,
] as const satisfies readonly LintRule[];

/** The id of a registered lint rule (checked at compile time: a misspelt id does not type-check). */
export type LintRuleId = (typeof ALL_LINT_RULES)[number]['meta']['id'];

/** Every id a diagnostic may carry: a registered lint rule's, or `internal-error` (a lint rule crashed). */
export type RuleId = LintRuleId | 'internal-error';

const IDS: ReadonlySet<string> = new Set<string>(ALL_LINT_RULES.map((r) => r.meta.id));

/** Whether `id` names a registered lint rule (for ids from the command line and config files). */
export function isLintRuleId(id: string): id is LintRuleId {
  return IDS.has(id);
}
