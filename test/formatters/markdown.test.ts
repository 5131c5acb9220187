import { describe, expect, it } from 'vitest';
import { formatMarkdown, formatMarkdownWithin, GITHUB_COMMENT_LIMIT } from '../../src/formatters/markdown.js';
import { blobLink, escapeMarkdown, fencedBlock, inlineCode } from '../../src/formatters/markdown-text.js';
import { fixedLines } from '../../src/formatters/fixed-lines.js';
import { COMMENT_MARKER } from '../../src/formatters/tool-info.js';
import { Edit } from '../../src/source/edit.js';
import { Fix } from '../../src/source/fix.js';
import { SourceFile } from '../../src/source/source-file.js';
import { bigReport, fixtureReport } from './fixture-report.js';

const ctx = { color: false, repoUrl: 'https://github.com/acme/firewall-rules/', sha: 'abc123' };

describe('markdown helpers', () => {
  it('escapes what GitHub would interpret', () => {
    expect(escapeMarkdown('a_b *c* <d> | [e](f) `g`')).toBe('a\\_b \\*c\\* \\<d\\> \\| \\[e\\](f) \\`g\\`');
  });
  it('inline code and fences survive backticks', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(fencedBlock('suggestion', 'x ``` y')).toBe('````suggestion\nx ``` y\n````');
  });
  it('blob links encode path segments and anchor lines', () => {
    expect(blobLink('https://github.com/o/r/', 'abc', 'rules/a b#.rules', 3)).toBe('https://github.com/o/r/blob/abc/rules/a%20b%23.rules#L3');
    expect(blobLink('https://github.com/o/r', 'abc', 'x.rules', 3, 5)).toBe('https://github.com/o/r/blob/abc/x.rules#L3-L5');
  });
});

describe('fixedLines: the lines a fix touches, before and after', () => {
  const src = new SourceFile('x', 'one\ntwo three\nfour\n');
  it.each([
    ['an insertion', Fix.safe('t', [Edit.insertAt(8, 'and ')]), { startLine: 2, endLine: 2, before: 'two three', after: 'two and three' }],
    ['two edits on one line', Fix.safe('t', [Edit.replace({ start: 4, end: 7 }, '2'), Edit.replace({ start: 8, end: 13 }, '3')]), { startLine: 2, endLine: 2, before: 'two three', after: '2 3' }],
    ['an edit across lines', Fix.safe('t', [Edit.replace({ start: 2, end: 5 }, 'X')]), { startLine: 1, endLine: 2, before: 'one\ntwo three', after: 'onXwo three' }],
  ])('%s', (_, fix, expected) => expect(fixedLines(src, fix)).toEqual(expected));
  it('no edits: nothing to suggest', () => expect(fixedLines(src, Fix.displayOnly('t'))).toBeUndefined());
});

describe('markdown PR comment', () => {
  it('starts with the hidden marker, links locations, and turns each safe fix into a suggestion block', () => {
    const md = formatMarkdown(fixtureReport(), ctx);
    expect(md.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(md).toContain('[`rules/egress.rules:4:1`](https://github.com/acme/firewall-rules/blob/abc123/rules/egress.rules#L4)');
    const suggestions = md.match(/```suggestion\n[^\n]*\n```/g) ?? [];
    expect(suggestions).toHaveLength(5);
    expect(suggestions).toContain('```suggestion\ndrop ip $HOME_NET any -> any any (msg:"Block, 100%: rest"; sid:1006;)\n```');
  });
  it('without --repo-url/--sha, locations are plain code', () => {
    const md = formatMarkdown(fixtureReport(), { color: false });
    expect(md).not.toContain('](http');
    expect(md).toContain('`rules/egress.rules:4:1`');
  });
  it('paths outside the repository are never linked', () => {
    const r = fixtureReport();
    for (const path of ['/abs/egress.rules', '../other/egress.rules', '<stdin>']) {
      const md = formatMarkdown({ ...r, files: [{ ...r.files[0], path }] }, ctx);
      expect(md).not.toContain('/blob/');
    }
  });
  it('a clean report is a short all-clear', () => {
    const r = fixtureReport();
    expect(formatMarkdown({ ...r, files: [r.files[1]] }, ctx)).toBe(`${COMMENT_MARKER}\n## suricata-lint\n\n✅ No problems found in 1 file.\n`);
  });
  it('folds findings in <details> when there are many', () => {
    const md = formatMarkdown(bigReport(2), ctx);
    expect(md.match(/<details><summary>/g)).toHaveLength(2);
    expect(md.match(/<\/details>/g)).toHaveLength(2);
  });
  it(`stays under GitHub's ${GITHUB_COMMENT_LIMIT}-character limit and says what it left out`, () => {
    const md = formatMarkdown(bigReport(300), ctx);
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md).toMatch(/\d+ more findings not shown: this comment would exceed GitHub's 65,536-character limit/);
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
  });
  it('truncates at any limit without breaking the structure', () => {
    for (const limit of [4_000, 8_000, 20_000]) {
      const md = formatMarkdownWithin(bigReport(20), ctx, limit);
      expect(md.length).toBeLessThanOrEqual(limit);
      expect(md.match(/```suggestion/g)?.length ?? 0).toBe((md.match(/```/g)?.length ?? 0) / 2);
      expect(md).toContain('more findings not shown');
    }
  });
});

