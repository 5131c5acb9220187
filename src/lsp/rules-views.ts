import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hostAdapterFor } from '../inputs/host-adapter.js';
import { parseRules } from '../syntax/parse.js';
import type { Statement } from '../syntax/tree.js';
import { pathOfUri } from './paths.js';
import type { Session } from './session.js';
import { statementsOf } from './statement-at.js';

/**
 * The rules text of a document as the linter reads it, with the way back to the document: a `.rules`
 * document is one view of itself; a host file has one view per embedded rules string (decoded), whose
 * offsets map to the host file through the input adapter's `toHostOffset`.
 */
export interface RulesView {
  readonly uri: string;
  readonly doc: TextDocument;
  /** The decoded rules text. */
  readonly text: string;
  readonly statements: readonly Statement[];
  /** Document offset of a rules-text offset. */
  toDoc(offset: number): number;
  /** Rules-text offset of a document offset, or undefined when the document offset is outside this rules text. */
  fromDoc(offset: number): number | undefined;
}

/** The views of one open document (host files are read with src/inputs; Terraform needs its grammar loaded). */
export async function rulesViews(session: Session, doc: TextDocument): Promise<RulesView[]> {
  const text = doc.getText();
  const path = pathOfUri(doc.uri);
  if (hostAdapterFor(path, text) === 'rules') {
    const statements = statementsOf(session, doc.uri, text);
    return [{ uri: doc.uri, doc, text, statements, toDoc: (o) => o, fromDoc: (o) => o }];
  }
  const { readHostDocumentAsync } = await import('../inputs/read-host-document.js');
  const host = await readHostDocumentAsync(path, text);
  return host.sources.map((src) => {
    const first = src.toHostOffset(0);
    const last = src.toHostOffset(src.text.length);
    return {
      uri: doc.uri,
      doc,
      text: src.text,
      statements: parseRules(src.text).statements,
      toDoc: (o: number) => src.toHostOffset(o),
      fromDoc: (o: number) => {
        if (o < first || o > last) return undefined;
        // toHostOffset is monotonic: the last decoded offset at or before the host offset.
        let lo = 0;
        let hi = src.text.length;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (src.toHostOffset(mid) <= o) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      },
    };
  });
}
