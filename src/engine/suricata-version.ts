/** A Suricata version as printed by `suricata -V`. */
export interface SuricataVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** `7.0.10` */
  readonly text: string;
}

/** The oldest Suricata whose rule loader and log format the engine cross-check understands. */
export const MIN_SURICATA_MAJOR = 7;

/** Reads `This is Suricata version 7.0.10 RELEASE`; undefined when the text names no version. */
export function parseSuricataVersion(output: string): SuricataVersion | undefined {
  const m = /Suricata version (\d+)\.(\d+)(?:\.(\d+))?/i.exec(output) ?? /\b(\d+)\.(\d+)\.(\d+)\b/.exec(output);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = Number(m[3] ?? 0);
  return { major, minor, patch, text: `${major}.${minor}.${patch}` };
}
