import { isSeveritySetting, type SeveritySetting } from '../diagnostics/severity.js';
import type { RuleOrder } from '../linter/lint-options.js';
import { closestMatch } from '../syntax/levenshtein.js';
import { ruleIds } from './profiles.js';
import { ALL_PROFILE_NAMES, isProfileName, type AnyProfileName } from '../dialects/dialect.js';

/** The contents of `suricata-lint.config.json`, `.suricata-lintrc.json` or package.json's `suricata-lint` key. */
export interface SuricataLintConfig {
  readonly profile?: AnyProfileName;
  readonly ruleOrder?: RuleOrder;
  readonly suricataVersion?: 7 | 8;
  /** The rules run inline (IPS) or passively (IDS); default true for aws-nfw, false for suricata. */
  readonly inline?: boolean;
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** Variable names (without `$`) the rule groups or policy define, e.g. HOME_NET, HTTP_PORTS. */
  readonly variables?: readonly string[];
  /** Glob patterns of files to skip, relative to the config file's folder. */
  readonly ignore?: readonly string[];
  /** The config search stops here (it always stops at the nearest config and at the repository's top folder). */
  readonly root?: boolean;
}

const KEYS = ['profile', 'ruleOrder', 'suricataVersion', 'inline', 'rules', 'variables', 'ignore', 'root'];
/** Accepted and ignored (editor schema hints). */
const IGNORED_KEYS = ['$schema'];
const RULE_ORDERS: readonly RuleOrder[] = ['strict', 'action'];

const list = (xs: readonly (string | number)[]): string => xs.map((x) => JSON.stringify(x)).join(', ');

/** A did-you-mean for a rule id: close spelling, or the one id containing every word of it (`tls-gate`). */
export function suggestRuleId(id: string, ids: readonly string[] = ruleIds()): string | undefined {
  const close = closestMatch(id, ids, 3);
  if (close) return close;
  const words = id.toLowerCase().split(/[-_\s]+/).filter(Boolean);
  const containing = ids.filter((x) => words.every((w) => x.includes(w)));
  return containing.length === 1 ? containing[0] : undefined;
}

/**
 * Checks a parsed config value. Never throws: returns the valid parts and one error per problem,
 * each starting with `where` ("suricata-lint.config.json: rules.tls-gate: unknown rule id; did you mean ...?").
 */
export function validateConfig(value: unknown, where: string): { config: SuricataLintConfig; errors: string[] } {
  const errors: string[] = [];
  const err = (key: string, message: string) => errors.push(`${where}: ${key}: ${message}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { config: {}, errors: [`${where}: the configuration must be a JSON object, like { "profile": "aws-nfw" }`] };
  }
  const input = value as Record<string, unknown>;
  const out: { -readonly [K in keyof SuricataLintConfig]: SuricataLintConfig[K] } = {};
  for (const key of Object.keys(input)) {
    if (KEYS.includes(key) || IGNORED_KEYS.includes(key)) continue;
    const guess = closestMatch(key, KEYS, 3);
    err(key, `unknown key${guess ? `; did you mean ${guess}?` : `; the keys are ${KEYS.join(', ')}`}`);
  }
  if ('profile' in input) {
    if (isProfileName(input.profile)) out.profile = input.profile;
    else err('profile', `must be one of ${list(ALL_PROFILE_NAMES)}, not ${JSON.stringify(input.profile)}`);
  }
  if ('ruleOrder' in input) {
    if (RULE_ORDERS.includes(input.ruleOrder as RuleOrder)) out.ruleOrder = input.ruleOrder as RuleOrder;
    else err('ruleOrder', `must be "strict" (STRICT_ORDER) or "action" (DEFAULT_ACTION_ORDER), not ${JSON.stringify(input.ruleOrder)}`);
  }
  if ('suricataVersion' in input) {
    const v = input.suricataVersion;
    if (v === 7 || v === 8 || v === '7' || v === '8') out.suricataVersion = Number(v) as 7 | 8;
    else err('suricataVersion', `must be 7 or 8, not ${JSON.stringify(v)}`);
  }
  if ('inline' in input) {
    if (typeof input.inline === 'boolean') out.inline = input.inline;
    else err('inline', `must be true (IPS: the rules decide which packets go on, as on AWS Network Firewall) or false (IDS: passive), not ${JSON.stringify(input.inline)}`);
  }
  if ('rules' in input) {
    const rules = input.rules;
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
      err('rules', 'must be an object of rule id to "off", "info", "warning" or "error"');
    } else {
      const ids = ruleIds();
      const kept: Record<string, SeveritySetting> = {};
      for (const [id, sev] of Object.entries(rules as Record<string, unknown>)) {
        if (!ids.includes(id)) {
          const guess = suggestRuleId(id, ids);
          err(`rules.${id}`, `unknown rule id${guess ? `; did you mean ${guess}?` : ' (suricata-lint rules lists them)'}`);
          continue;
        }
        if (!isSeveritySetting(sev)) {
          err(`rules.${id}`, `severity must be "off", "info", "warning" or "error", not ${JSON.stringify(sev)}`);
          continue;
        }
        kept[id] = sev;
      }
      out.rules = kept;
    }
  }
  if ('root' in input) {
    if (typeof input.root === 'boolean') out.root = input.root;
    else err('root', `must be true or false, not ${JSON.stringify(input.root)}`);
  }
  for (const key of ['variables', 'ignore'] as const) {
    if (!(key in input)) continue;
    const v = input[key];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.trim() !== '')) {
      err(key, key === 'variables' ? 'must be an array of variable names, like ["HOME_NET", "HTTP_PORTS"]' : 'must be an array of glob patterns, like ["vendor/**"]');
      continue;
    }
    if (key === 'variables') {
      const names = (v as string[]).map((x) => x.trim());
      const bad = names.filter((x) => !/^\$?[A-Za-z_][A-Za-z0-9_]*$/.test(x));
      for (const b of bad) err('variables', `${JSON.stringify(b)} is not a variable name`);
      out.variables = names.filter((x) => !bad.includes(x)).map((x) => x.replace(/^\$/, ''));
    } else out.ignore = v as string[];
  }
  return { config: out, errors };
}
