import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readHostDocument } from '../inputs/read-host-document.js';
import type { LintOptions } from '../linter/lint-options.js';
import { Reporter } from '../linter/report.js';
import { DIALECTS } from '../dialects/dialect.js';
import { rangesOverlap, type TextRange } from '../source/text-range.js';
import { engineDiagnostics } from './engine-diagnostics.js';
import type { EngineMessage } from './engine-result.js';
import { engineStatements } from './engine-statements.js';
import { checkRulesCached, type CheckRulesCachedOptions } from './verdict-cache.js';

/** A file to check: its path (for the host format), its text, and the lint options in force for it. */
export interface EngineFile {
  readonly path: string;
  readonly text: string;
  readonly options: LintOptions;
}

export type CheckFilesWithEngineOptions = Pick<CheckRulesCachedOptions, 'suricataPath' | 'cacheFile' | 'timeoutMs' | 'onRun' | 'engine'>;

export type EngineFilesRun =
  | {
      readonly status: 'ok';
      readonly version: string;
      /** Per file (same order as the input), in offsets of that file's text, sorted. */
      readonly diagnostics: Diagnostic[][];
      /** Rule statements checked (from the cache or by Suricata). */
      readonly checked: number;
      /** Messages Suricata logged that belong to no rule (configuration problems). */
      readonly general: readonly EngineMessage[];
    }
  | { readonly status: 'missing' | 'too-old' | 'failed'; readonly message: string };


interface Pending {
  readonly file: number;
  readonly range: TextRange;
  readonly toHost: (offset: number) => number;
  readonly generatedLabel?: string;
}

/**
 * Loads the rules of every file into the real Suricata and returns its verdicts as `engine-error` and
 * `engine-warning` diagnostics on the rules' ranges in each file's own text (for AWS rule group JSON,
 * CloudFormation and Terraform files: the host file's offsets, through `toHostOffset`). Every embedded rules
 * source is checked, including the rules AWS generates (errors only, as the author chose their inputs); rules
 * on template interpolations (`${...}`) are not, their values being unknown. Verdicts are cached per rule
 * (`checkRulesCached`), so a second run only sends changed rules to Suricata. `--engine-analysis` runs unless
 * `engine-warning` is off for every file. Never rejects.
 */
export async function checkFilesWithEngine(files: readonly EngineFile[], opts: CheckFilesWithEngineOptions = {}): Promise<EngineFilesRun> {
  const rules: { line: number; text: string }[] = [];
  const pending: Pending[] = [];
  const reporters = files.map((f) => new Reporter(f.options));
  files.forEach((file, index) => {
    if (!reporters[index].isOn('engine-error') && !reporters[index].isOn('engine-warning')) return;
    for (const src of readHostDocument(file.path, file.text).sources) {
      const { statements } = engineStatements(src.text, DIALECTS[file.options.profile ?? 'aws-nfw'].base);
      for (const s of statements) {
        if (src.unresolved.some((u) => rangesOverlap(u, s.range))) continue;
        rules.push({ line: pending.length, text: s.text });
        pending.push({ file: index, range: s.range, toHost: (o) => src.toHostOffset(o), generatedLabel: src.generated ? src.label : undefined });
      }
    }
  });
  const analysis = reporters.some((r) => r.isOn('engine-warning'));
  const run = await checkRulesCached(rules, { ...opts, analysis });
  if (run.status !== 'ok') return { status: run.status, message: run.message ?? `Suricata could not check the rules (${run.status}).` };
  const version = run.version ?? 'unknown';
  const diagnostics: Diagnostic[][] = files.map(() => []);
  for (const result of run.results) {
    const p = pending[result.line];
    if (!p) continue;
    const start = p.toHost(p.range.start);
    const range = { start, end: Math.max(start, p.toHost(p.range.end)) };
    diagnostics[p.file].push(
      ...engineDiagnostics(result, range, {
        version,
        reporter: reporters[p.file],
        generatedLabel: p.generatedLabel,
      }),
    );
  }
  for (const ds of diagnostics) ds.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return { status: 'ok', version, diagnostics, checked: rules.length, general: run.general ?? [] };
}
