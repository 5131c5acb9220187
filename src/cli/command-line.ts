import { LINT_FLAGS, SUBCOMMANDS } from './lint-flags.js';

/** Words yargs reads as a command rather than a path: the subcommands and `help`. */
const COMMAND_WORDS: ReadonlySet<string> = new Set([...SUBCOMMANDS, 'help']);

/** A command line split before either parser sees it (see `splitCommandLine`). */
export interface SplitCommandLine {
  /** The arguments for the parsers (fast path or yargs): options, command word, paths. */
  readonly args: string[];
  /** Arguments that are paths whatever they look like: those after `--`, and existing paths named like a command. */
  readonly paths: string[];
  /** A line for stderr when an existing path named like a command was linted as a path. */
  readonly note?: string;
}

/** True when `arg` at `argv[i]` is an option that takes the next argument as its value (`--format json`, `-f json`). */
function takesNextValue(arg: string): boolean {
  if (!arg.startsWith('-') || arg.includes('=')) return false;
  const name = arg.startsWith('--') ? arg.slice(2) : arg.slice(1);
  const flag = LINT_FLAGS[name] ?? Object.values(LINT_FLAGS).find((f) => arg.length === 2 && f.alias === name);
  return !!flag && flag.type !== 'boolean';
}

/**
 * Reads the command word and `--` the way a user means them, before the argument parsers do:
 * - every argument after the first `--` is a path (`suricata-lint -- -odd.rules`), never an option or command;
 * - a word that names both a command and an existing file or folder (a `rules/` folder) is a path, and the
 *   first such word gets a note on stderr saying so (and how to reach the command: `--list-rules`);
 * - a command word that is not a path moves to the front, so its options may come before it (`-f json rules`).
 * `exists` is the file-system probe (the CLI passes fs.existsSync). Never throws.
 */
export function splitCommandLine(argv: readonly string[], exists: (path: string) => boolean): SplitCommandLine {
  const end = argv.indexOf('--');
  const before = end < 0 ? [...argv] : argv.slice(0, end);
  const paths = end < 0 ? [] : argv.slice(end + 1);
  const args: string[] = [];
  let note: string | undefined;
  let command: string | undefined;
  let firstPositional = true;
  for (let i = 0; i < before.length; i++) {
    const arg = before[i];
    if (arg.startsWith('-') && arg !== '-') {
      args.push(arg);
      if (takesNextValue(arg) && i + 1 < before.length) args.push(before[++i]);
      continue;
    }
    const first = firstPositional;
    firstPositional = false;
    if (!COMMAND_WORDS.has(arg)) {
      args.push(arg);
      continue;
    }
    if (exists(arg)) {
      paths.push(arg);
      if (first && arg !== 'help')
        note = `suricata-lint: note: '${arg}' is an existing path here, so it is linted as a path; ${arg === 'rules' ? "to list the lint rules, run 'suricata-lint --list-rules'" : "to explain a lint rule, run 'suricata-lint --explain ID'"}\n`;
      else if (first) note = `suricata-lint: note: 'help' is an existing path here, so it is linted as a path; for usage, run 'suricata-lint --help'\n`;
      continue;
    }
    if (first) command = arg;
    else args.push(arg);
  }
  return { args: command ? [command, ...args] : args, paths, ...(note ? { note } : {}) };
}
