import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { writeOutputFile } from '../cli/write-file-safely.js';
import type { EngineMessage, EngineRuleResult, EngineRun } from './engine-result.js';
import { probeSuricata, runSuricata, type RunSuricataOptions } from './run-suricata.js';

export interface CheckRulesCachedOptions extends RunSuricataOptions {
  /** The cache file; see `defaultCacheFile`. */
  readonly cacheFile?: string;
  /** The engine binary's hash (default: `engineBinaryHash(suricataPath)`); part of every key. */
  readonly engineHash?: string;
  /** Most entries kept; the oldest go first. 50,000 by default. */
  readonly maxEntries?: number;
  /** Called before each Suricata run: `round` of `rounds` (1-based), with `rules` rules to check. */
  readonly onRun?: (round: number, rounds: number, rules: number) => void;
  /** For tests: replaces the engine. */
  readonly engine?: {
    readonly probe: () => Promise<{ version: { text: string } } | { run: EngineRun }>;
    readonly run: (rulesText: string, opts: RunSuricataOptions) => Promise<EngineRun>;
  };
}

interface CacheEntry {
  readonly verdict: EngineRuleResult['verdict'];
  readonly messages: readonly EngineMessage[];
  readonly analysis?: unknown;
}

/** Format 2: keys include the engine binary's hash, and rules reach the engine neutralised (neutralise-file-options). */
const CACHE_FORMAT = 2;

interface CacheFile {
  readonly format: typeof CACHE_FORMAT;
  entries: Record<string, CacheEntry>;
}

/**
 * The cache lives outside any checkout, so a pull request cannot plant verdicts in it:
 * `$XDG_CACHE_HOME/suricata-lint/engine.json` when XDG_CACHE_HOME is an absolute path (the XDG Base
 * Directory rule: a relative one is ignored), else `~/.cache/suricata-lint/engine.json`.
 */
export function defaultCacheFile(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'suricata-lint', 'engine.json');
  return join(home, '.cache', 'suricata-lint', 'engine.json');
}

/** The cache key of one rule: the engine (binary hash and version), the settings that change verdicts, and the rule text. */
export function verdictKey(engine: string, ruleText: string, opts: Pick<RunSuricataOptions, 'variables' | 'analysis'>): string {
  const config = JSON.stringify({ variables: [...(opts.variables ?? [])].sort((a, b) => `${a.kind}:${a.name}`.localeCompare(`${b.kind}:${b.name}`)), analysis: !!opts.analysis });
  return createHash('sha256').update(`${engine}\u0000${config}\u0000${ruleText}`).digest('hex');
}

/**
 * SHA-256 of the engine program's bytes (the file `suricataPath` names, or finds on PATH), so a rebuilt or
 * replaced binary of the same version string never reuses verdicts. For a wrapper script (such as
 * `suricata8`) it is the script's hash. `unknown` when the file cannot be read.
 */
export function engineBinaryHash(suricataPath = 'suricata', env: NodeJS.ProcessEnv = process.env): string {
  const candidates = suricataPath.includes('/') ? [suricataPath] : (env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, suricataPath));
  for (const file of candidates) {
    let fd: number | undefined;
    try {
      fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      const st = fstatSync(fd);
      if (!st.isFile()) continue;
      const hash = createHash('sha256');
      const buf = Buffer.allocUnsafe(1 << 20);
      for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) hash.update(buf.subarray(0, n));
      return hash.digest('hex');
    } catch {
      /* not here */
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  return 'unknown';
}

const VERDICTS = new Set<string>(['accepted', 'rejected', 'skipped']);

/** An entry as written by this version, or undefined (a forged or damaged entry is a cache miss). */
function validEntry(e: unknown): CacheEntry | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { verdict, messages } = e as Record<string, unknown>;
  if (typeof verdict !== 'string' || !VERDICTS.has(verdict) || !Array.isArray(messages)) return undefined;
  const ok = messages.every((m) => typeof m === 'object' && m !== null && (m.level === 'error' || m.level === 'warning') && typeof m.text === 'string' && typeof m.raw === 'string');
  return ok ? (e as CacheEntry) : undefined;
}

/**
 * Reads the cache when it is a regular file owned by this user and writable by no one else (else it
 * could have been planted or changed by another account), in this format. Anything else: empty.
 */
function loadCache(file: string): CacheFile {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    const uid = process.geteuid?.();
    if (!st.isFile() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) return { format: CACHE_FORMAT, entries: {} };
    const data = JSON.parse(readFileSync(fd, 'utf8')) as Partial<CacheFile>;
    if (data.format === CACHE_FORMAT && data.entries && typeof data.entries === 'object') return { format: CACHE_FORMAT, entries: data.entries };
  } catch {
    // Missing or unreadable cache: start empty.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return { format: CACHE_FORMAT, entries: {} };
}

