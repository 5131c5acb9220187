/**
 * Adversarial inputs through the built CLI (issue 8): each gives a clear one-line error and exit
 * code 2 when the input cannot be read as text, and never a crash or a hang. The large fixtures
 * (50 MB line, 1,000,000 rules) run in scripts/adversarial-report.mjs, which also measures time and
 * peak memory (test/adversarial/REPORT.txt); ADVERSARIAL_LARGE=1 runs them here too.
 */
import { mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles } from '../../src/cli/collect-files.js';
import { nodeReadFs, readTextFile, type ReadFs } from '../../src/cli/read-text-file.js';
import { BUILT, runCli } from '../cli-safety/run-cli.js';
// @ts-expect-error plain JavaScript module shared with scripts/adversarial-report.mjs
import { FIXTURES } from './fixtures.mjs';

interface Fixture {
  name: string;
  large: boolean;
  build(dir: string): { args: string[]; cwd?: string; input?: Buffer; env?: NodeJS.ProcessEnv } | { skip: string };
  expect: { exit: number[]; stderr?: RegExp };
  check?(dir: string, r: { stdout: string; stderr: string }): string | undefined;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'suricata-lint-adversarial-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runLarge = !!process.env.ADVERSARIAL_LARGE;

describe.skipIf(!BUILT)('adversarial inputs through the CLI', () => {
  for (const f of FIXTURES as Fixture[]) {
    it.skipIf(f.large && !runLarge)(f.name, (ctx) => {
      const built = f.build(dir);
      if ('skip' in built) {
        console.log(`skipped "${f.name}": ${built.skip}`);
        ctx.skip();
        return;
      }
      const r = runCli(built.args, { cwd: built.cwd ?? dir, hangGuardMs: 110_000, input: built.input as unknown as string, env: built.env });
      expect(r.signal, `killed (hang guard): ${r.stderr}`).toBeNull();
      expect(r.stderr).not.toMatch(/Maximum call stack|RangeError|TypeError|at .*\.js:\d+/);
      expect(f.expect.exit).toContain(r.status);
      if (f.expect.stderr) expect(r.stderr).toMatch(f.expect.stderr);
      expect(f.check?.(dir, r)).toBeUndefined();
      if (r.status === 2) {
        // One line per unreadable input: "suricata-lint: <path>: <reason>".
        const lines = r.stderr.trim().split('\n');
        for (const l of lines) expect(l).toMatch(/^suricata-lint: [^:]+: \S.*$/);
      }
    });
  }
});

describe('a file that disappears mid-run', () => {
  it('deleted between collecting and reading: a one-line reason, no throw', async () => {
    const path = join(dir, 'vanishing.rules');
    writeFileSync(path, 'alert tcp any any -> any any (sid:1;)\n');
    const { files, missing } = await collectFiles([path]);
    expect(missing).toEqual([]);
    expect(files).toEqual([path]);
    unlinkSync(path); // the injected "hook": the file goes away after collection
    expect(readTextFile(path)).toEqual({ ok: false, reason: 'no such file (it may have been removed during the run)' });
  });

  it('deleted between stat and open (fake fs): a one-line reason, no throw', () => {
    const fs: ReadFs = { ...nodeReadFs, openSync: () => { throw Object.assign(new Error('gone'), { code: 'ENOENT' }); } };
    const path = join(dir, 'stat-then-gone.rules');
    writeFileSync(path, 'alert tcp any any -> any any (sid:1;)\n');
    expect(readTextFile(path, fs)).toEqual({ ok: false, reason: 'no such file (it may have been removed during the run)' });
  });

  it('an I/O error while reading (fake fs): a one-line reason, descriptor closed', () => {
    let closed = 0;
    const fs: ReadFs = {
      ...nodeReadFs,
      readSync: () => { throw Object.assign(new Error('bad sector'), { code: 'EIO' }); },
      closeSync: (fd) => { closed++; nodeReadFs.closeSync(fd); },
    };
    const path = join(dir, 'eio.rules');
    writeFileSync(path, 'alert tcp any any -> any any (sid:1;)\n');
    expect(readTextFile(path, fs)).toEqual({ ok: false, reason: 'input/output error' });
    expect(closed).toBe(1);
  });

  it('a file that grows while it is read is reported, not chased', () => {
    const path = join(dir, 'growing.rules');
    writeFileSync(path, 'alert tcp any any -> any any (sid:1;)\n');
    let grown = false;
    const fs: ReadFs = {
      ...nodeReadFs,
      readSync: (fd, b, o, l, p) => {
        if (!grown) {
          grown = true;
          writeFileSync(path, 'alert tcp any any -> any any (sid:1;)\n'.repeat(10));
        }
        return nodeReadFs.readSync(fd, b, o, l, p);
      },
    };
    expect(readTextFile(path, fs)).toEqual({ ok: false, reason: 'the file grew while it was being read (is something writing to it?); run again' });
  });

  it('a folder removed after collection start: reported by the collector, no throw', async () => {
    const sub = mkdtempSync(join(dir, 'gone-'));
    const result = await collectFiles([sub], ['rules'], {
      statSync: (p) => statSync(p),
      lstatSync: (p) => statSync(p),
      realpathSync: (p) => p,
      readdirSync: () => { throw Object.assign(new Error('gone'), { code: 'ENOENT' }); },
    });
    expect(result.files).toEqual([]);
    expect(result.missing[0]).toEqual({ path: sub, reason: 'folder no such file or directory' });
  });
});
