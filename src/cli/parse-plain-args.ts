import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { LintArgs } from './commands/lint.js';
import { LINT_FLAGS, SUBCOMMANDS, toLintArgs, type LintFlag } from './lint-flags.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs options for LINT_FLAGS: numbers and choices are read as strings and checked here; `--no-X` for booleans. */
const OPTIONS: Options = Object.fromEntries(
  Object.entries(LINT_FLAGS).flatMap(([name, flag]): [string, Options[string]][] => {
    const option: Options[string] = { type: flag.type === 'boolean' ? 'boolean' : 'string', ...(flag.alias ? { short: flag.alias } : {}), ...(flag.array ? { multiple: true } : {}) };
    return flag.type === 'boolean' ? [[name, option], [`no-${name}`, { type: 'boolean' }]] : [[name, option]];
  }),
);

/** Positionals yargs reads as something other than a path: commands, `help` (anywhere), `-` (dropped), and a boolean's `true`/`false`. */
const NOT_A_PLAIN_PATH: ReadonlySet<string> = new Set([...SUBCOMMANDS, 'help', '-', 'true', 'false']);

/** An option's value as yargs would give it, or undefined where yargs might read it differently. */
function flagValue(flag: LintFlag, raw: string | undefined, negated: boolean): unknown {
  if (flag.type === 'boolean') return !negated;
  if (raw === undefined) return undefined;
  if (flag.choices) return flag.choices.find((c) => String(c) === raw);
  if (flag.type === 'number') return /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
  return raw;
}

/** node:util parseArgs with the lint options, strict, keeping tokens (throws on what it does not accept). */
function parseOptions(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true, tokens: true });
}

/**
 * The start-up fast path: a plain lint command line (paths and the documented long/short options) read with
 * node:util parseArgs, giving exactly the arguments yargs would. Undefined for anything else (help, --version,
 * `rules`, `explain`, errors, and every spelling where yargs' reading could differ: `--` (main.ts takes it out
 * first), short option groups, repeated options, camelCase, numbers beyond plain digits): the caller
 * then hands the whole command line to yargs, which stays the authority on usage text and errors.
 */
export function parsePlainArgs(argv: readonly string[]): LintArgs | undefined {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch {
    return undefined;
  }
  const { tokens, positionals } = parsed;
  const values: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [i, token] of tokens.entries()) {
    if (token.kind === 'option-terminator') return undefined;
    if (token.kind === 'positional') {
      if (NOT_A_PLAIN_PATH.has(token.value)) return undefined;
      continue;
    }
    // -qf (a group) and -fjson (an attached value): yargs splits short options its own way.
    if (!token.rawName.startsWith('--') && (token.inlineValue || tokens.some((t, j) => j !== i && t.index === token.index))) return undefined;
    const negated = !(token.name in LINT_FLAGS);
    const name = negated ? token.name.slice('no-'.length) : token.name;
    const flag = LINT_FLAGS[name];
    // yargs makes a repeated option an array (or, for --X --no-X, keeps the last): not for the fast path.
    if (!flag || (seen.has(name) && !flag.array)) return undefined;
    seen.add(name);
    const value = flagValue(flag, token.value, negated);
    if (value === undefined) return undefined;
    values[name] = flag.array ? [...((values[name] as unknown[] | undefined) ?? []), value] : value;
  }
  for (const [name, flag] of Object.entries(LINT_FLAGS)) {
    if (!(name in values) && flag.default !== undefined) values[name] = Array.isArray(flag.default) ? [...flag.default] : flag.default;
  }
  return toLintArgs(positionals, values);
}
