import yargs, { type Argv, type Options } from 'yargs';
import { explainRule, listRules, LIST_FORMATS, type ListFormat } from './commands/rules.js';
import { runLint, type Io } from './commands/lint.js';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { LINT_FLAGS, toLintArgs } from './lint-flags.js';
import { VERSION } from './version.js';

/** What the default command's folder search looks for (the same words in --help and action.yml). */
export const SEARCHED_FOR =
  'Folders are searched for *.rules files and for AWS rule group hosts: rule group JSON (CLI/API), CloudFormation (.json/.yaml/.yml) and Terraform (.tf) files that hold rule groups';

/**
 * The full command line, parsed by yargs: help, --version, the `rules` and `explain` commands, usage errors,
 * and every spelling yargs accepts (camelCase, --no-*...). main.ts loads it only when the start-up fast path
 * (parse-plain-args.ts) declines an argument list, since yargs alone costs tens of ms. `paths` are extra
 * paths main.ts already took out of the command line (after `--`, or existing paths named like a command).
 * Options that take values take one each (repeat the flag): `--rule a=off x.rules` lints x.rules.
 */
export async function runYargsCli(argv: string[], io: Io, paths: readonly string[] = []): Promise<number> {
  let code = EXIT_OK;
  // Set by .fail(): yargs (with exitProcess(false)) still runs the command after a validation error such as a bad choice.
  let usageError = false;
  const usage = (message: string) => {
    io.stderr(`suricata-lint: ${message}\nRun 'suricata-lint --help' for usage.\n`);
    usageError = true;
    code = EXIT_USAGE;
  };
  const explain = (id: string | undefined) => {
    if (!id) return usage("explain needs a lint rule id, e.g. 'suricata-lint explain tls-client-hello-gate'; 'suricata-lint rules' lists them");
    const text = explainRule(id);
    if (text) io.stdout(text);
    else {
      io.stderr(`suricata-lint: unknown rule id '${id}'; 'suricata-lint rules' lists them\n`);
      code = EXIT_USAGE;
    }
  };
  const listFormat = { alias: 'f', choices: LIST_FORMATS, default: 'text', describe: 'output format of the list' } as const;
  const parser = yargs(argv)
    .scriptName('suricata-lint')
    .parserConfiguration({ 'greedy-arrays': false })
    .usage(`$0 [paths..]  Lint Suricata rule files\n\n${SEARCHED_FOR}; a file named on the command line is always linted.`)
    .command(
      '$0 [paths..]',
      'lint (and optionally fix) rule files',
      (y) => {
        let withFlags: Argv = y.positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'files or folders (paths after -- are always paths)' });
        for (const [name, flag] of Object.entries(LINT_FLAGS)) withFlags = withFlags.option(name, { ...flag } as Options);
        return withFlags
          .option('list-rules', { type: 'boolean', describe: "list the lint rules (as the 'rules' command; works beside a folder named rules)" })
          .option('explain', { type: 'string', describe: "explain one lint rule (as the 'explain' command)" });
      },
      async (a) => {
        if (usageError) return;
        if (a['list-rules']) return void io.stdout(listRules(a.format === 'json' ? 'json' : 'text'));
        if (a.explain !== undefined) return explain(a.explain as string);
        code = await runLint(toLintArgs([...((a.paths as string[] | undefined) ?? []), ...paths], a), io);
      },
    )
    .command('rules', 'list the lint rules', (y) => y.option('format', listFormat), (a) => {
      if (usageError) return;
      io.stdout(listRules(a.format as ListFormat));
    })
    .command('explain [id]', 'explain one lint rule', (y) => y.positional('id', { type: 'string', describe: 'lint rule id' }), (a) => {
      if (usageError) return;
      explain(a.id);
    })
    .command(
      'test [files..]',
      'run policy tests (YAML: connections and expected verdicts) through the static simulator',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, default: [] as string[], describe: 'policy test files' })
          .option('format', { alias: 'f', choices: ['text', 'json', 'junit', 'markdown'], default: 'text', describe: 'output format' }),
      async (a) => {
        if (usageError) return;
        const { runPolicyTestCommand } = await import('./commands/test.js');
        code = await runPolicyTestCommand({ files: (a.files as string[] | undefined) ?? [], format: a.format as 'text' }, io);
      },
    )
    .command('lsp', 'start the language server on stdin/stdout (for editors; see docs/editors.md)', (y) => y.option('stdio', { type: 'boolean', describe: 'accepted for editors that pass it (stdio is the only transport)' }), async () => {
      // Reached with options main.ts does not take as the language server's: show them as an error.
      io.stderr("suricata-lint: lsp takes no options other than --stdio\n");
      code = EXIT_USAGE;
    })
    .version(VERSION)
    .strict()
    .help()
    .exitProcess(false)
    .fail((msg, err) => {
      if (!usageError) usage(msg ?? err?.message ?? 'invalid arguments');
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
