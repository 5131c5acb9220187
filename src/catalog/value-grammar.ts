/**
 * The vocabulary of keyword value grammars: small checkers that each model one of Suricata 7's own value parsers
 * (C's strtoul/strtoll as Suricata calls them, the Rust `detect_parse_uint`, word lists, ...). The table that
 * says which keyword uses which checker, with the Suricata source file of each, is `value-grammars.ts`.
 * Every checker is pure and total: it never throws, it returns a problem or nothing.
 */

/** Why Suricata refuses a value, written for the rule author. */
export interface ValueProblem {
  /** What is wrong, naming the value ("'8 x' is not a number"). */
  readonly message: string;
  /** What to write instead. */
  readonly hint?: string;
  /** Suricata's own words for the problem, as it logs them ("invalid value for depth"). */
  readonly engine?: string;
  /** `warning`: Suricata loads the rule anyway, with a warning (an unknown classtype gets priority 3). Default: the rule is refused. */
  readonly severity?: 'warning';
}

/** What a checker may look at besides the value: the names of byte_extract/byte_math variables of the rule. */
export interface ValueContext {
  readonly byteVariables: ReadonlySet<string>;
}

/** A value checker: the value as Suricata's Setup function gets it (trimmed, quotes and `!` removed where the keyword allows them). */
export type ValueCheck = (value: string, ctx: ValueContext) => ValueProblem | undefined;

/** One keyword's grammar: its checker and the Suricata 7.0 source it was written from. */
export interface ValueGrammar {
  readonly check: ValueCheck;
  /** The Suricata source file (and function) whose parser this models, e.g. `src/detect-depth.c (DetectDepthSetup)`. */
  readonly source: string;
}

/** C `isspace`. */
const isCSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

/** Result of a C `strtoull`/`strtoll` on `text` from its start. */
export interface CNumber {
  /** The value (BigInt: no precision lost), clamped as C clamps it on overflow. */
  readonly value: bigint;
  /** Index after the last character used; 0 when no number was read (C: endptr == str). */
  readonly end: number;
  /** C sets errno = ERANGE. */
  readonly overflow: boolean;
}

const U64_MAX = (1n << 64n) - 1n;
const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);

/**
 * C's `strtoull` (`signed` false) or `strtoll` (`signed` true) with `base` 10 or 0 (0: `0x` hex, leading `0`
 * octal): leading white space, an optional sign, digits. `strtoull` of `-N` is 2^64 - N, as in C.
 */
export function cStrtol(text: string, base: 0 | 10, signed: boolean): CNumber {
  let i = 0;
  while (i < text.length && isCSpace(text[i])) i++;
  let negative = false;
  if (text[i] === '+' || text[i] === '-') {
    negative = text[i] === '-';
    i++;
  }
  let radix = 10;
  if (base === 0 && text[i] === '0') {
    if ((text[i + 1] === 'x' || text[i + 1] === 'X') && /[0-9a-fA-F]/.test(text[i + 2] ?? '')) {
      radix = 16;
      i += 2;
    } else radix = 8;
  }
  const digit = radix === 16 ? /[0-9a-fA-F]/ : radix === 8 ? /[0-7]/ : /[0-9]/;
  const start = i;
  let value = 0n;
  while (i < text.length && digit.test(text[i])) {
    value = value * BigInt(radix) + BigInt(parseInt(text[i], radix));
    i++;
  }
  if (i === start) return { value: 0n, end: radix === 8 ? i : 0, overflow: false };
  if (signed) {
    const v = negative ? -value : value;
    if (v > I64_MAX) return { value: I64_MAX, end: i, overflow: true };
    if (v < I64_MIN) return { value: I64_MIN, end: i, overflow: true };
    return { value: v, end: i, overflow: false };
  }
  if (value > U64_MAX) return { value: U64_MAX, end: i, overflow: true };
  return { value: negative && value !== 0n ? U64_MAX + 1n - value : value, end: i, overflow: false };
}

const IDENT_START = /^[A-Za-z]/;

/**
 * Suricata's `strtoul(str, &end, 10)` followed by "invalid character" when anything is left, then `>= max`
 * (exclusive) and `== 0` checks: `sid`, `rev`, `gid` (src/detect-sid.c, detect-rev.c, detect-gid.c).
 */
export function cUlong(name: string, opts: { readonly zeroInvalid: boolean }): ValueCheck {
  return (value) => {
    const n = cStrtol(value, 10, false);
    if (n.end === 0 || n.end !== value.length) {
      return { message: `'${value}' is not a number: ${name} takes a whole number`, hint: `write ${name}:1;`, engine: `invalid character as arg to ${name} keyword` };
    }
    if (n.value >= 4294967295n) return { message: `${name} ${value} is too large: the largest ${name} is 4294967294`, engine: `${name} value to high, max 4294967295` };
    if (opts.zeroInvalid && n.value === 0n) return { message: `${name} 0 is invalid: ${name} starts at 1`, hint: `write ${name}:1;`, engine: `${name} value 0 is invalid` };
    return undefined;
  };
}

