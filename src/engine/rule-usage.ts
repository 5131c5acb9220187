/** A `$NAME` used in a rule header, and whether it stands for addresses or ports. */
export interface RuleVariable {
  readonly name: string;
  readonly kind: 'address' | 'port';
}

/** What a set of rules needs from the engine's configuration. */
export interface RuleUsage {
  readonly variables: RuleVariable[];
  /** Protocol names the rules use: header protocols, `app-layer-protocol:` values, keyword families. */
  readonly protocols: string[];
}

/**
 * Protocols that only load when enabled, found anywhere in the options (keywords such as `modbus:`,
 * `dnp3_func`, `cip_service`, and values such as `app-layer-event:dnp3.flooded`).
 */
const KEYWORD_PROTOCOLS: readonly (readonly [RegExp, string])[] = [
  [/\bmodbus/i, 'modbus'],
  [/\bdnp3/i, 'dnp3'],
  [/\b(?:enip|cip_)/i, 'enip'],
];

/** Header field positions (0-based, after splitting the header) that hold addresses or ports. */
const FIELD_KINDS: Readonly<Record<number, RuleVariable['kind']>> = { 2: 'address', 3: 'port', 5: 'address', 6: 'port' };

/**
 * Finds the variables and protocols a list of rule texts needs, reading headers the way Suricata
 * tokenizes them (fields split on whitespace, `[...]` groups kept together). Never throws.
 */
export function collectRuleUsage(ruleTexts: readonly string[]): RuleUsage {
  const variables = new Map<string, RuleVariable>();
  const protocols = new Set<string>();
  for (const text of ruleTexts) {
    const paren = text.indexOf('(');
    const header = paren === -1 ? text : text.slice(0, paren);
    const fields = splitHeader(header);
    if (fields[1]) protocols.add(fields[1].toLowerCase().split(':')[0]);
    fields.forEach((field, index) => {
      const kind = FIELD_KINDS[index];
      if (!kind) return;
      for (const m of field.matchAll(/\$([A-Za-z0-9_]+)/g)) variables.set(`${kind}:${m[1]}`, { name: m[1], kind });
    });
    if (paren === -1) continue;
    const body = text.slice(paren);
    for (const m of body.matchAll(/app-layer-protocol\s*:\s*(?:!\s*)?([A-Za-z0-9_-]+)/gi)) protocols.add(m[1].toLowerCase());
    for (const [pattern, protocol] of KEYWORD_PROTOCOLS) if (pattern.test(body)) protocols.add(protocol);
  }
  return { variables: [...variables.values()], protocols: [...protocols].sort() };
}

/** Splits a header into fields on whitespace outside `[...]`. */
function splitHeader(header: string): string[] {
  const fields: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of header) {
    if (ch === '[') depth++;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    if (depth === 0 && /\s/.test(ch)) {
      if (current) fields.push(current);
      current = '';
    } else current += ch;
  }
  if (current) fields.push(current);
  return fields;
}
