import { KEYWORDS } from '../catalog/keywords.data.js';
import type { ProfileName } from '../linter/lint-options.js';
import type { TextRange } from '../source/text-range.js';
import { readLoaderStatements } from './loader-statements.js';

/** One rule statement of a rules text, as `--engine suricata` sends it to Suricata. */
export interface EngineStatement {
  /** What Suricata is given: continuation lines joined; under aws-nfw, `@NAME` IP set references as `$NAME`. */
  readonly text: string;
  /** The statement in the rules text: from its first character to the end of its last physical line. */
  readonly range: TextRange;
}

export interface EngineStatements {
  readonly statements: EngineStatement[];
  /** Rules not sent (aws-nfw only): they use AWS Network Firewall keywords upstream Suricata does not know. */
  readonly awsOnly: TextRange[];
}

/** AWS Network Firewall's own keywords, from the keyword catalog. */
const AWS_KEYWORDS = KEYWORDS.filter((k) => k.vendor === 'aws').flatMap((k) => [k.name, ...k.aliases]);
const AWS_KEYWORD = new RegExp(`(?:^|[;(])\\s*(?:${AWS_KEYWORDS.join('|')})\\s*[:;]`, 'i');
const IP_SET_REFERENCE = /@([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The rule statements Suricata's loader reads from `text` (see `readLoaderStatements`), with their ranges.
 * Under the aws-nfw profile the text is read as AWS Network Firewall reads it: an indented rule line is loaded
 * (AWS trims the indentation, Suricata would skip the line); `@NAME` IP set references become variables, so
 * the rest of the rule is still checked; rules with AWS-only keywords are not sent at all. Pure; never throws.
 */
export function engineStatements(text: string, profile: ProfileName = 'aws-nfw'): EngineStatements {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const aws = profile === 'aws-nfw';
  // Indentation removed from each line (aws-nfw), so ranges still point into the original text.
  const trimmed = lines.map(() => 0);
  let loaderText = text;
  if (aws) {
    let open = false;
    const out = lines.map((line, i) => {
      let l = line;
      if (!open) {
        const indent = /^[ \t]+(?=[^\s#])/.exec(line)?.[0].length ?? 0;
        trimmed[i] = indent;
        l = line.slice(indent);
        const c = l.charCodeAt(0);
        if (l.length === 0 || c === 13 || c === 35) return l;
      }
      open = /\\\s*$/.test(l);
      return l;
    });
    loaderText = out.join('\n');
  }

  const statements: EngineStatement[] = [];
  const awsOnly: TextRange[] = [];
  for (const s of readLoaderStatements(loaderText)) {
    const first = s.line - 1;
    const last = s.endLine - 1;
    const lastLine = lines[last] ?? '';
    const range = { start: lineStarts[first] + trimmed[first], end: lineStarts[last] + lastLine.length - (lastLine.endsWith('\r') ? 1 : 0) };
    if (aws && AWS_KEYWORD.test(s.text)) {
      awsOnly.push(range);
      continue;
    }
    statements.push({ text: aws ? withIpSetVariables(s.text) : s.text, range });
  }
  return { statements, awsOnly };
}

/** `@NAME` in the header (before the options) as `$NAME`. */
function withIpSetVariables(rule: string): string {
  const paren = rule.indexOf('(');
  const header = paren === -1 ? rule : rule.slice(0, paren);
  if (!header.includes('@')) return rule;
  return header.replace(IP_SET_REFERENCE, '$$$1') + (paren === -1 ? '' : rule.slice(paren));
}
