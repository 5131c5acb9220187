import { SourceFile } from '../source/source-file.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { buildRuleStatement } from '../syntax/build-tree.js';
import { buildStatement } from '../syntax/parse.js';
import { splitStatements, type StatementSpan } from '../syntax/split-statements.js';
import type { RuleLayout, RuleStatement, RulesFile, Statement } from '../syntax/tree.js';
import { resolveLintOptions, type LintOptions, type ResolvedLintOptions } from './lint-options.js';
import type { FileCheck, LintRule, ReportDescriptor, RuleContext } from './lint-rule.js';
import { Reporter, type Finding } from './report.js';
import { RuleFacts } from './rule-facts.js';
import { RunFacts } from './run-facts.js';
import { Suppressions } from './suppressions.js';
import { ALL_LINT_RULES, type RuleId } from '../rules/index.js';

/** Whether a rule statement of this layout is checked: what Suricata loads, plus indented rules where the host trims them (AWS). */
export function isCheckedLayout(layout: RuleLayout, options: ResolvedLintOptions): boolean {
  return layout === 'active' || (layout === 'indented' && options.profile === 'aws-nfw');
}

interface ActiveRule {
  readonly lintRule: LintRule;
  readonly ctx: RuleContext;
  fileCheck?: FileCheck;
  /** Set when the lint rule threw: it is not called again in this run. */
  crash?: Finding;
}

function crashDiagnostic(id: string, e: unknown): Finding {
  return {
    ruleId: 'internal-error',
    message: `lint rule '${id}' crashed: ${e instanceof Error ? e.message : String(e)}. This is a bug in suricata-lint; please report it with the rule text.`,
    range: { start: 0, end: 0 },
  };
}

/**
 * Calls one file-check hook of a lint rule. A throw becomes that rule's `internal-error` and the rule is not
 * called again in this run; the other rules go on.
 */
function invoke(a: ActiveRule, hook: 'checkFile' | 'rule' | 'statement' | 'end', s?: Statement, facts?: RuleFacts): void {
  if (a.crash) return;
  try {
    if (hook === 'rule') a.fileCheck!.rule!(s as RuleStatement, facts!);
    else if (hook === 'statement') a.fileCheck!.statement!(s!);
    else if (hook === 'checkFile') a.fileCheck = a.lintRule.checkFile!(a.ctx);
    else a.fileCheck!.end!();
  } catch (e) {
    a.crash = crashDiagnostic(a.lintRule.meta.id, e);
  }
}

