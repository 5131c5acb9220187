/** Runs the built CLI (bin/suricata-lint.js → dist/) as a child process, without a shell. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/suricata-lint.js', import.meta.url));
/** `npm test` builds first; when run alone without a build, the CLI tests are skipped. */
export const BUILT = existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)));

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; hangGuardMs?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    // Only a guard against a hang (the test then fails on status === null), not a timing assertion.
    timeout: opts.hangGuardMs ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