/**
 * Suricata's `StringParseU16/U32RangeCheck(..., base 0, len 0, str)` (`ByteExtractString`, strict): C white
 * space, then a decimal, `0x` hex or `0` octal number, and nothing after it; in [min, max]. A value starting
 * with a letter is a byte_extract/byte_math variable when `variables` (depth, offset, ...).
 */
export function cStrictUint(name: string, min: number, max: number, opts: { readonly variables?: boolean } = {}): ValueCheck {
  return (value, ctx) => {
    if (opts.variables && value[0] !== '-' && IDENT_START.test(value)) return byteVariable(name, value, ctx);
    const n = cStrtol(value, 0, false);
    if (n.end === 0 || n.overflow) return { message: `'${value}' is not a number: ${name} takes a number from ${min} to ${max}${opts.variables ? ' or a byte_extract variable' : ''}`, engine: `invalid value for ${name}` };
    if (n.end !== value.length) return { message: `'${value.slice(n.end).trim()}' after the number in ${name}:${value}: ${name} takes one number`, hint: `write ${name}:${value.slice(0, n.end).trim()};`, engine: 'Extra characters following numeric value' };
    if (n.value < BigInt(min) || n.value > BigInt(max)) return { message: `${name} ${value} is out of range: Suricata accepts ${min} to ${max}`, engine: `invalid value for ${name}` };
    return undefined;
  };
}

/**
 * Suricata's `StringParseI32RangeCheck(..., base 0, len 0, str, min, max)` as distance and within call it: with
 * `len` 0 the check for characters after the number is skipped, so `8 x` and `1.5` load as 8 and 1 (measured on
 * 7.0.10). Only a value without a leading number, or one out of range, is refused.
 */
export function cLenientInt(name: string, min: number, max: number): ValueCheck {
  return (value, ctx) => {
    if (value[0] !== '-' && IDENT_START.test(value)) return byteVariable(name, value, ctx);
    const n = cStrtol(value, 0, true);
    if (n.end === 0 || n.overflow) return { message: `'${value}' is not a number: ${name} takes a number from ${min} to ${max} or a byte_extract variable`, engine: `invalid value for ${name}` };
    if (n.value < BigInt(min) || n.value > BigInt(max)) return { message: `${name} ${n.value} is out of range: Suricata accepts ${min} to ${max}`, engine: `invalid value for ${name}` };
    return undefined;
  };
}

function byteVariable(name: string, value: string, ctx: ValueContext): ValueProblem | undefined {
  // An unknown variable is byte-variable-undefined's finding; only a value that cannot be a name is refused here.
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(value) || ctx.byteVariables.has(value)) return undefined;
  return { message: `'${value}' is neither a number nor a byte_extract variable name`, engine: `unknown byte_ keyword var seen in ${name}` };
}

const UINT_MAX: Readonly<Record<8 | 16 | 32 | 64, bigint>> = { 8: 255n, 16: 65535n, 32: 4294967295n, 64: U64_MAX };

/**
 * Suricata 7's Rust integer grammar `detect_parse_uint` (rust/src/detect/uint.rs), used by dsize, bsize, ttl,
 * itype, icode, tcp.mss, filesize, ...: `N`, `=N` (units kb/mb/gb), `N-M` or `N<>M` (exclusive, M > N + 1),
 * `<N`, `<=N`, `>N`, `>=N`, `!N`, `!=N`; spaces only around the parts; each number fits the keyword's width.
 * `inclusive` is `detect_parse_uint_inclusive` (nfs_procedure, nfs.version): ranges include their ends.
 */
export function rustUint(name: string, bits: 8 | 16 | 32 | 64, opts: { readonly inclusive?: boolean } = {}): ValueCheck {
  const max = UINT_MAX[bits];
  return (value) => {
    const why = parseRustUint(value, max, !!opts.inclusive);
    if (!why) return undefined;
    return {
      message: `'${value}' ${why}`,
      hint: `write a number from 0 to ${max}, a comparison (<N, <=N, >N, >=N, !N) or a range (N<>M)`,
      engine: `Parsing '${value}' failed`,
    };
  };
}

