import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

/*
 * chevrotain is loaded on first need only: parsing well-formed rules never calls loadChevrotain (the
 * fast recognizer and the option scanner handle them), and the first rule with a syntax error loads it
 * once per process. The loader is wrapped to count its calls.
 */
const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/syntax/load-chevrotain.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/syntax/load-chevrotain.js')>();
  return {
    loadChevrotain: () => {
      calls.n++;
      return real.loadChevrotain();
    },
  };
});

const { parseRules } = await import('../../src/syntax/parse.js');
const { loadChevrotain } = await vi.importActual<typeof import('../../src/syntax/load-chevrotain.js')>('../../src/syntax/load-chevrotain.js');

const WELL_FORMED = [
  'alert tcp any any -> any any (sid:1;)',
  'drop tcp [10.0.0.0/8,![10.1.0.0/16,$DMZ]] [1024:,!1100] <> @BETA [80,443,8000:8080] (sid:2;)',
  'alert tcp 192.168.0.0/16,10.0.0.0/8 any -> any any (sid:3;)',
  'alert tcp any any -> any any (content:!"a\\;b\\"c\\\\d\\:e|0d 0a|"; nocase; sid:5;)',
  'alert dcerpc any any -> any any (\\\nmsg:"x";\\\nsid:11;\\\n)',
  'pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; content:".amazon.com"; msg:"a;b"; sid:6;)',
  '# alert tcp any any -> any any (sid:9;)',
  'drop ip $HOME_NET any-> [198.51.100.0/24,203.0.113.0/24] any (sid:7;)',
].join('\n');

describe('lazy grammar', () => {
  it('parses well-formed rules without loading chevrotain', () => {
    const file = parseRules(WELL_FORMED);
    expect(file.statements.filter((s) => s.kind === 'rule')).toHaveLength(8);
    expect(calls.n).toBe(0);
  });

  it('loads chevrotain once, at the first syntax error', () => {
    const header = parseRules('alert tcp any any any -> any any (sid:1;)\n').statements[0];
    expect(header.kind === 'rule' && header.errors.map((e) => e.message)).toEqual(["'any' is not a valid direction"]);
    expect(calls.n).toBe(1);
    const options = parseRules('alert tcp any any -> any any (nocase depth:1; sid:2;)\nalert tcp any any -> any (sid:3;)\n').statements;
    expect(options.flatMap((s) => (s.kind === 'rule' ? s.errors.map((e) => e.message) : []))).toEqual([
      "expected ';' after 'nocase' but found 'depth'",
      'incomplete rule header: missing the destination port',
    ]);
    expect(calls.n).toBe(1);
  });

  it('imports chevrotain for types only, anywhere in src/syntax (load-chevrotain.ts requires it on demand)', () => {
    const dir = new URL('../../src/syntax/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('parser.ts');
    for (const f of files) {
      const imports = readFileSync(new URL(f, dir), 'utf8').match(/^import[^;]*from 'chevrotain';/gm) ?? [];
      for (const line of imports) expect([f, line]).toEqual([f, expect.stringMatching(/^import type /)]);
    }
  });

  it('loads a working chevrotain, the same module on every call', () => {
    const chevrotain = loadChevrotain();
    expect(typeof chevrotain.EmbeddedActionsParser).toBe('function');
    expect(typeof chevrotain.createToken).toBe('function');
    expect(loadChevrotain()).toBe(chevrotain);
  });
});
