import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SourceFile } from '../source/source-file.js';
import { lintText } from '../linter/linter.js';
import { parseRules } from '../syntax/parse.js';
import type { EngineRuleResult, EngineRun } from './engine-result.js';
import { readLoaderStatements } from './loader-statements.js';
import { runSuricata, type RunSuricataOptions } from './run-suricata.js';

/**
 * What our tool says about one rules file: the rule statements it reports as errors (1-based first line),
 * with its messages. Injectable, so the cross-check can compare the parser today and the full linter later.
 */
export type LinterVerdict = (text: string, file: string) => readonly { readonly line: number; readonly messages: readonly string[] }[];

/** The parser's verdict: an active rule statement with a syntax error that Suricata 7 would also reject. */
export const parserVerdict: LinterVerdict = (text) => {
  const tree = parseRules(text);
  const source = new SourceFile('', text);
  const out: { line: number; messages: string[] }[] = [];
  for (const s of tree.statements) {
    if (s.kind !== 'rule' || s.layout !== 'active') continue;
    const errors = s.errors.filter((e) => !e.requiresSuricata8 && !e.accepted);
    if (errors.length) out.push({ line: source.positionAt(s.range.start).line, messages: errors.map((e) => e.message) });
  }
  return out;
};

/** The full linter's verdict under the plain Suricata profile: any error-severity finding on the rule. */
export const linterVerdict: LinterVerdict = (text) => {
  const tree = parseRules(text);
  const source = new SourceFile('', text);
  const diagnostics = lintText(text, { profile: 'suricata' }).filter((d) => d.severity === 'error');
  const out: { line: number; messages: string[] }[] = [];
  let k = 0;
  for (const s of tree.statements) {
    if (s.kind !== 'rule' || s.layout !== 'active') continue;
    while (k < diagnostics.length && diagnostics[k].range.start < s.range.start) k++;
    const messages: string[] = [];
    for (let j = k; j < diagnostics.length && diagnostics[j].range.start <= s.range.end; j++) messages.push(`${diagnostics[j].ruleId}: ${diagnostics[j].message}`);
    if (messages.length) out.push({ line: source.positionAt(s.range.start).line, messages });
  }
  return out;
};

/** Oracle categories of a rejection (`/work/shared/oracle`), `unknown` when the oracle has no entry. */
export type RejectionCategory = 'rule' | 'environment' | 'newer-version' | 'unknown';

export interface CrossCheckCase {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly engine: EngineRuleResult['verdict'];
  readonly category?: RejectionCategory;
  readonly engineMessages: readonly string[];
  readonly ourMessages: readonly string[];
}

export interface CrossCheckReport {
  readonly engine: 'live' | 'oracle';
  readonly version?: string;
  readonly files: number;
  /** Rule statements with an engine verdict that were compared. */
  readonly checked: number;
  readonly agreements: number;
  readonly weRejectEngineAccepts: readonly CrossCheckCase[];
  readonly weAcceptEngineRejects: readonly CrossCheckCase[];
  /** Engine rejections the oracle calls `rule` (the rule itself is wrong), and how many of them we flag. */
  readonly ruleRejections: number;
  readonly ruleRejectionsFlagged: number;
  /** Live runs only: statements where the live engine and the recorded oracle disagree. */
  readonly oracleMismatches: readonly { file: string; line: number; live: string; oracle: string; reason?: string }[];
  /** Statements that our parser and Suricata's loader split differently (`parser-only`: we see an active rule, Suricata does not). */
  readonly statementMismatches: readonly { file: string; line: number; kind: 'parser-only' | 'loader-only' }[];
  /** Engine runs made, and files whose rules could not be checked. */
  readonly runs: number;
  readonly unchecked: readonly { file: string; reason: string }[];
}

export interface CrossCheckOptions {
  /** The `shared/` folder holding `corpora/` and `oracle/`. */
  readonly sharedDir: string;
  /** `live` runs the installed Suricata; `oracle` uses the recorded verdicts only. */
  readonly engine: 'live' | 'oracle';
  readonly verdict?: LinterVerdict;
  readonly suricataPath?: string;
  /** Most rule statements per Suricata run (default 4,000). */
  readonly batchSize?: number;
  /** For tests: replaces `runSuricata`. */
  readonly run?: (rulesText: string, opts: RunSuricataOptions) => Promise<EngineRun>;
}

/** Corpus folders and the rule files in each, relative to `corpora/`. */
const CORPORA: readonly { readonly name: string; readonly dir: string }[] = [
  { name: 'suricata-verify', dir: 'suricata-verify/rules' },
  { name: 'suricata-7.0.10', dir: 'suricata-7.0.10' },
  { name: 'aws-docs', dir: 'aws-docs' },
];

interface CorpusFile {
  readonly file: string;
  readonly text: string;
  readonly statements: ReturnType<typeof readLoaderStatements>;
}

