import { existsSync, readFileSync } from 'node:fs';
import { SHARED_DIR } from '../helpers/shared.js';

/**
 * The flows of ../shared/pcaps, read from its INDEX.md (one section per pcap, one line per packet:
 * `pcap_cnt direction flags len=N description`). The descriptions name the packets the TLS checks are
 * about: the first segment of a split ClientHello and the packet that completes it.
 */

export const PCAP_DIR = `${SHARED_DIR}pcaps/`;
export const HAS_PCAPS = existsSync(`${PCAP_DIR}INDEX.md`);

export interface IndexedPacket {
  /** 1-based position in the pcap (Suricata's pcap_cnt for a one-file run). */
  readonly n: number;
  readonly toServer: boolean;
  readonly flags: string;
  readonly len: number;
  readonly description: string;
}

/** What the flow carries, from the file name (`pq-split-tls13-good.example.pcap`). */
export type FlowKind = 'pq-split' | 'pq-whole' | 'classic-whole' | 'tls10-whole' | 'plain';

export interface IndexedFlow {
  readonly file: string;
  readonly kind: FlowKind;
  /** `pq-split`, `pq-split-noacks`, `pq-split1448`, `pq-split-retrans`, `pq-split-bigflight`, ... */
  readonly variant: string;
  /** The SNI of a TLS flow (`good.example`), undefined for plain flows. */
  readonly sni?: string;
  readonly serverPort: number;
  readonly packets: readonly IndexedPacket[];
  /** pcap_cnt of the first ClientHello segment of a split ClientHello. */
  readonly firstSegment?: number;
  /** pcap_cnt of the client packet at which the capture holds the whole ClientHello record (whole, or segment 2/2). */
  readonly clientHelloComplete?: number;
  /** pcap_cnt of the client's first data packet (the request of a plain flow, the ClientHello otherwise). */
  readonly firstData?: number;
}

const LINE = /^\s*(\d+)\s+(C->S|S->C)\s+(\S+)\s+len=(\d+)\s+(.*)$/;

function kindOf(file: string): FlowKind {
  if (file.startsWith('pq-split')) return 'pq-split';
  if (file.startsWith('pq-whole')) return 'pq-whole';
  if (file.startsWith('classic-whole')) return 'classic-whole';
  if (file.startsWith('tls10-whole')) return 'tls10-whole';
  return 'plain';
}

/** Parses INDEX.md; [] when ../shared/pcaps is absent. */
export function readPcapIndex(): IndexedFlow[] {
  if (!HAS_PCAPS) return [];
  const flows: IndexedFlow[] = [];
  let current: { file: string; packets: IndexedPacket[] } | undefined;
  const close = () => {
    if (!current) return;
    const { file, packets } = current;
    const kind = kindOf(file);
    const m = /^(.*?)-(tls1[23])-(.*?)(?:-port(\d+))?\.pcap$/.exec(file);
    const hello = packets.filter((p) => p.toServer && p.description.startsWith('ClientHello'));
    flows.push({
      file,
      kind,
      variant: m ? m[1] : file.replace(/\.pcap$/, ''),
      sni: kind === 'plain' ? undefined : m?.[3],
      serverPort: m?.[4] ? Number(m[4]) : /port(\d+)/.exec(file) ? Number(/port(\d+)/.exec(file)![1]) : 443,
      packets,
      firstSegment: hello.find((p) => /seg 1\/2/.test(p.description))?.n,
      // The capture sees both segments even when the server missed one (the retransmission flow).
      clientHelloComplete: hello.find((p) => /seg 2\/2|whole/.test(p.description))?.n,
      firstData: packets.find((p) => p.toServer && p.len > 0)?.n,
    });
  };
  for (const line of readFileSync(`${PCAP_DIR}INDEX.md`, 'utf8').split('\n')) {
    const h = /^## (\S+\.pcap)/.exec(line);
    if (h) {
      close();
      // INDEX.md repeats a section for some files; the first one wins.
      current = flows.some((f) => f.file === h[1]) ? undefined : { file: h[1], packets: [] };
      continue;
    }
    const p = LINE.exec(line);
    if (p && current) current.packets.push({ n: Number(p[1]), toServer: p[2] === 'C->S', flags: p[3], len: Number(p[4]), description: p[5].trim() });
  }
  close();
  return flows.filter((f) => existsSync(PCAP_DIR + f.file));
}
