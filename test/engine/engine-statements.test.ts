import { describe, expect, it } from 'vitest';
import { engineStatements } from '../../src/engine/engine-statements.js';

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('engineStatements', () => {
  it('gives each statement the text Suricata reads and its range in the original text', () => {
    const text = '# c\nalert tcp any any -> any any (sid:1;)\r\n\nalert tcp any any -> any any (msg:"x"; \\\n  sid:2;)\n';
    const { statements, awsOnly } = engineStatements(text, 'suricata');
    expect(statements.map((s) => s.text)).toEqual(['alert tcp any any -> any any (sid:1;)', 'alert tcp any any -> any any (msg:"x";   sid:2;)']);
    expect(statements.map((s) => slice(text, s.range))).toEqual(['alert tcp any any -> any any (sid:1;)', 'alert tcp any any -> any any (msg:"x"; \\\n  sid:2;)']);
    expect(awsOnly).toEqual([]);
  });

  it('skips indented rules for Suricata, loads them trimmed for AWS (range from the first character)', () => {
    const text = 'alert tcp any any -> any any (sid:1;)\n\t  alert tcp any any -> any any (sid:2;)\n  # comment\n';
    expect(engineStatements(text, 'suricata').statements.map((s) => s.text)).toEqual(['alert tcp any any -> any any (sid:1;)']);
    const aws = engineStatements(text, 'aws-nfw').statements;
    expect(aws.map((s) => s.text)).toEqual(['alert tcp any any -> any any (sid:1;)', 'alert tcp any any -> any any (sid:2;)']);
    expect(aws[1].range.start).toBe(text.indexOf('alert tcp any any -> any any (sid:2;)'));
    expect(slice(text, aws[1].range)).toBe('alert tcp any any -> any any (sid:2;)');
  });

  it('keeps the indentation of continuation lines (they are part of the rule)', () => {
    const text = 'alert tcp any any -> any any (msg:"a \\\n   b"; sid:1;)\n';
    expect(engineStatements(text, 'aws-nfw').statements.map((s) => s.text)).toEqual(['alert tcp any any -> any any (msg:"a    b"; sid:1;)']);
  });

  it('under aws-nfw, sends @NAME IP set references as variables and holds back rules with AWS-only keywords', () => {
    const text = 'drop tcp @BETA any -> [@A,10.0.0.0/8] any (msg:"me@x"; sid:1;)\ndrop tls any any -> any any (aws_domain_category:Malware; sid:2;)\n';
    const aws = engineStatements(text, 'aws-nfw');
    expect(aws.statements.map((s) => s.text)).toEqual(['drop tcp $BETA any -> [$A,10.0.0.0/8] any (msg:"me@x"; sid:1;)']);
    expect(aws.awsOnly.map((r) => slice(text, r))).toEqual(['drop tls any any -> any any (aws_domain_category:Malware; sid:2;)']);
    const plain = engineStatements(text, 'suricata');
    expect(plain.statements.map((s) => s.text)).toEqual(text.trimEnd().split('\n'));
    expect(plain.awsOnly).toEqual([]);
  });

  it('drops a statement still open at the end, as Suricata does, and never throws on odd input', () => {
    expect(engineStatements('alert tcp any any -> any any (sid:1; \\', 'suricata').statements).toEqual([]);
    expect(engineStatements('', 'aws-nfw').statements).toEqual([]);
    expect(engineStatements('\r\n\r\n \\\n', 'aws-nfw').statements.length).toBeLessThanOrEqual(1);
  });
});
