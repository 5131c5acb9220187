/**
 * Issue 17 item 9: rule text, messages quoting it and file names are attacker-controlled in a PR. One
 * sanitiser (src/formatters/safe-text.ts) keeps them from driving the terminal, the Actions runner or
 * GitHub notifications, in every human format.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT, runCli } from '../cli-safety/run-cli.js';
import { ALL_LINT_RULES } from '../../src/rules/index.js';
import { lintText } from '../../src/linter/linter.js';
import type { LintReport } from '../../src/linter/lint-report.js';
import { formatGithub } from '../../src/formatters/github.js';
import { formatJunit } from '../../src/formatters/junit.js';
import { formatMarkdown } from '../../src/formatters/markdown.js';
import { TEXT_FINDINGS_PER_FILE, formatText } from '../../src/formatters/text.js';
import { displayPath, guardLineStart, neutraliseMentionsAndLinks, oneLine, visibleControls } from '../../src/formatters/safe-text.js';

const ESC = '\u001b';
/** A rule continued with `\` whose next line is a workflow command, ESC sequences (clear screen, OSC 8 link), a bidi override, a mention and URLs. */
const HOSTILE_TEXT = [
  `alert tls any any -> any any (msg:"hi ${ESC}[2J${ESC}]8;;https://evil.example${ESC}\\\\ \u202Eevil"; tls.sni; content:"a.com"; unknownkw@team; \\`,
  '::error file=README.md,line=1::PWNED',
  'sid:1; rev:1; bogus:https://evil.example/x www.evil.example;)',
  '',
].join('\n');
const HOSTILE_PATHS = ['::stop-commands::t.rules', 'a\n::error file=README.md::PWNED.rules', `x${ESC}[31m.rules`];

function report(path: string): LintReport {
  const diagnostics = lintText(HOSTILE_TEXT, {});
  // A message that quotes data with a line break, as engine messages and some rule messages do.
  diagnostics.push({ ...diagnostics[0], message: `quoted: a\n::warning::INJECTED @team https://evil.example ${ESC}[0m`, hint: 'first\n::notice::INJECTED' });
  return { files: [{ path, text: HOSTILE_TEXT, diagnostics }], rules: ALL_LINT_RULES.map((r) => r.meta), toolVersion: '0' };
}

const HUMAN = [
  { name: 'text', format: (r: LintReport) => formatText(r, { color: false }) },
  { name: 'text (colour)', format: (r: LintReport) => formatText(r, { color: true }) },
  { name: 'github', format: (r: LintReport) => formatGithub(r, { color: false }) },
  { name: 'markdown', format: (r: LintReport) => formatMarkdown(r, { color: false }) },
  { name: 'junit', format: (r: LintReport) => formatJunit(r, { color: false }) },
];

/** Our own annotation lines: `::error|warning|notice file=…,line=N…::message` with escaped properties, and the overflow notice. */
const OWN_COMMAND = /^::(error|warning|notice) (file=[^,:\n]*,line=\d+(,(col|endColumn|endLine)=\d+)*,)?title=[^:\n]*::/;

