import { execFileSync } from 'node:child_process';

/** The local Suricata's version (`7.0.10`), or undefined when none is on PATH. Probed once. */
export const SURICATA_VERSION: string | undefined = (() => {
  try {
    return /Suricata version (\d+\.\d+\.\d+)/.exec(execFileSync('suricata', ['-V'], { encoding: 'utf8' }))?.[1] ?? '0.0.0';
  } catch {
    return undefined;
  }
})();

/** Suricata is installed (any version): live engine tests run. */
export const HAS_SURICATA = SURICATA_VERSION !== undefined;
