import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineRun } from '../../src/engine/engine-result.js';
import { checkRulesCached, defaultCacheFile, engineBinaryHash, roundsWithUniqueSids, verdictKey } from '../../src/engine/verdict-cache.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fake engine that rejects rules containing "bad" and records what it was sent. */
function fakeEngine(version = '7.0.10') {
  const sent: string[] = [];
  return {
    sent,
    probe: async () => ({ version: { text: version } }),
    run: async (text: string): Promise<EngineRun> => {
      sent.push(text);
      const lines = text.split('\n');
      const results = lines.flatMap((l, i) => (l ? [{ line: i + 1, verdict: l.includes('bad') ? ('rejected' as const) : ('accepted' as const), messages: [] }] : []));
      return { status: 'ok', version, results };
    },
  };
}

function cacheFile(): string {
  const d = mkdtempSync(join(tmpdir(), 'sl-cache-'));
  dirs.push(d);
  return join(d, 'sub', 'engine.json');
}

describe('checkRulesCached', () => {
  it('sends only unknown rules to the engine and merges cached verdicts by the caller\'s lines', async () => {
    const file = cacheFile();
    const engine = fakeEngine();
    const first = await checkRulesCached([{ line: 3, text: 'alert ok 1' }, { line: 9, text: 'alert bad 2' }], { cacheFile: file, engine });
    expect(first.results.map((r) => [r.line, r.verdict])).toEqual([[3, 'accepted'], [9, 'rejected']]);
    const second = await checkRulesCached([{ line: 1, text: 'alert bad 2' }, { line: 2, text: 'alert ok 3' }, { line: 5, text: 'alert ok 1' }], { cacheFile: file, engine });
    expect(second.results.map((r) => [r.line, r.verdict])).toEqual([[1, 'rejected'], [2, 'accepted'], [5, 'accepted']]);
    expect(engine.sent).toEqual(['alert ok 1\nalert bad 2\n', 'alert ok 3\n']);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries)).toHaveLength(3);
  });

  it('does not run the engine when every rule is cached, and sends a repeated rule once', async () => {
    const file = cacheFile();
    const engine = fakeEngine();
    await checkRulesCached([{ line: 1, text: 'a' }, { line: 2, text: 'a' }], { cacheFile: file, engine });
    const again = await checkRulesCached([{ line: 7, text: 'a' }], { cacheFile: file, engine });
    expect(engine.sent).toEqual(['a\n']);
    expect(again).toMatchObject({ status: 'ok', version: '7.0.10', results: [{ line: 7, verdict: 'accepted' }] });
  });

  it('re-checks rules when the Suricata version changes', async () => {
    const file = cacheFile();
    await checkRulesCached([{ line: 1, text: 'a' }], { cacheFile: file, engine: fakeEngine('7.0.10') });
    const newer = fakeEngine('7.0.11');
    await checkRulesCached([{ line: 1, text: 'a' }], { cacheFile: file, engine: newer });
    expect(newer.sent).toHaveLength(1);
  });

  it('maps lines back when a rule spans several lines', async () => {
    const engine = fakeEngine();
    const run = await checkRulesCached([{ line: 10, text: 'x \\\nbad' }, { line: 20, text: 'ok' }], { cacheFile: cacheFile(), engine });
    expect(engine.sent).toEqual(['x \\\nbad\nok\n']);
    expect(run.results.map((r) => r.line)).toEqual([10, 20]);
  });

  it('passes on an engine that cannot be used', async () => {
    const missing: EngineRun = { status: 'missing', message: 'Suricata was not found on PATH', results: [] };
    const run = await checkRulesCached([{ line: 1, text: 'a' }], { cacheFile: cacheFile(), engine: { probe: async () => ({ run: missing }), run: async () => missing } });
    expect(run).toEqual(missing);
  });

  it('survives a corrupt cache file', async () => {
    const file = cacheFile();
    const engine = fakeEngine();
    await checkRulesCached([{ line: 1, text: 'a' }], { cacheFile: file, engine });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, '{not json');
    const run = await checkRulesCached([{ line: 1, text: 'a' }], { cacheFile: file, engine });
    expect(run.results).toHaveLength(1);
  });
});