/** Where the statements of one lint run come from. */
interface StatementSource {
  readonly text: string;
  /** Calls `visit` with every statement in order. */
  forEach(visit: (s: Statement) => void): void;
  /** Checked rule statements whose text contains `word` (ASCII case-insensitive), in order. */
  rulesMentioning(word: string, options: ResolvedLintOptions): Iterable<RuleStatement>;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Spans (in order) holding at least one match of `word`, found with one scan of the whole text. */
function* spansMentioning(text: string, spans: readonly StatementSpan[], word: string): Generator<StatementSpan> {
  const re = new RegExp(escapeRegExp(word), 'gi');
  let i = 0;
  for (let m = re.exec(text); m && i < spans.length; m = re.exec(text)) {
    while (i < spans.length && spans[i].range.end <= m.index) i++;
    const span = spans[i];
    if (span && m.index >= span.range.start) {
      yield span;
      i++;
    }
  }
}

/** A text parsed one statement at a time: only the statement being checked is in memory. */
function textSource(text: string, spans: readonly StatementSpan[]): StatementSource {
  return {
    text,
    forEach(visit) {
      for (let i = 0; i < spans.length; i++) visit(buildStatement(text, spans[i]));
    },
    *rulesMentioning(word, options) {
      for (const span of spansMentioning(text, spans, word)) {
        if (span.kind === 'rule' && isCheckedLayout(span.layout, options)) yield buildRuleStatement(text, span);
      }
    },
  };
}

/**
 * The checked rule statements of a text that contain `word` (ASCII case-insensitive), parsed one at a
 * time, in order: for look-ups across files that need only a few rules (sids), without a whole tree.
 */
export function rulesMentioning(text: string, word: string, options: LintOptions = {}): Iterable<RuleStatement> {
  return textSource(text, splitStatements(text).spans).rulesMentioning(word, resolveLintOptions(options));
}

/** An already parsed file. */
function fileSource(file: RulesFile): StatementSource {
  return {
    text: file.text,
    forEach(visit) {
      for (const s of file.statements) visit(s);
    },
    *rulesMentioning(word, options) {
      const re = new RegExp(escapeRegExp(word), 'i');
      for (const s of file.statements) {
        if (s.kind === 'rule' && isCheckedLayout(s.layout, options) && re.test(file.text.slice(s.range.start, s.range.end))) yield s;
      }
    },
  };
}

/**
 * Lints a stream of statements. Pure: no I/O. Each statement is visited once by every lint rule
 * (`checkRule` on checked rules, then the file checks), in file order, and nothing keeps it
 * afterwards, so memory holds one statement plus the findings. A crashing lint rule becomes an
 * `internal-error` diagnostic and is not called again.
 */
function lintStatements(source: StatementSource, options: LintOptions, lintRules: readonly LintRule[]): Diagnostic[] {
  const reporter = new Reporter(options, lintRules === ALL_LINT_RULES ? [] : lintRules.map((r) => r.meta), source.text);
  const resolved = reporter.options;
  const diagnostics: Diagnostic[] = [];
  const active: ActiveRule[] = [];
  /** The text's line index, built at the first message that names a line. */
  let lines: SourceFile | undefined;
  const run = new RunFacts(resolved, (word) => source.rulesMentioning(word, resolved));
  for (const lintRule of lintRules) {
    const { meta } = lintRule;
    const setting = reporter.setting(meta.id);
    if (setting === 'off') continue;
    const id = meta.id as RuleId;
    const ctx: RuleContext = {
      text: source.text,
      options: resolved,
      severity: setting,
      rulesMentioning: (word) => source.rulesMentioning(word, resolved),
      lineOf: (offset) => resolved.hostLineOf?.(offset) ?? (lines ??= new SourceFile('', source.text)).positionAt(offset).line,
      run,
      report(d: ReportDescriptor) {
        const diagnostic = reporter.report({ ...d, ruleId: id });
        if (diagnostic) diagnostics.push(diagnostic);
      },
    };
    active.push({ lintRule, ctx });
  }
  for (const a of active) if (a.lintRule.checkFile) invoke(a, 'checkFile');
  const perRule = active.filter((a) => a.lintRule.checkRule);
  const onRule = active.filter((a) => a.fileCheck?.rule);
  const onStatement = active.filter((a) => a.fileCheck?.statement);
  const suppressions = new Suppressions(source.text);
  source.forEach((s) => {
    suppressions.visit(s);
    if (s.kind === 'rule' && isCheckedLayout(s.layout, resolved)) {
      // One model per statement, shared by every lint rule; each fact is computed when first read.
      const facts = new RuleFacts(s);
      // The hot loop (every lint rule on every rule statement) calls checkRule directly.
      for (let i = 0; i < perRule.length; i++) {
        const a = perRule[i];
        if (a.crash) continue;
        try {
          a.lintRule.checkRule!(s, a.ctx, facts);
        } catch (e) {
          a.crash = crashDiagnostic(a.lintRule.meta.id, e);
        }
      }
      for (let i = 0; i < onRule.length; i++) invoke(onRule[i], 'rule', s, facts);
    }
    for (let i = 0; i < onStatement.length; i++) invoke(onStatement[i], 'statement', s);
  });
  for (const a of active) if (a.fileCheck?.end) invoke(a, 'end');
  for (const a of active) if (a.crash) diagnostics.push(reporter.report(a.crash)!);
  const kept = suppressions.apply(diagnostics, reporter);
  kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return kept;
}

/** Lints a parsed file. Pure: no I/O. */
export function lintFile(file: RulesFile, options: LintOptions = {}, lintRules: readonly LintRule[] = ALL_LINT_RULES): Diagnostic[] {
  return lintStatements(fileSource(file), options, lintRules);
}

/**
 * Parses and lints a rules text, one statement at a time: the tree of the whole file is never built,
 * so memory stays near the size of the text and the findings. Same findings as `lintFile(parseRules(text))`.
 */
export function lintText(text: string, options: LintOptions = {}, lintRules: readonly LintRule[] = ALL_LINT_RULES): Diagnostic[] {
  return lintStatements(textSource(text, splitStatements(text).spans), options, lintRules);
}
