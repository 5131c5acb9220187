import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Edit } from '../../src/source/edit.js';
import { parseEngineLog } from '../../src/engine/engine-output.js';
import type { EngineRuleResult } from '../../src/engine/engine-result.js';
import { readLoaderStatements } from '../../src/engine/loader-statements.js';
import { collectRuleUsage } from '../../src/engine/rule-usage.js';
import { ENGINE_LOG_FILE, buildSuricataConfig } from '../../src/engine/suricata-config.js';
import { removeOptionEdit } from '../../src/rules/utils/remove-option.js';
import { parseRules } from '../../src/syntax/parse.js';
import type { RuleStatement } from '../../src/syntax/tree.js';
import { HAS_PCAPS, PCAP_DIR, readPcapIndex, type IndexedFlow } from './pcap-index.js';
import { mergePcaps, type MergedPcap } from './pcap-merge.js';

/**
 * The replay harness: a rule set run through the real Suricata 7 over the flows of ../shared/pcaps,
 * merged into one capture, so that one Suricata run covers every flow.
 *
 * - `inline` runs `suricata -r merged.pcap --simulate-ips -k none` (IPS, as AWS Network Firewall runs);
 *   `passive` runs without `--simulate-ips` (IDS).
 * - The observe run turns every rule into `alert` (and drops `noalert`), so EVE names every rule that
 *   matched each packet (by `pcap_cnt`), whatever its action.
 * - The enforce run (inline only) keeps the actions: Suricata's own order is action order (pass, drop,
 *   reject, alert), and its EVE `drop` events are the action-order verdict of each packet, measured.
 * - Suricata has no strict order; the strict-order verdict of a packet is computed from the observe run:
 *   the first rule in file order among the pass/drop/reject rules that matched it. A match made through
 *   a transaction (EVE `tx_id`) applies to the flow (a pass passes the rest of the flow, a drop drops it,
 *   as the enforce run shows Suricata does); a packet-level match applies to that packet only; a reject
 *   resets the connection.
 */

export type ReplayMode = 'inline' | 'passive';

export const SURICATA = 'suricata';

/** Why the replay suite cannot run here, or undefined when it can. */
export const REPLAY_SKIP_REASON: string | undefined = (() => {
  if (!HAS_PCAPS) return `../shared/pcaps is not present (${PCAP_DIR})`;
  const probe = spawnSync(SURICATA, ['-V'], { encoding: 'utf8' });
  if (probe.error) return `suricata is not installed (${probe.error.message})`;
  const v = /version (\d+)\.(\d+)\.(\d+)/.exec(`${probe.stdout}${probe.stderr}`);
  if (!v) return 'suricata -V printed no version';
  if (v[1] !== '7') return `the replay figures are for Suricata 7, found ${v[0]}`;
  return undefined;
})();

export type Action = 'pass' | 'drop' | 'reject' | 'alert';

export interface Verdict {
  readonly kind: 'pass' | 'drop' | 'reject' | 'none';
  /** The deciding rule's sid; undefined when the packet inherits the flow's earlier verdict or nothing matched. */
  readonly sid?: string;
  /** The verdict comes from an earlier packet (flow pass, flow drop, reset connection). */
  readonly inherited?: boolean;
}

export interface PacketReplay {
  /** pcap_cnt inside the flow's own pcap. */
  readonly n: number;
  readonly toServer: boolean;
  /** Sids of every rule that matched this packet (observe run), in file order. */
  readonly matched: readonly string[];
  /** Strict-order verdict (computed from the observe run). */
  readonly strict: Verdict;
  /** Action-order verdict, measured by the enforce run (inline only). */
  readonly action?: Verdict;
}

export interface FlowReplay {
  readonly flow: IndexedFlow;
  readonly packets: readonly PacketReplay[];
}

export interface ReplayResult {
  readonly mode: ReplayMode;
  /** Suricata's verdict on each rule statement (by 1-based line of the rules text). */
  readonly load: readonly EngineRuleResult[];
  readonly flows: ReadonlyMap<string, FlowReplay>;
  /** Sid -> action, file order. */
  readonly rules: readonly { readonly sid: string; readonly action: Action; readonly line: number }[];
}