/** `undefined` when `detect_parse_uint` accepts `text`, else why not. */
function parseRustUint(text: string, max: bigint, inclusive: boolean): string | undefined {
  let i = 0;
  const spaces = () => {
    while (text[i] === ' ') i++;
  };
  const digits = (): bigint | undefined | 'overflow' => {
    const m = /^[0-9]+/.exec(text.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    const v = BigInt(m[0]);
    return v > max ? 'overflow' : v;
  };
  const rest = () => text.slice(i).replace(/ +$/, '') === '';
  spaces();
  const start = i;
  // 1. N-M / N<>M
  const a = digits();
  if (typeof a === 'bigint') {
    const afterA = i;
    spaces();
    const op = text.startsWith('<>', i) ? 2 : text[i] === '-' ? 1 : 0;
    if (op) {
      i += op;
      spaces();
      const b = digits();
      const ok = typeof b === 'bigint' && (inclusive ? a > 0n && b > a && b < max : b > a && b - a > 1n);
      if (ok) return rest() ? undefined : 'has text after the range';
      if (b === 'overflow') return `is out of range: the largest value is ${max}`;
      if (typeof b === 'bigint') return inclusive ? 'is not a valid range' : `is an empty range: in N<>M both ends are excluded, so M must be at least N + 2`;
    }
    i = afterA;
  }
  // 2. [=]N[kb|mb|gb]
  i = start;
  if (text[i] === '=') i++;
  spaces();
  const e = digits();
  if (e === 'overflow') return `is out of range: the largest value is ${max}`;
  if (typeof e === 'bigint') {
    const unit = /^(kb|mb|gb)/i.exec(text.slice(i));
    if (unit && e >= 1n) {
      const mult = unit[1].toLowerCase() === 'kb' ? 1024n : unit[1].toLowerCase() === 'mb' ? 1048576n : 1073741824n;
      if (e * mult > max) return `is out of range: the largest value is ${max}`;
      i += unit[0].length;
    }
    return rest() ? undefined : `has unexpected text '${text.slice(i).trim()}'`;
  }
  // 3. <N, <=N, >N, >=N, !N, !=N
  i = start;
  const mode = /^(>=|<=|>|<|!=|!|=)/.exec(text.slice(i));
  if (!mode) return text.trim() === '' ? 'is empty' : 'is not a number, a comparison or a range';
  i += mode[0].length;
  spaces();
  const n = digits();
  if (n === 'overflow') return `is out of range: the largest value is ${max}`;
  if (n === undefined) return `has no number after '${mode[0]}'`;
  if ((mode[0] === '<' || mode[0] === '>=') && n === 0n) return `can never ${mode[0] === '<' ? 'match' : 'fail'}: '${mode[0]}0' is refused`;
  if ((mode[0] === '<=' || mode[0] === '>') && n === max) return `is refused: '${mode[0]}${max}' is the whole range`;
  if (mode[0] === '=') return 'is not a number, a comparison or a range';
  return rest() ? undefined : `has unexpected text '${text.slice(i).trim()}'`;
}

/**
 * A value that must match `pattern` (Suricata's PCRE2 `PARSE_REGEX` of the keyword, written as a JS RegExp with
 * the same meaning for the inputs it can see).
 */
export function matches(name: string, pattern: RegExp, expected: string, engine?: string): ValueCheck {
  return (value) => (pattern.test(value) ? undefined : { message: `'${value}' is not a valid ${name} value: ${expected}`, engine });
}

/**
 * A comma-separated list of words from `words` (case-insensitive when `caseInsensitive`), each at most once when
 * `unique`; `!` before a word when `negation`.
 */
export function wordList(
  name: string,
  words: readonly string[],
  opts: { readonly separator?: RegExp; readonly caseInsensitive?: boolean; readonly negation?: boolean; readonly single?: boolean; readonly engine?: string; readonly severity?: 'warning' } = {},
): ValueCheck {
  const set = new Set(opts.caseInsensitive ? words.map((w) => w.toLowerCase()) : words);
  return (value) => {
    const items = opts.single ? [value] : value.split(opts.separator ?? ',');
    for (let item of items) {
      item = item.trim();
      if (opts.negation && item.startsWith('!')) item = item.slice(1).trim();
      if (!set.has(opts.caseInsensitive ? item.toLowerCase() : item)) {
        return {
          message: item === '' ? `${name} has an empty item in '${value}'` : `'${item}' is not a ${name} value Suricata knows`,
          hint: `use one of: ${words.slice(0, 12).join(', ')}${words.length > 12 ? ', ...' : ''}`,
          engine: opts.engine,
          severity: opts.severity,
        };
      }
    }
    return undefined;
  };
}

/** The first problem of several checks (all must pass). */
export function all(...checks: readonly ValueCheck[]): ValueCheck {
  return (value, ctx) => {
    for (const c of checks) {
      const p = c(value, ctx);
      if (p) return p;
    }
    return undefined;
  };
}
