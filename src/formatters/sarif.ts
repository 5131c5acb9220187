import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Fix } from '../source/fix.js';
import type { LintReport } from '../linter/lint-report.js';
import { SourceFile } from '../source/source-file.js';
import type { TextRange } from '../source/text-range.js';
import { rangeLocation, reportPath } from './diagnostic-location.js';
import type { FormatContext, Formatter } from './formatter.js';
import { SARIF_LEVEL, sarifRule, syntheticRuleMeta, type SarifRule } from './sarif-rules.js';
import { TOOL_INFORMATION_URI, TOOL_NAME } from './tool-info.js';

/** Base id for relative artifact URIs: the directory the linter ran in (GitHub resolves it to the repo root). */
export const SRCROOT = '%SRCROOT%';
/** Key of our entry in `partialFingerprints` (versioned so a new scheme never collides with old alerts). */
export const FINGERPRINT_KEY = 'suricataLintFindingHash/v1';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** A relative path becomes a relative URI under %SRCROOT%; an absolute path a file: URI. */
export function artifactLocation(path: string): ArtifactLocation {
  const p = reportPath(path);
  const encoded = p
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
  if (p.startsWith('/')) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(p)) return { uri: `file:///${p.slice(0, 2)}${encoded.slice(encoded.indexOf('/'))}` };
  return { uri: encoded, uriBaseId: SRCROOT };
}

/** A region in both line/column and character offsets (SARIF allows both when they agree; columns are UTF-16 units). */
function region(src: SourceFile, r: TextRange) {
  const l = rangeLocation(src, r);
  return { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn, charOffset: r.start, charLength: r.end - r.start };
}

/** The whole lines of a range, so viewers without the file can show the finding in context. */
function contextRegion(src: SourceFile, r: TextRange) {
  const first = src.positionAt(r.start).line;
  const last = src.positionAt(r.end).line;
  const start = src.lineStart(first);
  const end = src.lineStart(last) + src.lineText(last).length;
  return { ...region(src, { start, end }), snippet: { text: src.text.slice(start, end) } };
}

function sarifFix(src: SourceFile, location: ArtifactLocation, fix: Fix) {
  return {
    description: { text: `${fix.title} (${fix.applicability})` },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: fix.edits.map((e) => ({ deletedRegion: region(src, e.range), insertedContent: { text: e.text } })),
      },
    ],
  };
}

/**
 * A fingerprint that survives unrelated edits: rule id, path, the text of the finding's line with
 * whitespace collapsed, and the occurrence number among identical keys in the file.
 */
function fingerprint(path: string, src: SourceFile, d: Diagnostic, seen: Map<string, number>): string {
  const line = src.lineText(src.positionAt(d.range.start).line).trim().replace(/\s+/g, ' ');
  const key = `${d.ruleId}\0${reportPath(path)}\0${line}\0${src.slice(d.range)}`;
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${n}`;
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other consumers: one run, `tool.driver.rules` from the rule
 * registry (help text and markdown, default level), results with regions, fixes as `artifactChanges`
 * (GitHub ignores fixes; other viewers apply them), and `partialFingerprints` for stable de-duplication.
 */
export const formatSarif: Formatter = (report, ctx) => `${JSON.stringify(sarifLog(report, ctx), null, 2)}\n`;

export function sarifLog(report: LintReport, ctx: FormatContext = { color: false }) {
  const rules: SarifRule[] = report.rules.map(sarifRule);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = [];
  for (const f of report.files) {
    const src = new SourceFile(f.path, f.text);
    const location = artifactLocation(f.path);
    const seen = new Map<string, number>();
    for (const d of f.diagnostics) {
      if (!index.has(d.ruleId)) {
        index.set(d.ruleId, rules.length);
        rules.push(sarifRule(syntheticRuleMeta(d.ruleId)));
      }
      const fixes = [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])].filter((x) => x.edits.length > 0);
      results.push({
        ruleId: d.ruleId,
        ruleIndex: index.get(d.ruleId)!,
        level: SARIF_LEVEL[d.severity],
        message: { text: d.hint ? `${d.message}.\nHint: ${d.hint}` : d.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: { ...region(src, d.range), snippet: { text: src.slice(d.range) } }, contextRegion: contextRegion(src, d.range) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f.path, src, d, seen) },
        ...(d.related?.length
          ? { relatedLocations: d.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: { artifactLocation: location, region: region(src, r.range) } })) }
          : {}),
        ...(fixes.length ? { fixes: fixes.map((x) => sarifFix(src, location, x)) } : {}),
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: report.toolVersion,
            semanticVersion: report.toolVersion,
            informationUri: TOOL_INFORMATION_URI,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        ...(ctx.repoUrl && ctx.sha ? { versionControlProvenance: [{ repositoryUri: ctx.repoUrl, revisionId: ctx.sha, mappedTo: { uriBaseId: SRCROOT } }] } : {}),
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The directory suricata-lint ran in (the repository root in CI).' } } },
        results,
      },
    ],
  };
}