describe('markdown: one suggestion per line, errors first (issue 16 bug 11)', () => {
  const text = 'alert tcp any any -> any any (sid:1;)\ndrop tls any any -> any any (msg:"x"; sid:2;)\n';
  const src = new SourceFile('a.rules', text);
  const at = (needle: string) => text.indexOf(needle);
  const d = (ruleId: string, severity: 'error' | 'warning' | 'info', start: number, fix?: Fix, hint?: string) =>
    ({ ruleId, severity, message: ruleId, range: { start, end: start + 1 }, ...(fix ? { fix } : {}), ...(hint ? { hint } : {}) }) as never;
  const report = (diagnostics: never[]) => ({ files: [{ path: 'a.rules', text, diagnostics }], rules: [], toolVersion: '0' });
  /** The findings section (after the tables). */
  const findings = (r: ReturnType<typeof report>) => formatMarkdown(r, { color: false }).split('### Findings')[1];

  it('two safe fixes on one line: one suggestion with both, the other finding refers to it', () => {
    const md = findings(
      report([
        d('missing-msg', 'warning', at('(sid:1'), Fix.safe('Add msg', [Edit.insertAt(at('(sid:1') + 1, 'msg:"m"; ')])),
        d('missing-rev', 'error', at('sid:1;') + 6, Fix.safe('Add rev', [Edit.insertAt(at('sid:1;') + 6, ' rev:1;')])),
      ]),
    );
    const blocks = md.match(/```suggestion\n[^\n]*\n```/g) ?? [];
    expect(blocks).toEqual(['```suggestion\nalert tcp any any -> any any (msg:"m"; sid:1; rev:1;)\n```']);
    expect(md).toContain('Safe fix, 2 fixes in one suggestion: Add msg; Add rev (line 1):');
    expect(md).toContain('Safe fix, Add msg: included in the one suggestion for line 1 above.');
    // The error comes first, and carries the suggestion.
    expect(md.indexOf('missing-rev')).toBeLessThan(md.indexOf('`missing-msg`'));
    expect(md.indexOf('```suggestion')).toBeLessThan(md.indexOf('`missing-msg`'));
  });

  it('fixes on different lines keep their own suggestions; overlapping edits are never merged into a broken line', () => {
    const gate = Fix.safe('Gate', [Edit.insertAt(at('(msg:"x"') + 1, 'ssl_state:client_hello; ')]);
    const msg = Fix.safe('Msg', [Edit.replace({ start: at('msg:"x"'), end: at('msg:"x"') + 8 }, 'msg:"y";')]);
    const clash = Fix.safe('Clash', [Edit.replace({ start: at('"x"'), end: at('"x"') + 3 }, '"z"')]);
    const md = findings(report([d('a', 'error', 0, Fix.safe('One', [Edit.insertAt(0, '#')])), d('b', 'error', at('drop'), gate), d('c', 'warning', at('drop') + 1, msg), d('e', 'warning', at('drop') + 2, clash)]));
    expect(md.match(/```suggestion/g)).toHaveLength(2);
    expect(md).toContain('```suggestion\n#alert tcp any any -> any any (sid:1;)\n```');
    expect(md).toContain('```suggestion\ndrop tls any any -> any any (ssl_state:client_hello; msg:"y"; sid:2;)\n```');
    expect(md).toContain('Safe fix, Clash: applied by `--fix`; not part of the suggestion (it overlaps another fix on this line).');
  });

  it('a multi-line hint keeps its lines inside the quote', () => {
    const md = formatMarkdown(report([d('x', 'warning', 0, undefined, 'first line\nsecond line')]), { color: false });
    expect(md).toContain('> first line  \n> second line');
  });

  it('files with errors come before files with only warnings', () => {
    const r = report([d('w', 'warning', 0)]);
    const md = findings({ ...r, files: [r.files[0], { path: 'b.rules', text, diagnostics: [d('e', 'error', 0)] }] });
    expect(md.indexOf('`b.rules`')).toBeLessThan(md.indexOf('`a.rules`'));
  });
});