interface EveEvent {
  readonly event_type: string;
  readonly pcap_cnt?: number;
  readonly tx_id?: number;
  readonly alert?: { readonly signature_id: number; readonly action: string };
  readonly drop?: { readonly reason?: string };
}

let merged: { flows: IndexedFlow[]; pcap: MergedPcap; path: string; dir: string } | undefined;

/** The merged capture of every indexed flow, written once per test process. */
function mergedCapture(): NonNullable<typeof merged> {
  if (!merged) {
    const flows = readPcapIndex();
    const pcap = mergePcaps(flows.map((f) => PCAP_DIR + f.file));
    const dir = mkdtempSync(join(tmpdir(), 'suricata-lint-replay-'));
    const path = join(dir, 'merged.pcap');
    writeFileSync(path, pcap.bytes);
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    merged = { flows, pcap, path, dir };
  }
  return merged;
}

/** The active rules of a text, in file order. */
function activeRules(text: string): RuleStatement[] {
  return parseRules(text).statements.filter((s): s is RuleStatement => s.kind === 'rule' && s.layout === 'active');
}

const sidOf = (r: RuleStatement): string | undefined => r.options.find((o) => o.name === 'sid')?.value?.text.trim();

/** Applies disjoint edits (any order) to `text`. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
  return out;
}

/** Every rule as `alert`, without `noalert` (or `flowbits:noalert`), so that EVE shows each match. */
export function observeText(text: string): string {
  const edits: Edit[] = [];
  for (const r of activeRules(text)) {
    const a = r.header.action;
    if (a && a.name !== 'alert') edits.push(Edit.replace(a.range, 'alert'));
    for (const o of r.options) {
      if (o.name === 'noalert' || (o.name === 'flowbits' && o.value?.text.trim().toLowerCase() === 'noalert')) edits.push(removeOptionEdit(text, o));
    }
  }
  return applyEdits(text, edits);
}

function config(text: string, logDir: string): string {
  const usage = collectRuleUsage(readLoaderStatements(text).map((s) => s.text));
  const base = buildSuricataConfig({ variables: usage.variables, protocols: usage.protocols, logDir });
  return [
    base,
    'packet-alert-max: 1000',
    'outputs:',
    '  - eve-log:',
    '      enabled: yes',
    '      filetype: regular',
    '      filename: eve.json',
    '      types:',
    '        - alert:',
    '            tagged-packets: no',
    '        - drop:',
    '            alerts: yes',
    '            flows: all',
    '',
  ].join('\n');
}

function runOnce(text: string, mode: ReplayMode, tag: string): { events: EveEvent[]; log: string } {
  const m = mergedCapture();
  const dir = join(m.dir, `${tag}-${process.hrtime.bigint()}`);
  const logDir = join(dir, 'log');
  mkdirSync(logDir, { recursive: true });
  writeFileSync(join(dir, 'rules.rules'), text);
  writeFileSync(join(dir, 'suricata.yaml'), config(text, logDir));
  const args = ['-c', join(dir, 'suricata.yaml'), '-S', join(dir, 'rules.rules'), '-r', m.path, '-k', 'none', '-l', logDir, '--runmode', 'single'];
  if (mode === 'inline') args.push('--simulate-ips');
  try {
    execFileSync(SURICATA, args, { cwd: dir, stdio: 'pipe', timeout: 60_000 });
  } catch {
    // A failed run leaves no eve.json: the caller sees no events and the log says why.
  }
  const read = (f: string) => {
    try {
      return readFileSync(join(logDir, f), 'utf8');
    } catch {
      return '';
    }
  };
  const events = read('eve.json')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as EveEvent);
  const log = read(ENGINE_LOG_FILE);
  rmSync(dir, { recursive: true, force: true });
  return { events, log };
}

/**
 * Replays `rulesText` over every flow of ../shared/pcaps in `mode`; see the module comment. Synchronous
 * (about 0.1-0.3 s per Suricata run; two runs inline, one passive).
 */
