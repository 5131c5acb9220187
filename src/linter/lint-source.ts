import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Fix } from '../source/fix.js';
import type { EmbeddedRules, HostDocument } from '../inputs/embedded-rules.js';
import { mapEditsToHost } from '../inputs/map-edits.js';
import { readHostDocument } from '../inputs/read-host-document.js';
import { SourceFile } from '../source/source-file.js';
import { rangesOverlap, type TextRange } from '../source/text-range.js';
import type { LintOptions } from './lint-options.js';
import { lintText } from './linter.js';
import { Reporter, type Finding } from './report.js';

/**
 * Lints one input file's text, whatever its format, returning diagnostics in offsets of that text.
 * `.rules` files are linted directly; host formats (AWS rule group JSON, CloudFormation, Terraform)
 * are read by src/inputs, each embedded rules string is linted with the context its host gives (rule
 * order, defined variables), and ranges and fixes are mapped back to the host file.
 * For `.tf` files, `loadHclGrammar()` must have been awaited once before (the CLI does it).
 */
export function lintSource(path: string, text: string, options: LintOptions = {}): Diagnostic[] {
  const doc = readHostDocument(path, text);
  if (doc.format === 'rules' && doc.sources.length === 1 && doc.sources[0].text === text) return lintText(text, options);
  return lintHostDocument(doc, options, text);
}

/**
 * Lints every rules source of a host document; pure. `hostText` (the host file's text) lets messages that
 * name another line name the host file's line; without it they name lines of the embedded rules text.
 */
export function lintHostDocument(doc: HostDocument, options: LintOptions = {}, hostText?: string): Diagnostic[] {
  const reporter = new Reporter(options);
  const out: Diagnostic[] = [];
  for (const f of doc.findings) {
    // The rules-string length is checked on the decoded text by the aws-rules-string-too-long lint rule.
    if (f.ruleId === 'aws-rules-string-too-long') continue;
    const d = reporter.report(f);
    if (d) out.push(d);
  }
  const host = hostText === undefined ? undefined : new SourceFile('', hostText);
  // A loop, not push(...): one source can hold 100,000+ findings, more arguments than the stack takes.
  for (const src of doc.sources) for (const d of lintEmbedded(src, doc, options, reporter, host)) out.push(d);
  out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  return out;
}

function lintEmbedded(src: EmbeddedRules, doc: HostDocument, options: LintOptions, reporter: Reporter, host: SourceFile | undefined): Diagnostic[] {
  const ctx = src.context;
  const variables =
    options.variables || ctx.variables || ctx.ipSetReferences ? new Set([...(options.variables ?? []), ...(ctx.variables ?? []), ...(ctx.ipSetReferences ?? [])]) : undefined;
  // In IaC a rule group without a rule order runs in AWS's default, action order (reported by the
  // adapter as aws-rule-order-missing); a bare rule group JSON without one is linted as configured.
  const iac = doc.format === 'cloudformation-json' || doc.format === 'cloudformation-yaml' || doc.format === 'terraform';
  const ruleOrder = ctx.ruleOrder ?? (iac ? 'action' : options.ruleOrder);
  const hostLineOf = host ? (offset: number) => host.positionAt(src.toHostOffset(offset)).line : undefined;
  const diagnostics = lintText(src.text, { ...options, ruleOrder, variables, host: doc.format, hostLineOf });
  const out: Diagnostic[] = [];
  let unresolvedHits = 0;
  for (const d of diagnostics) {
    // Rules AWS generates (domain lists, 5-tuples) are AWS's text: only the TLS timing checks say
    // something the author can act on (by choosing another source type); hygiene findings would not.
    if (src.generated && !d.ruleId.startsWith('tls-')) continue;
    // Template interpolations (`${...}`, `%{...}`, !Sub variables) are not rule syntax: never flag them.
    if (src.unresolved.some((u) => rangesOverlap(u, d.range) || (d.range.start === d.range.end && d.range.start >= u.start && d.range.start <= u.end))) {
      unresolvedHits++;
      continue;
    }
    out.push({
      ...d,
      message: src.generated ? `in the rules AWS generates for ${src.label}: ${d.message}` : d.message,
      range: toHostRange(src, d.range),
      ...(d.related ? { related: d.related.map((r) => ({ ...r, range: toHostRange(src, r.range) })) } : {}),
      fix: mapFix(src, d.fix),
      suggestions: d.suggestions?.map((s) => mapFix(src, s)).filter((s): s is Fix => s !== undefined),
    });
  }
  const note = (f: Finding) => {
    const d = reporter.report(f);
    if (d) out.push(d);
  };
  if (src.generated && !diagnostics.some((d) => d.ruleId.startsWith('tls-') && d.severity !== 'info') && /\btls\b/.test(src.text)) {
    note({
      ruleId: 'generated-rules-note',
      message: `the TLS rules AWS generates for ${src.label} wait for the complete ClientHello (ssl_state:client_hello): safe for split post-quantum ClientHellos`,
      range: { start: src.toHostOffset(0), end: src.toHostOffset(0) },
    });
  }
  if (unresolvedHits > 0) {
    note({
      ruleId: 'host-unresolved-template',
      message: `${src.label}: ${unresolvedHits} finding${unresolvedHits === 1 ? '' : 's'} on template interpolations (\${...}) were not reported: the values are only known after rendering`,
      hint: 'lint the rendered rules too (for example terraform show -json output, or the deployed rule group from describe-rule-group)',
      range: { start: src.toHostOffset(src.unresolved[0]?.start ?? 0), end: src.toHostOffset(src.unresolved[0]?.end ?? 0) },
    });
  }
  return out;
}

/** A range of the embedded rules text as a range of the host file. */
function toHostRange(src: EmbeddedRules, r: TextRange): TextRange {
  const start = src.toHostOffset(r.start);
  return { start, end: Math.max(start, src.toHostOffset(r.end)) };
}

function mapFix(src: EmbeddedRules, fix: Fix | undefined): Fix | undefined {
  if (!fix) return undefined;
  const edits = mapEditsToHost(src, fix.edits);
  if (!edits) return undefined;
  return { ...fix, edits };
}
