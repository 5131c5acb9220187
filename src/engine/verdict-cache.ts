import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeOutputFile } from '../cli/write-file-safely.js';
import type { EngineMessage, EngineRuleResult, EngineRun } from './engine-result.js';
import { probeSuricata, runSuricata, type RunSuricataOptions } from './run-suricata.js';

export interface CheckRulesCachedOptions extends RunSuricataOptions {
  /** The cache file; see `defaultCacheFile`. */
  readonly cacheFile?: string;
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

interface CacheFile {
  readonly format: 1;
  entries: Record<string, CacheEntry>;
}

/**
 * `$XDG_CACHE_HOME/suricata-lint/engine.json` when XDG_CACHE_HOME is set, else
 * `node_modules/.cache/suricata-lint/engine.json` under `cwd` when node_modules exists there,
 * else `~/.cache/suricata-lint/engine.json`.
 */
export function defaultCacheFile(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'suricata-lint', 'engine.json');
  if (existsSync(join(cwd, 'node_modules'))) return join(cwd, 'node_modules', '.cache', 'suricata-lint', 'engine.json');
  return join(homedir(), '.cache', 'suricata-lint', 'engine.json');
}

/** The cache key of one rule: Suricata's version, the settings that change verdicts, and the rule text. */
export function verdictKey(version: string, ruleText: string, opts: Pick<RunSuricataOptions, 'variables' | 'analysis'>): string {
  const config = JSON.stringify({ variables: [...(opts.variables ?? [])].sort((a, b) => `${a.kind}:${a.name}`.localeCompare(`${b.kind}:${b.name}`)), analysis: !!opts.analysis });
  return createHash('sha256').update(`${version}\u0000${config}\u0000${ruleText}`).digest('hex');
}

async function loadCache(file: string): Promise<CacheFile> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile>;
    if (data.format === 1 && data.entries && typeof data.entries === 'object') return { format: 1, entries: data.entries };
  } catch {
    // Missing or unreadable cache: start empty.
  }
  return { format: 1, entries: {} };
}

async function saveCache(file: string, cache: CacheFile, maxEntries: number): Promise<void> {
  const keys = Object.keys(cache.entries);
  const entries = keys.length > maxEntries ? Object.fromEntries(keys.slice(keys.length - maxEntries).map((k) => [k, cache.entries[k]])) : cache.entries;
  // Through the one safe writer: random O_EXCL temporary name, no symlink followed, atomic rename, 0600.
  writeOutputFile(file, JSON.stringify({ format: 1, entries }), { mode: 0o600, makeFolders: true });
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
  const cache = await loadCache(file);

  const keys = rules.map((r) => verdictKey(version, r.text, opts));
  const misses: number[] = [];
  const missing = new Set<string>();
  keys.forEach((key, i) => {
    if (cache.entries[key] || missing.has(key)) return;
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
    await saveCache(file, cache, opts.maxEntries ?? 50_000).catch(() => undefined);
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