export function replay(rulesText: string, mode: ReplayMode): ReplayResult {
  const m = mergedCapture();
  const rules = activeRules(rulesText).flatMap((r) => {
    const sid = sidOf(r);
    const action = r.header.action?.name as Action | undefined;
    return sid && action ? [{ sid, action: (action.startsWith('reject') ? 'reject' : action) as Action, line: 0, rule: r }] : [];
  });
  const order = new Map(rules.map((r, i) => [r.sid, i]));
  const actionOf = new Map(rules.map((r) => [r.sid, r.action]));

  const observed = runOnce(observeText(rulesText), mode, 'observe');
  const load = parseEngineLog(observed.log, readLoaderStatements(rulesText)).results;
  // Global pcap_cnt -> matched sids, and whether through a transaction.
  const matches = new Map<number, Map<string, boolean>>();
  for (const e of observed.events) {
    if (e.event_type !== 'alert' || !e.pcap_cnt || !e.alert) continue;
    let at = matches.get(e.pcap_cnt);
    if (!at) matches.set(e.pcap_cnt, (at = new Map()));
    const sid = String(e.alert.signature_id);
    at.set(sid, (at.get(sid) ?? false) || e.tx_id !== undefined);
  }
  const measured = new Map<number, Verdict>();
  if (mode === 'inline') {
    const enforced = runOnce(rulesText, mode, 'enforce');
    for (const e of enforced.events) {
      if (e.event_type !== 'drop' || !e.pcap_cnt) continue;
      const sid = e.alert ? String(e.alert.signature_id) : undefined;
      const kind = sid && actionOf.get(sid) === 'reject' ? 'reject' : 'drop';
      measured.set(e.pcap_cnt, sid ? { kind, sid } : { kind: 'drop', inherited: true });
    }
  }

  const flows = new Map<string, FlowReplay>();
  const byFlow: { n: number; global: number }[][] = m.flows.map(() => []);
  m.pcap.origin.forEach(([fi, n], i) => {
    byFlow[fi].push({ n, global: i + 1 });
  });
  m.flows.forEach((flow, fi) => {
    let state: Verdict | undefined;
    const packets: PacketReplay[] = byFlow[fi].map(({ n, global }) => {
      const at = matches.get(global);
      const matched = at ? [...at.keys()].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9)) : [];
      let strict: Verdict;
      if (state) strict = { ...state, inherited: true };
      else {
        const sid = matched.find((s) => {
          const a = actionOf.get(s);
          return a === 'pass' || a === 'drop' || a === 'reject';
        });
        const kind = sid ? (actionOf.get(sid) as 'pass' | 'drop' | 'reject') : 'none';
        strict = sid ? { kind, sid } : { kind: 'none' };
        if (sid && (kind === 'reject' || at!.get(sid))) state = strict;
      }
      const p = flow.packets.find((x) => x.n === n);
      return { n, toServer: p?.toServer ?? false, matched, strict, action: mode === 'inline' ? (measured.get(global) ?? { kind: 'none' }) : undefined };
    });
    flows.set(flow.file, { flow, packets });
  });
  return { mode, load, flows, rules: rules.map(({ sid, action }, i) => ({ sid, action, line: i })) };
}

/** The packets of `file` a rule matched (observe run). */
export function firedOn(r: ReplayResult, file: string, sid: string): number[] {
  return (r.flows.get(file)?.packets ?? []).filter((p) => p.matched.includes(sid)).map((p) => p.n);
}

/** The flow's packet at `n`. */
export function packetAt(r: ReplayResult, file: string, n: number | undefined): PacketReplay | undefined {
  return n === undefined ? undefined : r.flows.get(file)?.packets.find((p) => p.n === n);
}

/** The first packet of the flow blocked (dropped or rejected) in `order`, with the deciding sid. */
export function firstBlock(r: ReplayResult, file: string, order: 'strict' | 'action'): { n: number; verdict: Verdict } | undefined {
  for (const p of r.flows.get(file)?.packets ?? []) {
    const v = order === 'strict' ? p.strict : p.action;
    if (v && (v.kind === 'drop' || v.kind === 'reject')) return { n: p.n, verdict: v };
  }
  return undefined;
}

/** The flows of the index, for tests that pick them by kind. */
export function replayFlows(): readonly IndexedFlow[] {
  return HAS_PCAPS ? mergedCapture().flows : [];
}
