import { CodeActionKind, type CodeAction, type CodeActionParams, type ExecuteCommandParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { lineBreakOf } from '../source/line-break.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fixWith } from '../fix/fix-loop.js';
import { lintText } from '../linter/linter.js';
import type { Fix } from '../source/fix.js';
import type { TextRange } from '../source/text-range.js';
import { splitStatements } from '../syntax/split-statements.js';
import { toLspDiagnostic, toLspRange } from './diagnostics.js';
import type { DocumentState, Session } from './session.js';

/** `workspace/executeCommand` that applies every safe fix of a document through `workspace/applyEdit`. Arguments: the document URI. */
export const FIX_ALL_COMMAND = 'suricata-lint.fixAll';

/** The comment the linter reads as "skip the findings of these rules on the next rule" (src/linter/suppressions.ts). */
export const DISABLE_NEXT_LINE = 'suricata-lint-disable-next-line';

function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function textEdits(doc: TextDocument, fix: Fix): TextEdit[] {
  return fix.edits.map((e) => ({ range: toLspRange(doc, e.range), newText: e.text }));
}

/** How a fix is offered: safe ones preferred, unsafe ones and suggestions say what they are. */
function fixTitle(fix: Fix, ruleId: string, suggestion: boolean): string {
  if (suggestion || fix.applicability === 'display-only') return `${fix.title} (suggestion, review it; ${ruleId})`;
  if (fix.applicability === 'unsafe') return `${fix.title} (unsafe fix: may change what the rule matches; ${ruleId})`;
  return `${fix.title} (${ruleId})`;
}

/**
 * The `# suricata-lint-disable-next-line ID` line above the rule statement a finding is in (`.rules`
 * documents; host files keep their rules in strings, where a comment line is not offered).
 */
function disableEdit(text: string, d: Diagnostic): { offset: number; text: string } | undefined {
  const { spans } = splitStatements(text);
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid].range.start <= d.range.start) lo = mid;
    else hi = mid - 1;
  }
  const span = spans[lo];
  if (!span || span.kind !== 'rule') return undefined;
  const eol = text.slice(span.eol.start, span.eol.end) || lineBreakOf(text);
  return { offset: span.range.start, text: `# ${DISABLE_NEXT_LINE} ${d.ruleId}${eol}` };
}

/**
 * The edits that turn the document into what `suricata-lint --fix` writes (safe fixes, to a fixed point),
 * one per changed region; undefined when nothing changes.
 */
export async function fixAllEdits(state: DocumentState): Promise<TextEdit[] | undefined> {
  const text = state.doc.getText();
  let lint: (t: string) => Diagnostic[];
  if (state.adapter === 'rules') lint = (t) => lintText(t, state.options);
  else {
    const { lintSource } = await import('../linter/lint-source.js');
    lint = (t) => lintSource(state.path, t, state.options);
  }
  const result = fixWith(text, lint, 'safe');
  if (result.output === text) return undefined;
  return result.changes.map((c) => ({ range: toLspRange(state.doc, { start: c.aStart, end: c.aEnd }), newText: result.output.slice(c.bStart, c.bEnd) }));
}

/**
 * `textDocument/codeAction`: for each finding in the range, its fix (safe ones marked preferred, unsafe
 * ones labelled), its suggestions, and "disable this rule for this line"; and `source.fixAll`, which applies
 * every safe fix of the document (what `--fix` does) when asked for, or as a command otherwise.
 */
export async function codeActions(session: Session, params: CodeActionParams): Promise<CodeAction[]> {
  const state = session.state(params.textDocument.uri);
  if (!state) return [];
  const doc = state.doc;
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  const range = { start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) };
  const text = doc.getText();
  if (wants(CodeActionKind.QuickFix)) {
    state.diagnostics.forEach((d, index) => {
      if (!overlaps(d.range, range)) return;
      const diagnostics = [toLspDiagnostic(doc, d, index)];
      const offer = (fix: Fix, suggestion: boolean) => {
        if (fix.edits.length === 0) return;
        actions.push({
          title: fixTitle(fix, d.ruleId, suggestion),
          kind: CodeActionKind.QuickFix,
          diagnostics,
          isPreferred: !suggestion && fix.applicability === 'safe',
          edit: { changes: { [uri]: textEdits(doc, fix) } },
        });
      };
      if (d.fix) offer(d.fix, false);
      for (const s of d.suggestions ?? []) offer(s, true);
      if (state.adapter === 'rules' && d.ruleId !== 'parse-error' && d.ruleId !== 'unused-suppression' && d.ruleId !== 'internal-error') {
        const e = disableEdit(text, d);
        if (e) {
          actions.push({
            title: `Disable ${d.ruleId} for this rule (# ${DISABLE_NEXT_LINE})`,
            kind: CodeActionKind.QuickFix,
            diagnostics,
            edit: { changes: { [uri]: [{ range: toLspRange(doc, { start: e.offset, end: e.offset }), newText: e.text }] } },
          });
        }
      }
    });
  }
  if (wants(CodeActionKind.SourceFixAll) && state.diagnostics.some((d) => d.fix?.applicability === 'safe')) {
    const title = 'Fix all safe problems (suricata-lint --fix)';
    if (only) {
      // Asked for by kind (VS Code's "fix all" on save): the edit itself.
      const edits = await fixAllEdits(state);
      if (edits) actions.push({ title, kind: CodeActionKind.SourceFixAll, edit: { changes: { [uri]: edits } } });
    } else {
      // Offered next to the quick fixes: computed when chosen, applied through workspace/applyEdit.
      actions.push({ title, kind: CodeActionKind.SourceFixAll, command: { title, command: FIX_ALL_COMMAND, arguments: [uri] } });
    }
  }
  return actions;
}

/** `workspace/executeCommand` FIX_ALL_COMMAND: sends the fix-all edit to the client; true when it applied it. */
export async function executeFixAll(session: Session, params: ExecuteCommandParams): Promise<boolean> {
  if (params.command !== FIX_ALL_COMMAND) return false;
  const uri = params.arguments?.[0];
  if (typeof uri !== 'string') return false;
  const state = session.state(uri);
  if (!state) return false;
  const edits = await fixAllEdits(state);
  if (!edits) return false;
  const edit: WorkspaceEdit = { documentChanges: [{ textDocument: { uri, version: state.doc.version }, edits }] };
  return session.applyEdit(edit);
}
