import { FORMAT_NAMES } from '../formatters/load-formatter.js';
import type { LintArgs } from './commands/lint.js';
import { lookupTable } from '../catalog/lookup-table.js';
import { ALL_PROFILE_NAMES } from '../dialects/dialect.js';

/** One option of the lint command, in yargs' own terms (yargs builds help and errors from it). */
export interface LintFlag {
  readonly alias?: string;
  readonly type?: 'string' | 'boolean' | 'number';
  readonly array?: true;
  readonly default?: string | boolean | readonly string[];
  readonly choices?: readonly (string | number)[];
  readonly describe: string;
}

/**
 * The lint command's options, in help order. The one definition both argument parsers read: yargs (help,
 * `rules`, `explain`, anything unusual) and the start-up fast path for plain invocations (parse-plain-args.ts).
 */
export const LINT_FLAGS: Readonly<Record<string, LintFlag>> = lookupTable({
  format: { alias: 'f', type: 'string', default: 'text', describe: `output format: ${FORMAT_NAMES.join(', ')}` },
  fix: { type: 'boolean', default: false, describe: 'apply safe fixes in place' },
  diff: { type: 'boolean', default: false, describe: 'print the fixes as a unified diff; write nothing' },
  'unsafe-fixes': { type: 'boolean', default: false, describe: 'also apply unsafe fixes' },
  profile: {
    choices: ALL_PROFILE_NAMES,
    describe:
      'rule set and severities (default aws-nfw; a .rules file holding firewall-mode rules is read with aws-nfw-firewall, or suricata-firewall under suricata, and the report says so)',
  },
  'rule-order': { choices: ['strict', 'action'], describe: 'stateful rule order of the rule group (default strict; AWS rule group files say their own)' },
  inline: { type: 'boolean', describe: 'the rules run inline (IPS, default for aws-nfw) or, with --no-inline, passively (IDS, default for suricata)' },
  'suricata-version': { choices: [7, 8], describe: 'target Suricata major version (default 7)' },
  config: { alias: 'c', type: 'string', describe: 'config file to use instead of looking for suricata-lint.config.json next to each file' },
  rule: { type: 'string', array: true, default: [], describe: 'set a rule severity: ID=off|info|warning|error (one per flag; repeat it for more)' },
  'max-warnings': { type: 'number', describe: 'exit 1 when there are more warnings than this' },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'report errors only' },
  'output-file': { alias: 'o', type: 'string', describe: 'write the report to a file' },
  stdin: { type: 'boolean', default: false, describe: 'read the rules text from standard input' },
  'stdin-filename': { type: 'string', describe: 'file name to report for --stdin' },
  'repo-url': { type: 'string', describe: 'repository web URL, for links in markdown/SARIF (e.g. https://github.com/o/r)' },
  sha: { type: 'string', describe: 'commit SHA the links point to (with --repo-url)' },
  color: { type: 'boolean', describe: 'force colours on or off (default: on for a terminal, honours NO_COLOR/FORCE_COLOR)' },
  engine: { choices: ['suricata'], describe: 'also load every rule into the real Suricata and report its errors (engine-error) and warnings (engine-warning)' },
  threads: { type: 'number', describe: 'threads for linting many files: 1 = one thread (default: worker threads when the inputs are large and there are several cores)' },
  baseline: { type: 'string', describe: 'baseline file: findings it lists are accepted and not reported (only new findings fail the run); stale entries are named' },
  'write-baseline': { type: 'boolean', default: false, describe: "write the --baseline file from this run's findings (then they are all accepted)" },
  'changed-lines-only': { type: 'string', describe: 'report only findings on lines that differ from this git ref (e.g. origin/main), for pull-request runs' },
  'engine-path': { type: 'string', describe: 'the Suricata binary for --engine (default: suricata on PATH); implies --engine suricata' },
});

/** The command names besides the default (lint) command: a first positional naming one is not a path. */
export const SUBCOMMANDS: readonly string[] = ['rules', 'explain', 'lsp', 'test'];

/** Parsed option values (by long name, defaults applied) and paths → the lint command's arguments. */
export function toLintArgs(paths: readonly string[], a: Readonly<Record<string, unknown>>): LintArgs {
  const sv = a['suricata-version'];
  return {
    paths: [...paths],
    format: a.format as string,
    fix: a.fix as boolean,
    diff: a.diff as boolean,
    unsafeFixes: a['unsafe-fixes'] as boolean,
    profile: a.profile as LintArgs['profile'],
    ruleOrder: a['rule-order'] as LintArgs['ruleOrder'],
    suricataVersion: sv === undefined ? undefined : (Number(sv) as 7 | 8),
    inline: a.inline as boolean | undefined,
    config: a.config as string | undefined,
    rule: a.rule as string[],
    maxWarnings: a['max-warnings'] as number | undefined,
    threads: a.threads as number | undefined,
    quiet: a.quiet as boolean,
    outputFile: a['output-file'] as string | undefined,
    stdin: a.stdin as boolean,
    stdinFilename: a['stdin-filename'] as string | undefined,
    color: a.color as boolean | undefined,
    repoUrl: a['repo-url'] as string | undefined,
    sha: a.sha as string | undefined,
    engine: a.engine as LintArgs['engine'],
    enginePath: a['engine-path'] as string | undefined,
    baseline: a.baseline as string | undefined,
    writeBaseline: a['write-baseline'] as boolean,
    changedLinesOnly: a['changed-lines-only'] as string | undefined,
  };
}