function saveCache(file: string, cache: CacheFile, maxEntries: number): void {
  const keys = Object.keys(cache.entries);
  const entries = keys.length > maxEntries ? Object.fromEntries(keys.slice(keys.length - maxEntries).map((k) => [k, cache.entries[k]])) : cache.entries;
  // Through the one safe writer: random O_EXCL temporary name, no symlink followed, atomic rename; always
  // 0600 and this user's, whatever an earlier file was.
  writeOutputFile(file, JSON.stringify({ format: CACHE_FORMAT, entries }), { mode: 0o600, makeFolders: true, fresh: true });
}

const SID = /(?:^|[;(])\s*sid\s*:\s*(?:"\s*)?(\d+)/i;

/**
 * Splits rules (indexes into `texts`) into groups in which no two rules share a sid, keeping the order:
 * Suricata rejects the second rule of a sid as a duplicate, which would be cached as that rule's verdict.
 * Usually one group; rules from different rule groups (files) may well share sids.
 */
export function roundsWithUniqueSids(texts: readonly string[]): number[][] {
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  texts.forEach((text, i) => {
    const sid = SID.exec(text)?.[1];
    // The n-th rule of a sid goes to round n; rules without a sid to the first.
    const r = sid === undefined ? 0 : (seen.get(sid) ?? 0);
    if (sid !== undefined) seen.set(sid, r + 1);
    (rounds[r] ??= []).push(i);
  });
  return rounds;
}

/**
 * Like `runSuricata`, for single rules (each `text` one statement, `line` where the caller wants it reported),
 * but remembers each rule's verdict on disk: only rules not seen before with this Suricata version and these
 * settings go to Suricata, all in one file (one file per round when rules share a sid: see `roundsWithUniqueSids`).
 * A verdict that depends on other rules (a duplicate `sid`) is not seen, since rules are checked apart. A cache that cannot be written is ignored.
 */
export async function checkRulesCached(rules: readonly { line: number; text: string }[], opts: CheckRulesCachedOptions = {}): Promise<EngineRun> {
  const engine = opts.engine ?? { probe: () => probeSuricata(opts.suricataPath), run: runSuricata };
  const probed = await engine.probe();
  if ('run' in probed) return probed.run;
  const version = probed.version.text;
  const file = opts.cacheFile ?? defaultCacheFile();
  const cache = loadCache(file);
  const engineId = `${version}\u0000${opts.engineHash ?? engineBinaryHash(opts.suricataPath)}`;

  const keys = rules.map((r) => verdictKey(engineId, r.text, opts));
  const misses: number[] = [];
  const missing = new Set<string>();
  keys.forEach((key, i) => {
    if (validEntry(cache.entries[key]) || missing.has(key)) return;
    delete cache.entries[key];
    missing.add(key);
    misses.push(i);
  });

  let general: EngineMessage[] = [];
  if (misses.length > 0) {
    const rounds = roundsWithUniqueSids(misses.map((i) => rules[i].text));
    for (const [r, round] of rounds.entries()) {
      opts.onRun?.(r + 1, rounds.length, round.length);
      // One statement per line; a statement's own line breaks (continuations) shift the ones after it.
      const lineOf = new Map<number, number>();
      let next = 1;
      const parts: string[] = [];
      for (const j of round) {
        const i = misses[j];
        const text = rules[i].text.replace(/\r?\n$/, '');
        lineOf.set(next, i);
        parts.push(text);
        next += text.split('\n').length;
      }
      const run = await engine.run(`${parts.join('\n')}\n`, opts);
      if (run.status !== 'ok') return { ...run, version: run.version ?? version };
      general = [...general, ...(run.general ?? [])];
      for (const result of run.results) {
        const i = lineOf.get(result.line);
        if (i === undefined) continue;
        const analysis = run.analysis?.[result.line];
        cache.entries[keys[i]] = { verdict: result.verdict, messages: result.messages, ...(analysis !== undefined ? { analysis } : {}) };
      }
    }
    try {
      saveCache(file, cache, opts.maxEntries ?? 50_000);
    } catch {
      /* a cache that cannot be written is ignored */
    }
  }

  const results: EngineRuleResult[] = [];
  const analysis: Record<number, unknown> = {};
  rules.forEach((rule, i) => {
    const entry = cache.entries[keys[i]];
    if (!entry) return;
    results.push({ line: rule.line, verdict: entry.verdict, messages: entry.messages });
    if (entry.analysis !== undefined) analysis[rule.line] = entry.analysis;
  });
  return { status: 'ok', version, results, general, ...(opts.analysis ? { analysis } : {}) };
}
