/** Diagnostic severity, ordered from least to most severe. `off` disables a lint rule. */
export type Severity = 'info' | 'warning' | 'error';
export type SeveritySetting = Severity | 'off';

const ORDER: Record<SeveritySetting, number> = { off: 0, info: 1, warning: 2, error: 3 };

export function severityRank(s: SeveritySetting): number {
  return ORDER[s];
}

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && value in ORDER;
}
