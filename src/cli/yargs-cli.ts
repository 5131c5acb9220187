import yargs, { type Argv, type Options } from 'yargs';
import { explainRule, listRules } from './commands/rules.js';
import { runLint, type Io } from './commands/lint.js';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { LINT_FLAGS, toLintArgs } from './lint-flags.js';
import { VERSION } from './version.js';

/**
 * The full command line, parsed by yargs: help, --version, the `rules` and `explain` commands, usage errors,
 * and every spelling yargs accepts (camelCase, --no-*, greedy arrays...). main.ts loads it only when the
 * start-up fast path (parse-plain-args.ts) declines an argument list, since yargs alone costs tens of ms.
 */
export async function runYargsCli(argv: string[], io: Io): Promise<number> {
  let code = EXIT_OK;
  // Set by .fail(): yargs (with exitProcess(false)) still runs the command after a validation error such as a bad choice.
  let usageError = false;
  const parser = yargs(argv)
    .scriptName('suricata-lint')
    .usage('$0 [paths..]  Lint Suricata rule files (folders are searched for *.rules)')
    .command(
      '$0 [paths..]',
      'lint (and optionally fix) rule files',
      (y) => {
        let withFlags: Argv = y.positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'files or folders' });
        for (const [name, flag] of Object.entries(LINT_FLAGS)) withFlags = withFlags.option(name, { ...flag } as Options);
        return withFlags;
      },
      async (a) => {
        if (usageError) return;
        code = await runLint(toLintArgs((a.paths as string[] | undefined) ?? [], a), io);
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
