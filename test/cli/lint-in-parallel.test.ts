import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_MIN_CHARS, cappedThreads, lintInputsInParallel, parallelThreads } from '../../src/cli/lint-in-parallel.js';
import { lintText } from '../../src/linter/linter.js';
import { BUILT, runCli } from '../cli-safety/run-cli.js';

const text = (n: number) => ({ text: 'x'.repeat(n) });

describe('parallelThreads', () => {
  const big = [text(PARALLEL_MIN_CHARS / 2), text(PARALLEL_MIN_CHARS / 2)];
  it('stays on one thread for small runs, one file, or fewer than four logical CPUs', () => {
    expect(parallelThreads([text(100), text(100)], 8)).toBe(1);
    expect(parallelThreads([text(PARALLEL_MIN_CHARS * 2)], 8)).toBe(1);
    expect(parallelThreads(big, 1)).toBe(1);
    expect(parallelThreads(big, 2)).toBe(1);
    expect(parallelThreads(big, 3)).toBe(1);
  });
  it('uses one thread per two logical CPUs for large runs, at most one per file and four in all', () => {
    expect(parallelThreads(big, 4)).toBe(2);
    expect(parallelThreads(big, 16)).toBe(2);
    expect(parallelThreads([...big, ...big], 6)).toBe(3);
    expect(parallelThreads([...big, ...big, ...big], 16)).toBe(4);
  });
});

describe('cappedThreads (--threads)', () => {
  it('is never above the logical CPU count, never below 1 (issue 17 item 12)', () => {
    expect(cappedThreads(64, 2)).toBe(2);
    expect(cappedThreads(2, 8)).toBe(2);
    expect(cappedThreads(0, 8)).toBe(1);
    expect(cappedThreads(3.7, 8)).toBe(3);
  });
});

describe.skipIf(!BUILT)('lintInputsInParallel', () => {
  it('returns every input\'s findings in input order, whichever thread linted it', async () => {
    const worker = new URL('../../dist/cli/lint-worker.js', import.meta.url);
    const inputs = Array.from({ length: 40 }, (_, i) => ({ path: `f${i}.rules`, text: `alert tcp any any -> any ${i} (msg:"m"; sid:${i};)\n${i % 3 ? 'drop tls any any -> any any (sid:99;)\n' : ''}`, options: { profile: 'suricata' as const } }));
    const expected = inputs.map((i) => lintText(i.text, i.options));
    // The main thread is slowed down so that the workers (which start in a fraction of a second) claim inputs too.
    const slowLint = (_p: string, t: string, o: object) => {
      const until = Date.now() + 25;
      while (Date.now() < until);
      return lintText(t, o);
    };
    const got = await lintInputsInParallel(inputs, slowLint, worker, 3);
    expect(got).toEqual(expected);
    expect(got.some((d) => d.length > 0)).toBe(true);
  });
});

describe.skipIf(!BUILT)('CLI --threads', () => {
  it('prints byte-identical output (order, exit code) on 1 and 3 threads for a folder of rule files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'suricata-lint-threads-'));
    const samples = new URL('../../rules-samples/', import.meta.url);
    const rules = readdirSync(samples).filter((n) => n.endsWith('.rules')).flatMap((n) => readFileSync(new URL(n, samples), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')));
    for (let i = 0; i < 9; i++) writeFileSync(join(dir, `group-${i}.rules`), `${rules.slice(i * 3, i * 3 + 5).join('\n')}\n`);
    for (const format of ['text', 'json']) {
      const one = runCli(['--threads', '1', '--format', format, '--profile', 'suricata', dir]);
      const three = runCli(['--threads', '3', '--format', format, '--profile', 'suricata', dir]);
      expect(one.stdout.length).toBeGreaterThan(0);
      expect(three.stdout).toBe(one.stdout);
      expect(three.status).toBe(one.status);
      expect(three.stderr).toBe(one.stderr);
    }
  });
});
