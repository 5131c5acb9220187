import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_MIN_CHARS, parallelThreads, splitBySize } from '../../src/cli/lint-in-parallel.js';
import { BUILT, runCli } from '../cli-safety/run-cli.js';

const text = (n: number) => ({ text: 'x'.repeat(n) });

describe('splitBySize', () => {
  it('keeps input order in contiguous slices of about equal size, none empty', () => {
    const inputs = [10, 10, 10, 10, 10, 10].map(text);
    const slices = splitBySize(inputs, 2);
    expect(slices.map((s) => s.length)).toEqual([3, 3]);
    expect(slices.flat()).toEqual(inputs);
    expect(splitBySize([text(100), text(1), text(1)], 2).map((s) => s.length)).toEqual([1, 2]);
    expect(splitBySize([text(5)], 3)).toEqual([[text(5)]]);
    expect(splitBySize([text(1), text(1), text(1)], 3).map((s) => s.length)).toEqual([1, 1, 1]);
  });
});

describe('parallelThreads', () => {
  const big = [text(PARALLEL_MIN_CHARS / 2), text(PARALLEL_MIN_CHARS / 2)];
  it('stays on one thread for small runs, one file, or one core', () => {
    expect(parallelThreads([text(100), text(100)], 8)).toBe(1);
    expect(parallelThreads([text(PARALLEL_MIN_CHARS * 2)], 8)).toBe(1);
    expect(parallelThreads(big, 1)).toBe(1);
  });
  it('uses the cores for large runs of several files, at most one thread per file and four in all', () => {
    expect(parallelThreads(big, 2)).toBe(2);
    expect(parallelThreads(big, 16)).toBe(2);
    expect(parallelThreads([...big, ...big, ...big], 16)).toBe(4);
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
