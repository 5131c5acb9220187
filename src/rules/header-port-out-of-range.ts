import { defineLintRule, type RuleContext } from '../linter/lint-rule.js';
import type { ListValue, RuleHeader } from '../syntax/tree.js';
import { FIELD_LABEL, forEachHeaderValue, PORT_FIELDS, type HeaderField } from './utils/header-values.js';

const MAX_PORT = 65535;

/** Only ASCII digits (or empty). */
function digits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Why Suricata refuses a literal port (`65536`, `100:50`, `http`), or undefined when it is fine. */
export function portProblem(text: string): string | undefined {
  // Split by hand (a regex like /^(\d*)(:?)(\d*)$/ backtracks quadratically on long non-matching input).
  const colon = text.indexOf(':');
  const a = colon < 0 ? text : text.slice(0, colon);
  const b = colon < 0 ? '' : text.slice(colon + 1);
  if (!digits(a) || !digits(b) || (a === '' && b === '')) return 'is not a port number, range (a:b, a:, :b), variable or any';
  const lo = a === '' ? 0 : Number(a);
  const hi = b === '' ? (colon >= 0 ? MAX_PORT : lo) : Number(b);
  if (lo > MAX_PORT || hi > MAX_PORT) return `is out of range: ports go from 0 to ${MAX_PORT}`;
  if (colon >= 0 && lo > hi) return 'is an empty range: the first port is larger than the second';
  return undefined;
}

interface Visit {
  header: RuleHeader;
  ctx: RuleContext;
}

function checkValue(field: HeaderField, value: ListValue, { header, ctx }: Visit): void {
  if (value.valueKind === 'any') {
    if (value.negated && header[field] === value) {
      ctx.report({ range: value.range, message: `'!any' in the ${FIELD_LABEL[field]} negates every port: Suricata rejects the rule ("Complete port space is negated")`, hint: 'name the ports to exclude, e.g. ![80,443]' });
    }
    return;
  }
  if (value.valueKind !== 'literal') return;
  const problem = portProblem(value.value.text);
  if (!problem) return;
  ctx.report({
    range: value.value.range,
    message: `'${value.value.text}' in the ${FIELD_LABEL[field]} ${problem}: Suricata rejects the rule ("failed to parse port")`,
    hint: 'write a port from 0 to 65535, a range like 1024:65535, a $VARIABLE or any',
  });
}

export default defineLintRule({
  meta: {
    id: 'header-port-out-of-range',
    category: 'syntax',
    severity: { 'aws-nfw': 'error', suricata: 'error' },
    fix: 'none',
    docs: {
      summary: 'A port Suricata cannot parse: above 65535, an inverted range (100:50), a name instead of a number, or `!any`.',
      rationale: 'Ports are numbers from 0 to 65535, ranges `a:b`, open ranges `a:` and `:b`, variables or `any`. Anything else makes Suricata reject the rule ("failed to parse port"); `!any` negates every port ("Complete port space is negated").',
      badExample: 'alert tcp any any -> any 65536 (msg:"x"; sid:1;)',
      goodExample: 'alert tcp any any -> any 65535 (msg:"x"; sid:1;)',
    },
  },
  checkRule(rule, ctx) {
    forEachHeaderValue(rule.header, PORT_FIELDS, checkValue, { header: rule.header, ctx });
  },
});