describe('verdictKey and defaultCacheFile', () => {
  it('keys on version, settings and text', () => {
    const k = verdictKey('7.0.10', 'alert', {});
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(verdictKey('7.0.11', 'alert', {})).not.toBe(k);
    expect(verdictKey('7.0.10', 'alert ', {})).not.toBe(k);
    expect(verdictKey('7.0.10', 'alert', { analysis: true })).not.toBe(k);
    expect(verdictKey('7.0.10', 'alert', { variables: [{ name: 'HOME_NET', kind: 'address', value: 'any' }] })).not.toBe(k);
  });

  it('lives outside the checkout: XDG_CACHE_HOME when absolute, else ~/.cache (never node_modules/.cache under the current folder)', () => {
    expect(defaultCacheFile({ XDG_CACHE_HOME: '/c' }, '/home/u')).toBe(join('/c', 'suricata-lint', 'engine.json'));
    expect(defaultCacheFile({ XDG_CACHE_HOME: 'relative/cache' }, '/home/u')).toBe(join('/home/u', '.cache', 'suricata-lint', 'engine.json'));
    expect(defaultCacheFile({}, '/home/u')).toBe(join('/home/u', '.cache', 'suricata-lint', 'engine.json'));
  });
});

describe('roundsWithUniqueSids', () => {
  it('puts the n-th rule of each sid in round n, keeping the order; rules without a sid go first', () => {
    const texts = ['a (sid:1;)', 'b (sid:2;)', 'c (sid: 1;)', 'd (msg:"x";)', 'e (sid:"1";)', 'f (sid:2;)'];
    expect(roundsWithUniqueSids(texts)).toEqual([[0, 1, 3], [2, 5], [4]]);
    expect(roundsWithUniqueSids([])).toEqual([]);
  });

  it('checkRulesCached sends rules sharing a sid in separate runs, so neither is judged a duplicate', async () => {
    const engine = fakeEngine();
    const seen: [number, number, number][] = [];
    await checkRulesCached([{ line: 1, text: 'alert x (sid:1;)' }, { line: 2, text: 'alert y (sid:1;)' }, { line: 3, text: 'alert z (sid:2;)' }], {
      cacheFile: cacheFile(),
      engine,
      onRun: (round, rounds, rules) => seen.push([round, rounds, rules]),
    });
    expect(engine.sent).toEqual(['alert x (sid:1;)\nalert z (sid:2;)\n', 'alert y (sid:1;)\n']);
    expect(seen).toEqual([[1, 2, 2], [2, 2, 1]]);
  });
});

describe('the verdict cache is not trusted beyond what this user wrote (issue 17 item 11)', () => {
  const rule = [{ line: 1, text: 'alert bad 1' }];

  it('is created 0600 in a 0700 folder', async () => {
    const file = cacheFile();
    await checkRulesCached(rule, { cacheFile: file, engine: fakeEngine(), engineHash: 'h' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
  });

  it('a forged entry ("verdict":"ok", or malformed messages) is a miss: the engine decides again', async () => {
    const file = cacheFile();
    const engine = fakeEngine();
    await checkRulesCached(rule, { cacheFile: file, engine, engineHash: 'h' });
    const data = JSON.parse(readFileSync(file, 'utf8'));
    for (const key of Object.keys(data.entries)) data.entries[key] = { verdict: 'ok', messages: [] };
    writeFileSync(file, JSON.stringify(data));
    chmodSync(file, 0o600);
    const run = await checkRulesCached(rule, { cacheFile: file, engine, engineHash: 'h' });
    expect(run.results[0].verdict).toBe('rejected');
    expect(engine.sent).toHaveLength(2);
  });

  it('a cache file writable by others, or a symlink, is ignored and replaced by a 0600 file of this user', async () => {
    const file = cacheFile();
    const engine = fakeEngine();
    await checkRulesCached(rule, { cacheFile: file, engine, engineHash: 'h' });
    chmodSync(file, 0o666);
    await checkRulesCached(rule, { cacheFile: file, engine, engineHash: 'h' });
    expect(engine.sent).toHaveLength(2);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const planted = cacheFile();
    mkdirSync(join(planted, '..'), { recursive: true });
    writeFileSync(`${planted}.target`, JSON.stringify({ format: 2, entries: {} }));
    symlinkSync(`${planted}.target`, planted);
    await checkRulesCached(rule, { cacheFile: planted, engine, engineHash: 'h' });
    expect(readFileSync(`${planted}.target`, 'utf8')).toBe(JSON.stringify({ format: 2, entries: {} }));
  });

  it('keys on the engine binary: another binary of the same version does not reuse verdicts', async () => {
    const file = cacheFile();
    const engine = fakeEngine();
    await checkRulesCached(rule, { cacheFile: file, engine, engineHash: 'binary-a' });
    await checkRulesCached(rule, { cacheFile: file, engine, engineHash: 'binary-b' });
    expect(engine.sent).toHaveLength(2);
    await checkRulesCached(rule, { cacheFile: file, engine, engineHash: 'binary-a' });
    expect(engine.sent).toHaveLength(2);
  });

  it('engineBinaryHash hashes the program found on PATH, or says unknown', () => {
    expect(engineBinaryHash('node', { PATH: join(process.execPath, '..') })).toMatch(/^[0-9a-f]{64}$/);
    expect(engineBinaryHash('/nonexistent/suricata')).toBe('unknown');
  });
});