export interface OracleEntry {
  readonly verdict: string;
  readonly category: string;
  readonly reason?: string;
}

async function readCorpora(sharedDir: string): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  for (const corpus of CORPORA) {
    const dir = join(sharedDir, 'corpora', corpus.dir);
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.rules')).sort();
    for (const name of names) {
      const text = await readFile(join(dir, name), 'utf8');
      out.push({ file: `${corpus.dir}/${name}`, text, statements: readLoaderStatements(text) });
    }
  }
  return out;
}

/**
 * Recorded verdicts that are wrong, with the verdict the live Suricata 7.0.10 gives. Suricata cuts log lines at
 * 2 KB, so for a rule near that length "error parsing signature ... at line N" loses its line number and the
 * oracle took the rule as loaded.
 */
/** Oracle lines known to be wrong (Suricata's log line for a long rule was cut before its line number). */
export const ORACLE_ERRATA: Readonly<Record<string, OracleEntry>> = {
  'suricata-verify/rules/test-valid-json__pawpatrules.rules:1': {
    verdict: 'rejected',
    category: 'rule',
    reason: "Error: detect-parse: bad option value formatting (possible missing semicolon) for keyword content: '!\".mozilla.net'",
  },
};

async function readOracle(sharedDir: string): Promise<Map<string, OracleEntry>> {
  const map = new Map<string, OracleEntry>();
  for (const corpus of CORPORA) {
    const text = await readFile(join(sharedDir, 'oracle', `${corpus.name}.jsonl`), 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const o = JSON.parse(line) as { file: string; line: number; verdict: string; category: string; reason?: string };
        const key = `${o.file}:${o.line}`;
        map.set(key, ORACLE_ERRATA[key] ?? { verdict: o.verdict, category: o.category, reason: o.reason });
      } catch {
        // A malformed oracle line is skipped.
      }
    }
  }
  return map;
}

/** Messages of rejections that can be caused by other rules loaded in the same run. */
const CROSS_FILE = /duplicate signature|dataset|datarep|already set to|flowbit|xbits|hostbits/i;

/** Groups files into batches of at most `batchSize` statements (a larger file gets a batch of its own). */
function batchFiles(files: readonly CorpusFile[], batchSize: number): CorpusFile[][] {
  const batches: CorpusFile[][] = [];
  let size = Infinity;
  for (const f of files) {
    if (size + f.statements.length > batchSize) {
      batches.push([]);
      size = 0;
    }
    batches[batches.length - 1].push(f);
    size += f.statements.length;
  }
  return batches;
}

