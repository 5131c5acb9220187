import { readFileSync } from 'node:fs';

/**
 * Merges one-flow pcaps into one capture of distinct flows, so one Suricata run replays them all.
 *
 * Every pcap of ../shared/pcaps is the same 5-tuple (10.0.0.5:51000 -> 93.184.216.34:443) at the same
 * timestamps, so each flow gets its own client port and a start time 10 s after the previous flow.
 * TCP checksums are left stale: the replay runs with `-k none` (no checksum validation). Classic
 * little-endian libpcap, Ethernet link type, IPv4/TCP only (what gen_pcaps.py writes).
 */

export interface MergedPcap {
  readonly bytes: Buffer;
  /** Global pcap_cnt (1-based) -> [flow index, packet number inside that flow's pcap]. */
  readonly origin: readonly (readonly [number, number])[];
  /** The client port each flow got. */
  readonly clientPorts: readonly number[];
}

interface PcapPacket {
  readonly sec: number;
  readonly usec: number;
  readonly data: Buffer;
}

function readPcap(path: string): PcapPacket[] {
  const b = readFileSync(path);
  if (b.readUInt32LE(0) !== 0xa1b2c3d4) throw new Error(`${path}: not a little-endian microsecond pcap`);
  if (b.readUInt32LE(20) !== 1) throw new Error(`${path}: link type ${b.readUInt32LE(20)}, expected Ethernet (1)`);
  const out: PcapPacket[] = [];
  for (let off = 24; off + 16 <= b.length; ) {
    const incl = b.readUInt32LE(off + 8);
    out.push({ sec: b.readUInt32LE(off), usec: b.readUInt32LE(off + 4), data: Buffer.from(b.subarray(off + 16, off + 16 + incl)) });
    off += 16 + incl;
  }
  return out;
}

/** Replaces `from` with `to` in the TCP source or destination port of an Ethernet/IPv4/TCP frame. */
function rewritePort(frame: Buffer, from: number, to: number): void {
  if (frame.readUInt16BE(12) !== 0x0800) return;
  const ihl = (frame[14] & 0x0f) * 4;
  if (frame[14 + 9] !== 6) return;
  const tcp = 14 + ihl;
  if (frame.readUInt16BE(tcp) === from) frame.writeUInt16BE(to, tcp);
  if (frame.readUInt16BE(tcp + 2) === from) frame.writeUInt16BE(to, tcp + 2);
}

/** The merged capture of `paths`, flow i on client port `firstPort + i`. */
export function mergePcaps(paths: readonly string[], firstPort = 20000): MergedPcap {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(65535, 16);
  header.writeUInt32LE(1, 20);
  const chunks: Buffer[] = [header];
  const origin: [number, number][] = [];
  const clientPorts: number[] = [];
  paths.forEach((path, i) => {
    const packets = readPcap(path);
    const port = firstPort + i;
    clientPorts.push(port);
    // The client port is the source port of the first packet (the SYN).
    const first = packets[0]?.data;
    const ihl = first ? (first[14] & 0x0f) * 4 : 20;
    const clientPort = first ? first.readUInt16BE(14 + ihl) : 0;
    packets.forEach((p, k) => {
      rewritePort(p.data, clientPort, port);
      const rec = Buffer.alloc(16);
      rec.writeUInt32LE(p.sec + i * 10, 0);
      rec.writeUInt32LE(p.usec, 4);
      rec.writeUInt32LE(p.data.length, 8);
      rec.writeUInt32LE(p.data.length, 12);
      chunks.push(rec, p.data);
      origin.push([i, k + 1]);
    });
  });
  return { bytes: Buffer.concat(chunks), origin, clientPorts };
}
