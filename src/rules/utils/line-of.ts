import { SourceFile } from '../../source/source-file.js';

/*
 * Duplicate-sid messages name the line of an earlier rule, once per duplicate: scanning from offset 0
 * each time was quadratic on files full of duplicates. The line index of the last text asked about is
 * kept (the same text is asked about many times in a row).
 */
let cached: SourceFile | undefined;

/** 1-based line of an offset (for messages that point at another rule). */
export function lineOf(text: string, offset: number): number {
  if (cached?.text !== text) cached = new SourceFile('', text);
  return cached.positionAt(offset).line;
}