// `;` or `(`, then spaces, line breaks and continuation backslashes, then `sid:N`.
const SID_OPTION = /([(;][\s\\]*sid\s*:\s*(?:"\s*)?)(\d+)/gi;

/**
 * Gives every file's sids new values unique to the file, so that concatenating many files into one does not
 * create "Duplicate signature" errors across files, while a sid repeated inside one file stays repeated.
 * Line breaks are untouched, so line numbers are kept.
 */
function renumberSids(text: string, next: { sid: number }): string {
  const map = new Map<string, number>();
  return text.replace(SID_OPTION, (_all, prefix: string, sid: string) => {
    let renumbered = map.get(sid);
    if (renumbered === undefined) {
      renumbered = next.sid++;
      map.set(sid, renumbered);
    }
    return `${prefix}${renumbered}`;
  });
}

/** Runs the engine on a batch of files; halves a batch whose run fails, down to single files. */
async function runBatch(
  batch: readonly CorpusFile[],
  opts: CrossCheckOptions,
  sink: { results: Map<string, EngineRuleResult>; unchecked: { file: string; reason: string }[]; runs: number; version?: string },
): Promise<void> {
  const parts: string[] = [];
  const lineMap: { file: string; offset: number }[] = [];
  let offset = 0;
  const next = { sid: 1_000_000_000 };
  for (const f of batch) {
    const renumbered = renumberSids(f.text, next);
    const text = renumbered.endsWith('\n') ? renumbered : `${renumbered}\n`;
    lineMap.push({ file: f.file, offset });
    parts.push(text);
    offset += text.split('\n').length - 1;
  }
  const run = await (opts.run ?? runSuricata)(parts.join(''), { suricataPath: opts.suricataPath, timeoutMs: 600_000 });
  sink.runs++;
  sink.version ??= run.version;
  if (run.status !== 'ok') {
    if (batch.length === 1) {
      sink.unchecked.push({ file: batch[0].file, reason: run.message ?? run.status });
      return;
    }
    const half = Math.ceil(batch.length / 2);
    await runBatch(batch.slice(0, half), opts, sink);
    await runBatch(batch.slice(half), opts, sink);
    return;
  }
  for (const r of run.results) {
    let owner = lineMap[0];
    for (const m of lineMap) if (m.offset < r.line) owner = m;
    sink.results.set(`${owner.file}:${r.line - owner.offset}`, { ...r, line: r.line - owner.offset });
  }
}

/**
 * Compares our verdict ("this rule has an error") with Suricata's ("this rule does not load") for every
 * rule statement of the shared corpora: live (batched Suricata runs) or from the recorded oracle.
 */
export async function crossCheckCorpora(opts: CrossCheckOptions): Promise<CrossCheckReport> {
  const verdict = opts.verdict ?? linterVerdict;
  const files = await readCorpora(opts.sharedDir);
  const oracle = await readOracle(opts.sharedDir);
  const sink = { results: new Map<string, EngineRuleResult>(), unchecked: [] as { file: string; reason: string }[], runs: 0, version: undefined as string | undefined };

  if (opts.engine === 'live') {
    for (const batch of batchFiles(files, opts.batchSize ?? 4000)) await runBatch(batch, opts, sink);
    // A rejection that may come from another file of the batch (shared dataset names, ...): check that file alone.
    const suspect = files.filter((f) => f.statements.some((s) => sink.results.get(`${f.file}:${s.line}`)?.messages.some((m) => CROSS_FILE.test(m.text))));
    for (const f of suspect) await runBatch([f], opts, sink);
  } else {
    for (const [key, o] of oracle) {
      const line = Number(key.slice(key.lastIndexOf(':') + 1));
      const v = o.verdict === 'accepted' ? 'accepted' : 'rejected';
      sink.results.set(key, { line, verdict: v, messages: o.reason ? [{ level: 'error', text: o.reason, raw: o.reason }] : [] });
    }
  }

  let checked = 0;
  let agreements = 0;
  let ruleRejections = 0;
  let ruleRejectionsFlagged = 0;
  const weRejectEngineAccepts: CrossCheckCase[] = [];
  const weAcceptEngineRejects: CrossCheckCase[] = [];
  const oracleMismatches: { file: string; line: number; live: string; oracle: string; reason?: string }[] = [];
  const statementMismatches: { file: string; line: number; kind: 'parser-only' | 'loader-only' }[] = [];

  for (const f of files) {
    const ours = new Map(verdict(f.text, f.file).map((v) => [v.line, v.messages]));
    const loaderLines = new Set(f.statements.map((s) => s.line));
    const source = new SourceFile(f.file, f.text);
    const parserLines = new Set(parseRules(f.text).statements.flatMap((s) => (s.kind === 'rule' && s.layout === 'active' ? [source.positionAt(s.range.start).line] : [])));
    for (const line of parserLines) if (!loaderLines.has(line)) statementMismatches.push({ file: f.file, line, kind: 'parser-only' });
    for (const line of loaderLines) if (!parserLines.has(line)) statementMismatches.push({ file: f.file, line, kind: 'loader-only' });

    for (const s of f.statements) {
      const key = `${f.file}:${s.line}`;
      const result = sink.results.get(key);
      if (!result) continue;
      const recorded = oracle.get(key);
      if (opts.engine === 'live' && recorded) {
        const live = result.verdict === 'rejected' ? 'rejected' : 'accepted';
        if (live !== recorded.verdict) oracleMismatches.push({ file: f.file, line: s.line, live, oracle: recorded.verdict, reason: result.messages[0]?.text ?? recorded.reason });
      }
      checked++;
      const engineRejects = result.verdict === 'rejected';
      const weReject = ours.has(s.line);
      const category = engineRejects ? categoryOf(recorded) : undefined;
      if (category === 'rule') {
        ruleRejections++;
        if (weReject) ruleRejectionsFlagged++;
      }
      if (engineRejects === weReject) {
        agreements++;
        continue;
      }
      const c: CrossCheckCase = {
        file: f.file,
        line: s.line,
        text: s.text,
        engine: result.verdict,
        category,
        engineMessages: result.messages.map((m) => m.text),
        ourMessages: ours.get(s.line) ?? [],
      };
      (weReject ? weRejectEngineAccepts : weAcceptEngineRejects).push(c);
    }
  }
  return {
    engine: opts.engine,
    version: opts.engine === 'live' ? sink.version : '7.0.10 (recorded)',
    files: files.length,
    checked,
    agreements,
    weRejectEngineAccepts,
    weAcceptEngineRejects,
    ruleRejections,
    ruleRejectionsFlagged,
    oracleMismatches,
    statementMismatches,
    runs: sink.runs,
    unchecked: sink.unchecked,
  };
}

function categoryOf(o: OracleEntry | undefined): RejectionCategory {
  if (!o || o.verdict !== 'rejected') return 'unknown';
  return o.category === 'rule' || o.category === 'environment' || o.category === 'newer-version' ? o.category : 'unknown';
}
