import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixWith } from '../../src/fix/fix-loop.js';
import { loadHclGrammar, readHostDocument } from '../../src/inputs/read-host-document.js';
import { lintSource } from '../../src/linter/lint-source.js';
import { SourceFile } from '../../src/source/source-file.js';

const FIXTURES = new URL('../fixtures/inputs/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

/** Each host fixture, and how its own format's parser reads it back. */
const HOSTS: { file: string; reparse: (text: string) => unknown }[] = [
  { file: 'cloudformation.json', reparse: (t) => JSON.parse(t) },
  { file: 'cloudformation-crlf.json', reparse: (t) => JSON.parse(t) },
  { file: 'describe-rule-group.json', reparse: (t) => JSON.parse(t) },
  { file: 'cloudformation.yaml', reparse: (t) => parseYaml(t, { customTags: [] , logLevel: 'silent' }) },
  { file: 'cloudformation-crlf.yaml', reparse: (t) => parseYaml(t, { logLevel: 'silent' }) },
  { file: 'network-firewall.tf', reparse: (t) => readHostDocument('x.tf', t).findings.filter((f) => f.ruleId === 'host-parse-error') },
  { file: 'crlf-tabs.tf', reparse: (t) => readHostDocument('x.tf', t).findings.filter((f) => f.ruleId === 'host-parse-error') },
];

beforeAll(async () => {
  await loadHclGrammar();
});

describe('--fix on host files (end to end through lintSource and the fix loop)', () => {
  for (const { file, reparse } of HOSTS) {
    it(`${file}: fixed host re-parses, the gate findings are gone, untouched bytes are identical`, () => {
      const before = read(file);
      const lint = (t: string) => lintSource(file, t, {});
      const gateBefore = lint(before).filter((d) => d.ruleId === 'tls-client-hello-gate');
      expect(gateBefore.length).toBeGreaterThan(0);
      const { output } = fixWith(before, lint);
      expect(output).not.toBe(before);
      // Its own parser still reads it.
      const again = reparse(output);
      if (Array.isArray(again)) expect(again).toEqual([]);
      // The fixed rules lint clean for the gate, with nothing new at error severity.
      const after = lint(output);
      expect(after.filter((d) => d.ruleId === 'tls-client-hello-gate')).toEqual([]);
      expect(after.filter((d) => d.ruleId === 'parse-error' || d.ruleId === 'host-parse-error')).toEqual([]);
      // Only insertions: removing every inserted 'ssl_state:client_hello; ' (or its escaped form) gives the original back.
      expect(output.replaceAll('ssl_state:client_hello; ', '')).toBe(before.replaceAll('ssl_state:client_hello; ', ''));
      // Line endings kept.
      expect(output.includes('\r\n')).toBe(before.includes('\r\n'));
    });
  }

  it('diagnostics carry the host line and column (hand-counted)', () => {
    const text = read('cloudformation.yaml');
    const src = new SourceFile('cloudformation.yaml', text);
    const gate = lintSource('cloudformation.yaml', text, {}).find((d) => d.ruleId === 'tls-client-hello-gate')!;
    const at = src.positionAt(gate.range.start);
    // Line 27 of the fixture is `            drop tls $HOME_NET any -> ...`: the rule starts after 12 spaces.
    expect(src.lineText(at.line).trimStart().startsWith('drop tls')).toBe(true);
    expect(at).toEqual({ line: 27, column: 13 });
  });
});
