import { describe, expect, it } from 'vitest';
import { readLoaderStatements } from '../../src/engine/loader-statements.js';

describe('readLoaderStatements', () => {
  it('skips comments, blank and indented lines and numbers statements by their first line', () => {
    const text = '# comment\n\nalert tcp any any -> any any (sid:1;)\n  alert tcp any any -> any any (sid:2;)\n\talert x\ndrop ip any any -> any any (sid:3;)\n';
    expect(readLoaderStatements(text)).toEqual([
      { line: 3, endLine: 3, text: 'alert tcp any any -> any any (sid:1;)' },
      { line: 6, endLine: 6, text: 'drop ip any any -> any any (sid:3;)' },
    ]);
  });

  it('joins continuation lines in place of the backslash, keeping the next line\'s indentation', () => {
    const text = 'alert tcp any any -> any any (msg:"a"; \\  \n    sid:1;)\nalert ip any any -> any any (sid:2;)';
    expect(readLoaderStatements(text)).toEqual([
      { line: 1, endLine: 2, text: 'alert tcp any any -> any any (msg:"a";     sid:1;)' },
      { line: 3, endLine: 3, text: 'alert ip any any -> any any (sid:2;)' },
    ]);
  });

  it('appends a continuation line even when it starts with # or space', () => {
    expect(readLoaderStatements('alert \\\n# x\n')).toEqual([{ line: 1, endLine: 2, text: 'alert # x' }]);
  });

  it('drops a statement still open at the end of the text, as Suricata does', () => {
    expect(readLoaderStatements('alert tcp any any -> any any (sid:1;) \\\n')).toEqual([]);
  });

  it('splits on LF only and removes the CR of CRLF lines', () => {
    expect(readLoaderStatements('a b\r\n\r\nc d\r\n')).toEqual([
      { line: 1, endLine: 1, text: 'a b' },
      { line: 3, endLine: 3, text: 'c d' },
    ]);
  });

  it('keeps a line that is only a backslash open', () => {
    expect(readLoaderStatements('\\\nalert x\n')).toEqual([{ line: 1, endLine: 2, text: 'alert x' }]);
  });
});
