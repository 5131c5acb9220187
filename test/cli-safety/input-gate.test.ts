/**
 * Issue 17 item 6: one input gate for every path (files, host files, --stdin): strict decoding, byte
 * and line limits counted the way the statement splitter sees lines, the same messages everywhere, and
 * a refused input named in the JSON report.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LINES, countLines, gateInput } from '../../src/cli/read-text-file.js';
import { BUILT, runCli } from './run-cli.js';

const b = (s: string) => Buffer.from(s, 'utf8');

describe('countLines counts what the statement splitter splits on', () => {
  it.each([
    ['LF', 'a\nb\nc\n', false, 3],
    ['CRLF', 'a\r\nb\r\n', false, 2],
    ['CR only', 'a\rb\rc\r', false, 3],
    ['mixed', 'a\r\nb\rc\n', false, 3],
    ['escapes in a .rules file are text', 'a\\nb\\nc\n', false, 1],
    ['escapes in a host file are lines', '{"RulesString":"a\\nb\\r\\nc\\rd"}', true, 3],
    ['an escaped backslash before n is not a line break', '{"s":"a\\\\nb"}', true, 0],
  ])('%s', (_name, text, escapes, want) => {
    expect(countLines(b(text), 1e9, escapes)).toBe(want);
  });
});

describe('gateInput', () => {
  it('refuses a CR-only file over the line limit (it used to count LF only, then 2.2 GB and a crash)', () => {
    const r = gateInput(b('x\r'.repeat(MAX_LINES + 1)), 'a.rules');
    expect(r).toEqual({ ok: false, reason: `the file has more than ${MAX_LINES} lines, more than suricata-lint can hold in memory at once; split it into several files` });
  });

  it('refuses a one-line rule group JSON holding more rule lines than the limit', () => {
    const r = gateInput(b(`{"RulesString":"${'alert ip any any -> any any (sid:1;)\\n'.repeat(MAX_LINES + 1)}"}`), 'group.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/more than 400000 lines \(counting \\n in rule strings\)/);
  });

  it('decodes strictly: invalid UTF-8 and UTF-16 are refused, valid text passes', () => {
    expect(gateInput(Buffer.from([0x61, 0xe9, 0x0a]), 'a.rules')).toEqual({ ok: false, reason: 'the file is not valid UTF-8: invalid byte 0xe9 at byte offset 1; save it as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)' });
    expect(gateInput(Buffer.from([0xff, 0xfe, 0x61, 0x00]), 'a.rules').ok).toBe(false);
    expect(gateInput(b('alert ip any any -> any any (sid:1;)\n'), 'a.rules')).toEqual({ ok: true, text: 'alert ip any any -> any any (sid:1;)\n' });
  });
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'suricata-lint-gate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!BUILT)('the same gate for files and --stdin', () => {
  const cases: { name: string; bytes: Buffer }[] = [
    { name: 'invalid UTF-8', bytes: Buffer.from('alert ip any any -> any any (msg:"\xe9"; sid:1;)\n', 'latin1') },
    { name: 'UTF-16 with a BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('alert ip any any -> any any (sid:1;)\n', 'utf16le')]) },
    { name: 'CR-only over the line limit', bytes: Buffer.from('x\r'.repeat(MAX_LINES + 1)) },
  ];
  for (const c of cases) {
    it(`${c.name}: the same message from a file and from --stdin, exit 2, and the JSON report carries the refusal`, () => {
      writeFileSync(join(dir, 'in.rules'), c.bytes);
      const file = runCli(['-f', 'json', 'in.rules'], { cwd: dir });
      const stdin = runCli(['-f', 'json', '--stdin', '--stdin-filename', 'in.rules'], { cwd: dir, input: c.bytes as unknown as string });
      expect(file.status).toBe(2);
      expect(stdin.status).toBe(2);
      expect(stdin.stderr).toBe(file.stderr);
      expect(file.stderr).toMatch(/^suricata-lint: in\.rules: the file /);
      const reason = file.stderr.slice('suricata-lint: in.rules: '.length).trimEnd();
      expect(JSON.parse(file.stdout)).toEqual([{ filePath: 'in.rules', diagnostics: [], refused: reason }]);
      expect(JSON.parse(stdin.stdout)).toEqual([{ filePath: 'in.rules', diagnostics: [], refused: reason }]);
    });
  }
});
