import { describe, expect, it } from 'vitest';
import { defineLintRule, type LintRule } from '../../src/linter/lint-rule.js';
import { lintText } from '../../src/linter/linter.js';
import type { RuleFacts } from '../../src/linter/rule-facts.js';
import type { RunFacts } from '../../src/linter/run-facts.js';
import { parseRules } from '../../src/syntax/parse.js';
import type { RuleStatement } from '../../src/syntax/tree.js';
import { RuleFacts as Facts } from '../../src/linter/rule-facts.js';

const rule = (text: string): RuleStatement => {
  const s = parseRules(text).statements.find((x) => x.kind === 'rule');
  if (!s || s.kind !== 'rule') throw new Error('no rule');
  return s;
};

/** A lint rule that records what the linter hands it. */
function spy(id: string, seen: { facts: RuleFacts[]; runs: RunFacts[] }): LintRule {
  return defineLintRule({
    meta: { id, category: 'hygiene', severity: { 'aws-nfw': 'info', suricata: 'info' }, fix: 'none', docs: { summary: 'spy', rationale: 'for the test' } },
    checkRule(_rule, ctx, facts) {
      seen.facts.push(facts);
      seen.runs.push(ctx.run);
    },
  });
}

describe('RuleFacts', () => {
  const r = rule('drop tls $HOME_NET any -> [10.0.0.0/8,!10.1.0.0/16] 443 (msg:"x"; tls_sni; content:"a.com"; nocase; flowbits:isset,b; sid:7; rev:2;)\n');
  const f = new Facts(r);

  it('gives each option its catalog entry, canonical name and active buffer', () => {
    expect(f.options.map((o) => [o.option.name, o.name, o.buffer])).toEqual([
      ['msg', 'msg', 'payload'],
      ['tls_sni', 'tls.sni', 'tls.sni'],
      ['content', 'content', 'tls.sni'],
      ['nocase', 'nocase', 'tls.sni'],
      ['flowbits', 'flowbits', 'tls.sni'],
      ['sid', 'sid', 'tls.sni'],
      ['rev', 'rev', 'tls.sni'],
    ]);
    expect(f.options[1].keyword?.kind).toBe('sticky-buffer');
    // From the buffer model: pkt_data goes back to the payload.
    const back = new Facts(rule('alert tls any any -> any any (tls.sni; content:"a"; pkt_data; content:"b"; sid:1;)\n'));
    expect(back.buffers).toEqual(['tls.sni', 'tls.sni', 'payload', 'payload', 'payload']);
    expect(back.bufferModel.findings).toEqual([]);
    expect(f.optionsNamed('tls.sni', 'nocase').map((o) => o.name)).toEqual(['tls_sni', 'nocase']);
  });

  it('computes contents, TLS analysis, sid and header values, each once', () => {
    expect(f.contents.contents.map((c) => [c.pattern, c.buffer])).toEqual([['a.com', 'tls.sni']]);
    expect(f.tls.blocking).toBe(true);
    expect(f.tls.clientHelloBuffers.map((o) => o.name)).toEqual(['tls_sni']);
    expect(f.sid).toMatchObject({ sid: 7, gid: 1, rev: 2 });
    expect(f.headerValues('destination').map((v) => [v.negated, v.value.text])).toEqual([[false, '10.0.0.0/8'], [true, '10.1.0.0/16']]);
    expect(f.tls).toBe(f.tls);
    expect(f.contents).toBe(f.contents);
    expect(f.options).toBe(f.options);
    expect(f.headerValues('destination')).toBe(f.headerValues('destination'));
    expect(new Facts(rule('alert tcp any any -> any any (msg:"no sid";)\n')).sid).toBeUndefined();
  });

  it('is one object per statement, shared by every lint rule, and one RunFacts per run', () => {
    const seen = { facts: [] as RuleFacts[], runs: [] as RunFacts[] };
    lintText('alert tcp any any -> any 1 (sid:1;)\nalert tcp any any -> any 2 (sid:2;)\n', {}, [spy('a', seen), spy('b', seen)]);
    expect(seen.facts).toHaveLength(4);
    expect(seen.facts[0]).toBe(seen.facts[1]);
    expect(seen.facts[2]).toBe(seen.facts[3]);
    expect(seen.facts[0]).not.toBe(seen.facts[2]);
    expect(seen.facts.map((x) => x.sid?.sid)).toEqual([1, 1, 2, 2]);
    expect(new Set(seen.runs).size).toBe(1);
  });
});

describe('RunFacts', () => {
  it('indexes every flowbit of the run on first use', () => {
    const seen = { facts: [] as RuleFacts[], runs: [] as RunFacts[] };
    lintText(
      'alert tls any any -> any any (flowbits:set,tls_seen; flowbits:noalert; sid:1;)\ndrop tls any any -> any any (flowbits:isset,tls_seen; sid:2;)\npass tcp any any -> any any (flowbits:isset,other; sid:3;)\n',
      { variables: new Set(['HOME_NET']) },
      [spy('a', seen)],
    );
    const run = seen.runs[0];
    expect(run.variables).toEqual(new Set(['HOME_NET']));
    expect(run.flowbits.uses('tls_seen').map((u) => [u.command, u.action, u.blocking])).toEqual([
      ['set', 'alert', false],
      ['isset', 'drop', true],
    ]);
    expect(run.flowbits.testedByBlockingRule('tls_seen')).toBe(true);
    expect(run.flowbits.testedByBlockingRule('other')).toBe(false);
    expect(run.flowbits.uses('never')).toEqual([]);
    expect(run.flowbits).toBe(run.flowbits);
  });
});
