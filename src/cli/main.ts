import { existsSync } from 'node:fs';
import { runLint, type Io } from './commands/lint.js';
import { splitCommandLine } from './command-line.js';
import { EXIT_USAGE } from './exit-codes.js';
import { oneLine } from '../formatters/safe-text.js';
import { parsePlainArgs } from './parse-plain-args.js';

function defaultIo(): Io {
  // A reader that goes away (`suricata-lint ... | head`) is not an error: stop writing, keep the exit code.
  let readerGone = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    readerGone = true;
  });
  return {
    stdout: (s) => void (readerGone || process.stdout.write(s)),
    // A pipe takes 64 KiB at a time: past that, wait for the reader instead of queueing the report in memory.
    stdoutDrained: () =>
      readerGone || !process.stdout.writableNeedDrain
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = () => {
              process.stdout.off('drain', done).off('close', done).off('error', done);
              resolve();
            };
            process.stdout.on('drain', done).on('close', done).on('error', done);
          }),
    stderr: (s) => void process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
    columns: process.stderr.columns,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    readStdinBytes: async (limit) => {
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const c of process.stdin) {
        chunks.push(c as Buffer);
        total += (c as Buffer).length;
        // Past the limit the input is refused anyway: stop reading instead of holding all of it.
        if (total > limit) {
          process.stdin.destroy();
          break;
        }
      }
      return Buffer.concat(chunks);
    },
  };
}

/**
 * The CLI: parses arguments, runs a command, returns the exit code. The only place that sets it.
 * A plain lint command line takes the fast path (node:util parseArgs); everything else (help, --version,
 * `rules`, `explain`, usage errors) loads yargs, which costs tens of milliseconds of start-up.
 * First, `--` and command words are read the way the user means them (command-line.ts): paths after `--`
 * and an existing path named like a command (a `rules/` folder) are paths, whichever parser runs.
 */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    return await runCommand(argv, io);
  } catch (e) {
    io.stderr(internalErrorLine(e));
    return EXIT_USAGE;
  }
}

/**
 * The one line an internal error prints (exit code 2, never 1, which means "problems found"): what failed,
 * and what to do. No stack trace: it would hold user data (rule text) and bury the message.
 */
export function internalErrorLine(e: unknown): string {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return `suricata-lint: internal error: ${oneLine(what).slice(0, 300)}; nothing was reported for this run (please report this with the command line and, if you can, the input)\n`;
}

async function runCommand(argv: string[], io: Io): Promise<number> {
  // `suricata-lint lsp [--stdio]` (as editors start it; read as the command even where an `lsp` folder exists): the
  // language server owns stdin/stdout and ends the process itself. Its modules and vscode-languageserver are a
  // separate chunk, loaded only here.
  if (argv[0] === 'lsp' && argv.slice(1).every((a) => a === '--stdio' || a.startsWith('--clientProcessId'))) {
    const { startLanguageServer } = await import('../lsp/server.js');
    startLanguageServer();
    return new Promise<number>(() => {});
  }
  const line = splitCommandLine(argv, existsSync);
  if (line.note) io.stderr(line.note);
  const plain = parsePlainArgs(line.args);
  if (plain) return runLint({ ...plain, paths: [...plain.paths, ...line.paths] }, io);
  const { runYargsCli } = await import('./yargs-cli.js');
  return runYargsCli(line.args, io, line.paths);
}
