// Checks the catalog against a real Suricata 7.0.10 (`suricata -T`), when one is installed
// (../shared/tools/install-suricata.sh). Skipped otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYWORDS } from '../../src/catalog/keywords.data.js';

const version = spawnSync('suricata', ['-V'], { encoding: 'utf8' });
const isSuricata7010 = version.status === 0 && /version 7\.0\.10\b/.test(version.stdout ?? '');

/** Loads the rules with `suricata -T` and returns the error output. */
function loadErrors(dir: string, rules: string[]): string {
  const file = join(dir, `r${Math.random().toString(36).slice(2)}.rules`);
  writeFileSync(file, rules.map((r, i) => r.replace('SID', String(i + 1))).join('\n') + '\n');
  const run = spawnSync('suricata', ['-T', '-S', file, '-l', dir], { encoding: 'utf8' });
  return `${run.stdout ?? ''}${run.stderr ?? ''}`;
}

const unknownIn = (out: string): Set<string> => new Set([...out.matchAll(/unknown rule keyword '([^']+)'/g)].map((m) => m[1]));

describe.skipIf(!isSuricata7010)('catalog against suricata -T (7.0.10)', () => {
  const dir = isSuricata7010 ? mkdtempSync(join(tmpdir(), 'kwcat-')) : '';
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('Suricata 7.0.10 knows every since-7 name and alias, and none of the Suricata 8 or AWS ones', () => {
    const names = KEYWORDS.flatMap((k) => [k.name, ...k.aliases]);
    const unknown = unknownIn(loadErrors(dir, names.map((n) => `alert ip any any -> any any (${n}; sid:SID;)`)));
    for (const k of KEYWORDS) {
      for (const n of [k.name, ...k.aliases]) expect(unknown.has(n), n).toBe(k.since === 8 || k.vendor === 'aws');
    }
  });

  it('quotes: mandatory ones reject a bare value, never ones reject a quoted value', () => {
    const valued = KEYWORDS.filter((k) => k.since === 7 && !k.vendor && k.value !== 'none');
    const bare = loadErrors(dir, valued.map((k) => `alert ip any any -> any any (${k.name}:zzz; sid:SID;)`));
    const quoted = loadErrors(dir, valued.map((k) => `alert ip any any -> any any (${k.name}:"zzz"; sid:SID;)`));
    const mustQuote = new Set([...bare.matchAll(/invalid formatting to (\S+) keyword: value must be double quoted/g)].map((m) => m[1]));
    const noQuotes = new Set([...quoted.matchAll(/quotes on (\S+) keyword that doesn't support them/g)].map((m) => m[1]));
    for (const k of valued) {
      expect(mustQuote.has(k.name), k.name).toBe(k.quotes === 'mandatory');
      expect(noQuotes.has(k.name), k.name).toBe(k.quotes === 'never');
    }
  });

  it('values: none rejects a value, required rejects a missing one', () => {
    const builtIn = KEYWORDS.filter((k) => k.since === 7 && !k.vendor);
    const withValue = loadErrors(dir, builtIn.filter((k) => k.value === 'none').map((k) => `alert ip any any -> any any (${k.name}:1; sid:SID;)`));
    const withoutValue = loadErrors(dir, builtIn.filter((k) => k.value !== 'none').map((k) => `alert ip any any -> any any (${k.name}; sid:SID;)`));
    const rejectsValue = new Set([...withValue.matchAll(/unexpected option to (\S+) keyword/g)].map((m) => m[1]));
    const needsValue = new Set([...withoutValue.matchAll(/invalid formatting or malformed option to (\S+) keyword/g)].map((m) => m[1]));
    for (const k of builtIn) {
      if (k.value === 'none') expect(rejectsValue.has(k.name), k.name).toBe(true);
      else expect(needsValue.has(k.name), k.name).toBe(k.value === 'required');
    }
  });
});
