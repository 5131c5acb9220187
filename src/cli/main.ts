import yargs from 'yargs';
import { FORMATTERS } from '../formatters/index.js';
import { explainRule, listRules } from './commands/rules.js';
import { runLint, type Io, type LintArgs } from './commands/lint.js';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { VERSION } from './version.js';

function defaultIo(): Io {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
    columns: process.stderr.columns,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** The CLI: parses arguments, runs a command, returns the exit code. The only place that sets it. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let code = EXIT_OK;
  // Set by .fail(): yargs (with exitProcess(false)) still runs the command after a validation error such as a bad choice.
  let usageError = false;
  const parser = yargs(argv)
    .scriptName('suricata-lint')
    .usage('$0 [paths..]  Lint Suricata rule files (folders are searched for *.rules)')
    .command(
      '$0 [paths..]',
      'lint (and optionally fix) rule files',
      (y) =>
        y
          .positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'files or folders' })
          .option('format', { alias: 'f', type: 'string', default: 'text', describe: `output format: ${Object.keys(FORMATTERS).join(', ')}` })
          .option('fix', { type: 'boolean', default: false, describe: 'apply safe fixes in place' })
          .option('diff', { type: 'boolean', default: false, describe: 'print the fixes as a unified diff; write nothing' })
          .option('unsafe-fixes', { type: 'boolean', default: false, describe: 'also apply unsafe fixes' })
          .option('profile', { choices: ['aws-nfw', 'suricata'] as const, describe: 'rule set and severities (default aws-nfw)' })
          .option('rule-order', { choices: ['strict', 'action'] as const, describe: 'stateful rule order of the rule group (default strict; AWS rule group files say their own)' })
          .option('suricata-version', { choices: [7, 8] as const, describe: 'target Suricata major version (default 7)' })
          .option('config', { alias: 'c', type: 'string', describe: 'config file to use instead of looking for suricata-lint.config.json next to each file' })
          .option('rule', { type: 'string', array: true, default: [] as string[], describe: 'set a rule severity: ID=off|info|warning|error' })
          .option('max-warnings', { type: 'number', describe: 'exit 1 when there are more warnings than this' })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'report errors only' })
          .option('output-file', { alias: 'o', type: 'string', describe: 'write the report to a file' })
          .option('stdin', { type: 'boolean', default: false, describe: 'read the rules text from standard input' })
          .option('stdin-filename', { type: 'string', describe: 'file name to report for --stdin' })
          .option('repo-url', { type: 'string', describe: 'repository web URL, for links in markdown/SARIF (e.g. https://github.com/o/r)' })
          .option('sha', { type: 'string', describe: 'commit SHA the links point to (with --repo-url)' })
          .option('color', { type: 'boolean', describe: 'force colours on or off (default: on for a terminal, honours NO_COLOR/FORCE_COLOR)' })
          .option('engine', { choices: ['suricata'] as const, describe: 'also load every rule into the real Suricata and report its errors (engine-error) and warnings (engine-warning)' })
          .option('engine-path', { type: 'string', describe: 'the Suricata binary for --engine (default: suricata on PATH); implies --engine suricata' }),
      async (a) => {
        if (usageError) return;
        code = await runLint(
          {
            paths: (a.paths as string[]) ?? [],
            format: a.format,
            fix: a.fix,
            diff: a.diff,
            unsafeFixes: a['unsafe-fixes'],
            profile: a.profile,
            ruleOrder: a['rule-order'],
            suricataVersion: a['suricata-version'] === undefined ? undefined : (Number(a['suricata-version']) as 7 | 8),
            config: a.config,
            rule: a.rule,
            maxWarnings: a['max-warnings'],
            quiet: a.quiet,
            outputFile: a['output-file'],
            stdin: a.stdin,
            stdinFilename: a['stdin-filename'],
            color: a.color,
            repoUrl: a['repo-url'],
            sha: a.sha,
            engine: a.engine,
            enginePath: a['engine-path'],
          } satisfies LintArgs,
          io,
        );
      },
    )
    .command('rules', 'list the lint rules', {}, () => {
      io.stdout(listRules());
    })
    .command('explain <id>', 'explain one lint rule', (y) => y.positional('id', { type: 'string', demandOption: true }), (a) => {
      const text = explainRule(a.id);
      if (text) io.stdout(text);
      else {
        io.stderr(`suricata-lint: unknown rule id '${a.id}'; 'suricata-lint rules' lists them\n`);
        code = EXIT_USAGE;
      }
    })
    .version(VERSION)
    .strict()
    .help()
    .exitProcess(false)
    .fail((msg, err) => {
      io.stderr(`suricata-lint: ${msg ?? err?.message}\nRun 'suricata-lint --help' for usage.\n`);
      usageError = true;
      code = EXIT_USAGE;
    })
    .wrap(Math.min(110, process.stdout.columns ?? 100));
  try {
    await parser.parseAsync();
  } catch (e) {
    io.stderr(`suricata-lint: ${(e as Error).message}\n`);
    return EXIT_USAGE;
  }
  return usageError ? EXIT_USAGE : code;
}
