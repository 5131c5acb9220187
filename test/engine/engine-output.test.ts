import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEngineLog, parseEngineOutput } from '../../src/engine/engine-output.js';
import { readLoaderStatements } from '../../src/engine/loader-statements.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const statements = readLoaderStatements(fixture('basic.rules'));
const verdicts = (results: { line: number; verdict: string }[]) => Object.fromEntries(results.map((r) => [r.line, r.verdict]));

describe('parseEngineLog on a captured `suricata -T` log (Suricata 7.0.10)', () => {
  const log = parseEngineLog(fixture('basic.test.txt'), statements);

  it('reaches the load summary and gives every statement a verdict', () => {
    expect(log.complete).toBe(true);
    expect(verdicts(log.results)).toEqual({
      2: 'accepted', 3: 'rejected', 4: 'accepted', 6: 'accepted', 8: 'skipped', 9: 'rejected', 10: 'rejected', 11: 'rejected',
      12: 'rejected', 13: 'accepted', 14: 'accepted', 15: 'rejected', 16: 'rejected', 17: 'rejected', 18: 'accepted',
    });
  });

  it('makes messages readable and keeps the raw line', () => {
    const byLine = new Map(log.results.map((r) => [r.line, r.messages]));
    expect(byLine.get(3)).toEqual([{ level: 'error', text: "Unknown rule keyword 'foo'.", raw: "Error: detect-parse: unknown rule keyword 'foo'." }]);
    expect(byLine.get(12)?.[0].text).toBe('Incomplete hex code in content - |22 2 22|. Invalidating signature.');
    expect(byLine.get(15)?.[0].text).toBe('Bad option value formatting (possible missing semicolon) for keyword content: \'"AA" depth:20\'');
    expect(byLine.get(16)?.[0].text).toBe('Signature missing required value "sid".');
    expect(byLine.get(17)?.[0].text).toBe('"=>" is not a valid direction modifier, "->" and "<>" are supported.');
  });

  it('attaches a warning that names a rule by sid to that rule, without the `rule N:` prefix', () => {
    const nine = log.results.find((r) => r.line === 9);
    expect(nine?.messages).toEqual([
      expect.objectContaining({ level: 'warning', text: expect.stringMatching(/^A pattern with uppercase characters detected for http.host/) }),
    ]);
  });

  it('explains a skipped rule with the requires message', () => {
    expect(log.results.find((r) => r.line === 8)?.messages[0].text).toBe('Suricata did not meet the rule requirements: Suricata version less than required: version >= 8');
  });

  it('leaves the engine\'s own start-up messages out of the rule results', () => {
    expect(log.results.filter((r) => r.verdict === 'accepted').every((r) => r.messages.length === 0)).toBe(true);
    expect(log.general).toEqual([]);
  });
});

describe('parseEngineLog on other log formats', () => {
  it('gives the same verdicts for an --engine-analysis log as for the -T log', () => {
    expect(verdicts(parseEngineLog(fixture('basic.analysis.txt'), statements).results)).toEqual(verdicts(parseEngineLog(fixture('basic.test.txt'), statements).results));
  });


  it('reads Suricata\'s default console format (stderr of a config without logging section)', () => {
    const results = parseEngineOutput(fixture('basic.console-stderr.txt'), statements);
    expect(results.find((r) => r.line === 3)).toMatchObject({ verdict: 'rejected', messages: [{ text: "Unknown rule keyword 'foo'." }] });
  });

  it('reads the one-letter console format and reports an incomplete log when the summary is missing', () => {
    const log = parseEngineLog(fixture('basic.short-format.txt'), statements);
    expect(log.complete).toBe(false);
    expect(log.results.find((r) => r.line === 4)?.messages[0].text).toMatch(/^Protocol "modbus" cannot be used in a signature/);
    expect(log.results.find((r) => r.line === 6)?.messages[0].text).toBe('Variable "FOO_PORTS" is not defined in configuration file');
    expect(log.results.every((r) => r.verdict !== 'accepted')).toBe(true);
  });

  it('reads the pre-7 style `[pid - thread] date time Level:` prefix', () => {
    const text = [
      '[5994 - Suricata-Main] 2026-11-25 18:50:44 Error: detect-parse: unknown rule keyword \'foo\'.',
      '[5994 - Suricata-Main] 2026-11-25 18:50:44 Error: detect: error parsing signature "alert tcp any any -> any any (msg:"bad"; foo; sid:2;)" from file a.rules at line 3',
      '[5994 - Suricata-Main] 2026-11-25 18:50:44 Info: detect: 1 rule files processed. 13 rules successfully loaded, 1 rules failed, 0',
    ].join('\n');
    const log = parseEngineLog(text, statements);
    expect(log.complete).toBe(true);
    expect(log.results.find((r) => r.line === 3)?.messages[0].text).toBe("Unknown rule keyword 'foo'.");
  });

  it('finds the rule of a log line that Suricata cut at 2 KB before its line number, by the quoted text', () => {
    const long = readLoaderStatements(fixture('long-rule.rules'));
    const log = parseEngineLog(fixture('long-rule.test.txt'), long);
    expect(log.complete).toBe(true);
    expect(verdicts(log.results)).toEqual({ 1: 'accepted', 2: 'rejected', 3: 'rejected' });
    expect(log.results[1].messages[0].text).toBe('Bad option value formatting (possible missing semicolon) for keyword content: \'"x" depth:3\'');
    expect(log.general).toEqual([]);
  });

  it('gives a rejected rule a message even when Suricata logged no reason', () => {
    const log = parseEngineLog('Error: detect: error parsing signature "x" from file f at line 2\nInfo: detect: 1 rule files processed. 0 rules successfully loaded, 1 rules failed, 0', statements);
    expect(log.results.find((r) => r.line === 2)).toMatchObject({ verdict: 'rejected', messages: [{ level: 'error', text: 'Suricata rejected this rule without logging a reason.' }] });
  });

  it('keeps messages that belong to no rule as general ones', () => {
    const log = parseEngineLog('Error: classification-config: please check the "classification-file" option\nInfo: detect: 1 rule files processed. 14 rules successfully loaded, 0 rules failed, 0', statements);
    expect(log.general).toEqual([expect.objectContaining({ level: 'error', text: 'Please check the "classification-file" option' })]);
  });

  it('does not throw on arbitrary text', () => {
    expect(parseEngineLog('\u0000garbage: : :\n"at line x', []).results).toEqual([]);
  });
});
