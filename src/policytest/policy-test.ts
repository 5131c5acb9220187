import { parse as parseYaml } from 'yaml';
import { ruleModel } from '../semantics/rule-model.js';
import type { Definitions } from '../semantics/header-sets.js';
import { SourceFile } from '../source/source-file.js';
import { parseRules } from '../syntax/parse.js';
import type { Connection, ConnectionProtocol, TlsClient } from '../simulator/connection.js';
import { simulate, type SimResult, type SimRule } from '../simulator/simulate.js';

/**
 * Policy tests: a YAML file next to the rules lists connections and the verdict each must get
 * (schema: schemas/policy-test.schema.json). Parsing and running are pure; the CLI reads the files.
 */

export type Expected = 'pass' | 'drop' | 'reject' | 'blocked';

export interface PolicyTestCase {
  readonly name: string;
  readonly connection: Connection;
  readonly expect: Expected;
  /** The sid that must decide, when given. */
  readonly rule?: number;
}

export interface PolicyTestFile {
  /** Rule files, relative to the test file, in evaluation order (rule group priority order). */
  readonly rules: readonly string[];
  readonly ruleOrder: 'strict' | 'action';
  readonly defaultActions: readonly string[];
  readonly variables: Readonly<Record<string, readonly string[]>>;
  readonly tests: readonly PolicyTestCase[];
}

const PROTOCOLS: readonly ConnectionProtocol[] = ['tls', 'http', 'dns', 'quic', 'tcp', 'udp', 'icmp'];
const DEFAULT_PORT: Readonly<Record<ConnectionProtocol, number>> = { tls: 443, http: 80, dns: 53, quic: 443, tcp: 443, udp: 443, icmp: 0 };

/** Parses a test file; errors are messages naming the test and field (never thrown). */
export function parsePolicyTestFile(text: string): { file?: PolicyTestFile; errors: string[] } {
  const errors: string[] = [];
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    return { errors: [`not valid YAML: ${(e as Error).message}`] };
  }
  if (!doc || typeof doc !== 'object') return { errors: ['expected a mapping with rules: and tests:'] };
  const d = doc as Record<string, unknown>;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
  const rules = list(d.rules);
  if (rules.length === 0) errors.push('rules: list the rule files to test (relative to this file)');
  const ruleOrder = d.ruleOrder === 'action' ? 'action' : 'strict';
  const variables: Record<string, string[]> = {};
  if (d.variables && typeof d.variables === 'object') for (const [k, v] of Object.entries(d.variables as Record<string, unknown>)) variables[k.replace(/^\$/, '')] = list(v);
  const tests: PolicyTestCase[] = [];
  if (!Array.isArray(d.tests)) errors.push('tests: expected a list of connections');
  for (const [i, raw] of (Array.isArray(d.tests) ? d.tests : []).entries()) {
    const t = (raw ?? {}) as Record<string, unknown>;
    const name = typeof t.name === 'string' ? t.name : `test ${i + 1}`;
    const protocol = String(t.protocol ?? 'tls') as ConnectionProtocol;
    if (!PROTOCOLS.includes(protocol)) {
      errors.push(`${name}: protocol must be one of ${PROTOCOLS.join(', ')}`);
      continue;
    }
    const dst = String(t.destination ?? '');
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(dst);
    if (!m) {
      errors.push(`${name}: destination must be ADDRESS or ADDRESS:PORT`);
      continue;
    }
    const expect = String(t.expect ?? '') as Expected;
    if (!['pass', 'drop', 'reject', 'blocked'].includes(expect)) {
      errors.push(`${name}: expect must be pass, drop, reject or blocked`);
      continue;
    }
    const client = (t.client === 'classic' ? 'classic' : 'pq-split') as TlsClient;
    tests.push({
      name,
      expect,
      rule: typeof t.rule === 'number' ? t.rule : undefined,
      connection: {
        protocol,
        source: String(t.source ?? '10.0.1.5'),
        sourcePort: Number(t.sourcePort ?? 49152),
        destination: m[1],
        destinationPort: m[2] ? Number(m[2]) : DEFAULT_PORT[protocol],
        sni: t.sni === undefined ? undefined : String(t.sni),
        host: t.host === undefined ? undefined : String(t.host),
        query: t.query === undefined ? undefined : String(t.query),
        client,
        ja4: t.ja4 === undefined ? undefined : String(t.ja4),
      },
    });
  }
  const defaultActions = list(d.defaultActions);
  return { file: errors.length ? undefined : { rules, ruleOrder, defaultActions, variables, tests }, errors };
}

/** AWS's defaults when a test file does not define them: HOME_NET the RFC 1918 ranges, EXTERNAL_NET the rest. */
export const DEFAULT_VARIABLES: Readonly<Record<string, readonly string[]>> = {
  HOME_NET: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
  EXTERNAL_NET: ['!$HOME_NET'],
};

/** The rules of some texts as the simulator's rule set, in order. */
export function simRules(files: readonly { path: string; text: string }[], variables: Readonly<Record<string, readonly string[]>>): SimRule[] {
  const merged = { ...DEFAULT_VARIABLES, ...variables };
  const defs: Definitions = { ipSets: new Map(Object.entries(merged)), portSets: new Map(Object.entries(merged)) };
  const out: SimRule[] = [];
  for (const f of files) {
    const source = new SourceFile(f.path, f.text);
    for (const s of parseRules(f.text).statements) {
      if (s.kind !== 'rule' || s.layout === 'disabled' || s.errors.length > 0 || !s.header.action) continue;
      out.push({ model: ruleModel(s, f.text, defs), path: f.path, line: source.positionAt(s.ruleRange.start).line });
    }
  }
  return out;
}

export interface PolicyTestResult {
  readonly test: PolicyTestCase;
  readonly result: SimResult;
  readonly status: 'passed' | 'failed' | 'undetermined';
  readonly message: string;
}

/** Runs every test of a file against its rule set. */
export function runPolicyTests(file: PolicyTestFile, rules: readonly SimRule[]): PolicyTestResult[] {
  return file.tests.map((test) => {
    const result = simulate(rules, test.connection, { ruleOrder: file.ruleOrder, defaultActions: file.defaultActions });
    if (result.verdict === 'undetermined') return { test, result, status: 'undetermined', message: result.reason };
    const verdictOk = test.expect === 'blocked' ? result.verdict !== 'pass' : result.verdict === test.expect;
    const ruleOk = test.rule === undefined || result.rule?.model.sid === test.rule;
    const where = result.packet ? ` at the ${result.packet}` : '';
    const by = result.rule ? ` by sid:${result.rule.model.sid ?? '?'} (${result.rule.path}:${result.rule.line})` : '';
    const message = verdictOk && ruleOk ? `${result.verdict}${where}${by}` : `expected ${test.expect}${test.rule !== undefined ? ` by sid:${test.rule}` : ''}, got ${result.verdict}${where}${by}: ${result.reason}`;
    return { test, result, status: verdictOk && ruleOk ? 'passed' : 'failed', message };
  });
}
