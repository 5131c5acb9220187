import { describe, expect, it } from 'vitest';
import { recognizeHeader } from '../../src/syntax/fast-recognizer.js';
import { lexHeader } from '../../src/syntax/lexer.js';
import { ruleGrammar } from '../../src/syntax/parser.js';
import { parseRules } from '../../src/syntax/parse.js';
import { printRules } from '../../src/syntax/print.js';
import type { RuleStatement } from '../../src/syntax/tree.js';

/** Firewall-mode headers (Suricata 8 firewall mode, AWS Next Generation firewall engine). */
const HEADERS = [
  'accept:hook tcp:all $HOME_NET any -> $EXTERNAL_NET 443',
  'accept:flow tls:<client_hello $HOME_NET any -> $EXTERNAL_NET 443',
  'drop:flow,alert tls:client_hello $HOME_NET any -> $EXTERNAL_NET any',
  'accept:flow,pass:flow tls:<client_hello_done any any -> any any',
  'accept:hook,alert smtp:request_started any any -> any any',
  'accept:hook http2:stream:<request_headers any any -> any any',
  'ACCEPT:flow TLS:client_hello any any -> any any',
  'accept:hook tcp:all any any <> any 80',
  'alert tcp any any -> any any',
];

function rule(text: string): RuleStatement {
  const s = parseRules(`${text} (sid:1;)`).statements[0];
  if (s.kind !== 'rule') throw new Error('not a rule');
  return s;
}

describe('firewall-mode headers', () => {
  it.each(HEADERS)('the fast recognizer and the chevrotain grammar build the same records: %s', (h) => {
    const tokens = lexHeader(h, 0, h.length);
    const fast = recognizeHeader(tokens);
    const slow = ruleGrammar().parseHeader(tokens);
    expect(slow.errors).toEqual([]);
    expect(fast).toEqual(slow.header);
  });

  it.each(['drop:flow, tcp any any -> any any', 'drop:flow,,alert tcp any any -> any any', ',drop tcp any any -> any any'])(
    'a broken action list goes to the grammar, which reports it: %s',
    (h) => {
      const tokens = lexHeader(h, 0, h.length);
      expect(recognizeHeader(tokens)).toBeUndefined();
      expect(ruleGrammar().parseHeader(tokens).errors.length).toBeGreaterThan(0);
      expect(rule(h).errors.some((e) => !e.requiresSuricata8)).toBe(true);
    },
  );

  it('keeps the primary action, its scope and the secondary actions with their ranges', () => {
    const r = rule('accept:flow,pass:flow tls:<client_hello any any -> any any');
    const a = r.header.action!;
    expect([a.name, a.text, a.scope?.text]).toEqual(['accept', 'accept:flow', 'flow']);
    expect(a.secondary?.map((s) => [s.name, s.text, s.scope?.text, s.range.start])).toEqual([['pass', 'pass:flow', 'flow', 12]]);
    expect(a.fieldRange).toEqual({ start: 0, end: 21 });
  });

  it('keeps the protocol, the `<` and the hook (without the `<`)', () => {
    const p = rule('accept:flow tls:<client_hello any any -> any any').header.protocol!;
    expect([p.name, p.text, p.hook?.text, p.acceptPriorHooks]).toEqual(['tls', 'tls:<client_hello', 'client_hello', { start: 16, end: 17 }]);
    expect(p.hook!.range).toEqual({ start: 17, end: 29 });
    const q = rule('accept:hook tcp:all any any -> any any').header.protocol!;
    expect([q.hook?.text, q.acceptPriorHooks]).toEqual(['all', undefined]);
  });

  it('prints every firewall header back byte for byte', () => {
    const text = HEADERS.map((h, i) => `${h} (sid:${i + 1};)`).join('\n') + '\n';
    expect(printRules(parseRules(text))).toBe(text);
  });

  it('flags a scope in the wrong case, with the lower-case fix', () => {
    const e = rule('accept:FLOW tcp:all any any -> any any').errors.find((x) => !x.requiresSuricata8);
    expect(e?.message).toContain("must be lower case");
    expect(e?.fix?.edits).toEqual([{ range: { start: 7, end: 11 }, text: 'flow' }]);
  });

  it('spells rejectdst and rejectboth as the rule string does (the API enum has underscores)', () => {
    const e = rule('reject_dst:flow tcp:all any any -> any any').errors[0];
    expect(e.message).toContain("unknown action 'reject_dst'");
    expect(e.fix?.edits).toEqual([{ range: { start: 0, end: 10 }, text: 'rejectdst' }]);
    expect(e.fix?.applicability).toBe('safe');
  });
});
