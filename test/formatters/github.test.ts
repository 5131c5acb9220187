import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_KIND, escapeData, escapeProperty, formatGithub } from '../../src/formatters/github.js';
import { bigReport, fixtureReport } from './fixture-report.js';

describe('github workflow commands', () => {
  it.each([
    ['100% done', '100%25 done'],
    ['a\nb\r\nc', 'a%0Ab%0D%0Ac'],
    ['%0A literal', '%250A literal'],
  ])('escapeData(%j)', (input, expected) => expect(escapeData(input)).toBe(expected));

  it.each([
    ['a:b,c', 'a%3Ab%2Cc'],
    ['rules/x y.rules', 'rules/x y.rules'],
    ['50%,\n', '50%25%2C%0A'],
  ])('escapeProperty(%j)', (input, expected) => expect(escapeProperty(input)).toBe(expected));

  it('one annotation per finding, with file, line, col, endColumn and title; infos are notices', () => {
    const lines = formatGithub(fixtureReport(), { color: false }).trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(7);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(1);
    expect(lines.filter((l) => l.startsWith('::notice ')).length).toBe(2);
    expect(lines[0]).toMatch(/^::warning file=rules\/egress\.rules,line=2,col=46,endColumn=53,title=suricata-lint \(tls-ssl-state-explicit\)::'tls\.sni'/);
  });

  it('no output at all when there is nothing to report', () => {
    const r = fixtureReport();
    expect(formatGithub({ ...r, files: [r.files[1]] }, { color: false })).toBe('');
  });

  it(`caps each kind at ${ANNOTATIONS_PER_KIND}, then one notice counts the rest and the rest are plain log lines`, () => {
    const report = bigReport(6); // 42 errors, 6 warnings, 12 infos
    const lines = formatGithub(report, { color: false }).trimEnd().split('\n');
    const count = (p: string) => lines.filter((l) => l.startsWith(p)).length;
    expect(count('::error ')).toBe(10);
    expect(count('::warning ')).toBe(6);
    // 9 info notices + 1 overflow notice: never more than 10 notices per step
    expect(count('::notice ')).toBe(10);
    const overflow = lines.find((l) => l.startsWith('::notice title=suricata-lint%3A 35 more findings'));
    expect(overflow).toContain('35 more findings (32 errors, 3 infos) not shown as annotations');
    expect(overflow).toContain('job summary');
    expect(lines.filter((l) => !l.startsWith('::'))).toHaveLength(35);
    expect(lines.at(-1)).toMatch(/^rules\/egress-005\.rules:8:31: error: ssl_state:client_hello with 'ja3s.hash' never matches/);
  });
});