/** Markdown's ```suggestion blocks hold the file's lines exactly (GitHub applies them as they are): not log output. */
function outsideSuggestions(out: string): string {
  return out.replace(/^(`{3,})suggestion\n[\s\S]*?\n\1$/gm, '');
}

describe('output injection: every human format', () => {
  for (const f of HUMAN) {
    for (const path of HOSTILE_PATHS) {
      it(`${f.name}, file ${JSON.stringify(path)}: no line from data starts with '::', no raw control characters`, () => {
        const out = f.format(report(path));
        for (const line of outsideSuggestions(out).split('\n')) {
          if (/^\s*::/.test(line)) {
            expect(f.name, line).toBe('github');
            expect(line).toMatch(OWN_COMMAND);
          }
        }
        // Colour codes are ours (picocolors): remove them, then no ESC or C0/C1 control may remain.
        const withoutOurColours = outsideSuggestions(out).replace(/\u001b\[\d+(;\d+)*m/g, '');
        expect(withoutOurColours).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
        if (f.name !== 'text (colour)') expect(outsideSuggestions(out)).not.toContain(ESC);
      });
    }
  }

  it('markdown: @mentions and bare URLs from data are neutralised; our own structure is kept', () => {
    const out = formatMarkdown(report('rules/a.rules'), { color: false });
    // Outside code spans and fenced blocks (which GitHub does not link or mention in).
    const prose = out.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
    expect(prose).not.toMatch(/@team/);
    expect(prose).not.toMatch(/https:\/\/evil/);
    expect(prose).toMatch(/@\u200Bteam/);
    expect(out).toContain('<!-- suricata-lint -->');
  });

  it('text: a control character in a code frame keeps the caret under the right column (one unit for one)', () => {
    const text = `alert tcp any any -> any any (msg:"${ESC}"; foo; sid:1;)\n`;
    const diagnostics = lintText(text, {}).filter((d) => d.ruleId === 'unknown-keyword');
    const out = formatText({ files: [{ path: 'a.rules', text, diagnostics }], rules: [], toolVersion: '0' }, { color: false });
    const lines = out.split('\n');
    const frame = lines.findIndex((l) => l.includes('␛'));
    const caret = lines[frame + 1].indexOf('^');
    expect(lines[frame].slice(caret, caret + 3)).toBe('foo');
  });
});

describe('safe-text', () => {
  it.each([
    ['ESC', `a${ESC}[2Jb`, 'a␛[2Jb'],
    ['BEL, NUL, DEL', 'a\u0007\u0000\u007f', 'a␇␀␡'],
    ['C1 CSI and a bidi override', 'a\u009b\u202Eb', 'a\uFFFD\uFFFDb'],
    ['tab and line breaks kept', 'a\tb\r\nc', 'a\tb\r\nc'],
  ])('visibleControls: %s', (_name, input, want) => {
    expect(visibleControls(input)).toBe(want);
    expect(visibleControls(input).length).toBe(input.length);
  });

  it('oneLine shows line breaks, so data never starts a new line', () => {
    expect(oneLine('a\r\n::error::x')).toBe('a␍␊::error::x');
  });

  it.each([
    ['::error::x', '\\::error::x'],
    ['  \t::stop-commands::t', '  \t\\::stop-commands::t'],
    ['a::b', 'a::b'],
    [': :x', ': :x'],
  ])('guardLineStart(%j)', (input, want) => {
    expect(guardLineStart(input)).toBe(want);
  });

  it('displayPath: a path that starts with :: is shown as ./::…', () => {
    expect(displayPath('::stop-commands::t.rules')).toBe('./::stop-commands::t.rules');
    expect(displayPath('rules/a.rules')).toBe('rules/a.rules');
    expect(displayPath('a\n::error::x')).toBe('a␊::error::x');
  });

  it.each([
    ['@team', '@\u200Bteam'],
    ['@org/team', '@\u200Borg/team'],
    ['mail me@example.com', 'mail me@\u200Bexample.com'],
    ['https://evil.example/x', 'https:\u200B//evil.example/x'],
    ['see www.evil.example', 'see www\u200B.evil.example'],
    ['a @ b', 'a @ b'],
  ])('neutraliseMentionsAndLinks(%j)', (input, want) => {
    expect(neutraliseMentionsAndLinks(input)).toBe(want);
  });
});

describe.skipIf(!BUILT)('output injection through the built CLI', () => {
  it('stderr refusals and the github format name a hostile file without starting a line with ::', () => {
    const dir = mkdtempSync(join(tmpdir(), 'suricata-lint-inject-'));
    try {
      writeFileSync(join(dir, 'bad\n::error file=README.md::PWNED.rules'), Buffer.from([0xe9, 0x0a]));
      writeFileSync(join(dir, '::stop-commands::t.rules'), HOSTILE_TEXT);
      const r = runCli(['-f', 'github', '.'], { cwd: dir });
      expect(r.status).toBe(2);
      for (const line of `${r.stdout}\n${r.stderr}`.split('\n')) if (/^\s*::/.test(line)) expect(line).toMatch(OWN_COMMAND);
      expect(r.stderr).toMatch(/^suricata-lint: bad␊::error file=README\.md::PWNED\.rules: the file is not valid UTF-8/m);
      expect(r.stdout).not.toContain(ESC);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('text: a cap on findings printed per file (issue 17 item 7)', () => {
  it('prints TEXT_FINDINGS_PER_FILE findings of a file, counts the rest in one line, and the summary counts all', () => {
    const text = 'alert tcp any any -> any any (foo; sid:1;)\n'.repeat(TEXT_FINDINGS_PER_FILE + 5);
    const diagnostics = lintText(text, {}).filter((d) => d.ruleId === 'unknown-keyword');
    expect(diagnostics.length).toBe(TEXT_FINDINGS_PER_FILE + 5);
    const out = formatText({ files: [{ path: 'a.rules', text, diagnostics }], rules: [], toolVersion: '0' }, { color: false });
    expect(out.match(/^a\.rules:\d+:\d+ {2}error/gm)?.length).toBe(TEXT_FINDINGS_PER_FILE);
    expect(out).toContain(`… and 5 more findings in this file, not shown (at most ${TEXT_FINDINGS_PER_FILE} per file here; the summary counts them all, and -f json lists them)`);
    expect(out).toMatch(new RegExp(`✖ ${TEXT_FINDINGS_PER_FILE + 5} problems`));
  });
});
