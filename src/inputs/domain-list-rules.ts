import { lookupTable } from '../catalog/lookup-table.js';
/**
 * The Suricata rules AWS generates for a RulesSourceList (domain list) rule group.
 * ALLOWLIST and DENYLIST follow AWS's published examples (DOMAIN.md 3.7) exactly; REJECTLIST and
 * ALERTLIST are derived from DENYLIST by analogy (action reject/alert, msg "...rejectlisted/alertlisted FQDNs"):
 * AWS does not publish those texts. With both target types, TLS rules come first, then HTTP, then (allow
 * lists) the TLS and HTTP default-drop rules; sids count from 1 in that order (inferred).
 */
interface ListKind {
  readonly action: string;
  readonly word: string;
}

const LIST_KINDS: Readonly<Record<string, ListKind>> = lookupTable({
  ALLOWLIST: { action: 'pass', word: 'allowlisted' },
  DENYLIST: { action: 'drop', word: 'denylisted' },
  REJECTLIST: { action: 'reject', word: 'rejectlisted' },
  ALERTLIST: { action: 'alert', word: 'alertlisted' },
});

interface TargetType {
  readonly protocol: string;
  readonly label: string;
  readonly buffer: string;
  /** Whether the match is case-insensitive (`nocase`). */
  readonly nocase: boolean;
  /** Body of the allow-list default drop rule, before msg. */
  readonly dropPrefix: string;
}

const TARGET_TYPES: Readonly<Record<string, TargetType>> = {
  TLS_SNI: { protocol: 'tls', label: 'TLS', buffer: 'ssl_state:client_hello; tls.sni;', nocase: true, dropPrefix: '' },
  HTTP_HOST: { protocol: 'http', label: 'HTTP', buffer: 'http.host;', nocase: false, dropPrefix: 'http.header_names; content:"|0d 0a|"; startswith; ' },
};

const TAIL = 'priority:1; flow:to_server, established;';

function contentMatch(target: string, nocase: boolean): string {
  const nc = nocase ? ' nocase;' : '';
  return target.startsWith('.')
    ? `dotprefix; content:"${target}";${nc} endswith;`
    : `content:"${target}"; startswith;${nc} endswith;`;
}

/** Generated rules text (one rule per line, each ending in '\n'); unknown list or target types are skipped. */
export function domainListRules(targets: readonly string[], targetTypes: readonly string[], generatedRulesType: string): string {
  const kind = LIST_KINDS[generatedRulesType.toUpperCase()];
  if (!kind) return '';
  const types = ['TLS_SNI', 'HTTP_HOST']
    .filter((t) => targetTypes.some((x) => x.toUpperCase() === t))
    .map((t) => TARGET_TYPES[t]);
  const lines: string[] = [];
  let sid = 1;
  for (const type of types) {
    for (const target of targets) {
      lines.push(
        `${kind.action} ${type.protocol} $HOME_NET any -> $EXTERNAL_NET any (${type.buffer} ${contentMatch(target, type.nocase)} ` +
          `msg:"matching ${type.label} ${kind.word} FQDNs"; ${TAIL} sid:${sid++}; rev:1;)`,
      );
    }
  }
  if (generatedRulesType.toUpperCase() === 'ALLOWLIST') {
    for (const type of types) {
      const body = type.protocol === 'tls'
        ? `msg:"not matching any TLS allowlisted FQDNs"; priority:1; ssl_state:client_hello; flow:to_server, established;`
        : `${type.dropPrefix}msg:"not matching any HTTP allowlisted FQDNs"; ${TAIL}`;
      lines.push(`drop ${type.protocol} $HOME_NET any -> $EXTERNAL_NET any (${body} sid:${sid++}; rev:1;)`);
    }
  }
  return lines.map((l) => l + '\n').join('');
}
