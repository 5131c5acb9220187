import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { FileReport } from '../linter/lint-report.js';
import { applyBaseline, buildBaseline, parseBaseline, type BaselinePath } from '../linter/baseline.js';
import type { Io } from './commands/lint.js';
import { writeOutputFile } from './write-file-safely.js';

/**
 * `--baseline FILE` (with `--write-baseline`: first write FILE from this run's findings), applied to the run's
 * reports: findings the baseline accepts are dropped, a note on stderr says how many and names stale entries.
 * Returns the filtered reports, or undefined (after a message on stderr) when the file cannot be read or written.
 */
export function applyBaselineFile(reports: readonly FileReport[], file: string, write: boolean, io: Io): FileReport[] | undefined {
  const base = dirname(resolve(file));
  const pathOf: BaselinePath = (p) => relative(base, resolve(p)).split(sep).join('/');
  let baseline;
  if (write) {
    baseline = buildBaseline(reports, pathOf);
    try {
      writeOutputFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
    } catch (e) {
      io.stderr(`suricata-lint: --write-baseline: cannot write ${file}: ${(e as Error).message}\n`);
      return undefined;
    }
    const n = baseline.entries.reduce((s, e) => s + e.count, 0);
    io.stderr(`suricata-lint: wrote the baseline ${file}: ${n} finding${n === 1 ? '' : 's'} accepted; later runs with --baseline ${file} report only new ones\n`);
  } else {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr(`suricata-lint: --baseline ${file}: ${code === 'ENOENT' ? 'no such file (create it with --write-baseline)' : (e as Error).message}\n`);
      return undefined;
    }
    const parsed = parseBaseline(text);
    if (typeof parsed === 'string') {
      io.stderr(`suricata-lint: --baseline ${file}: ${parsed}\n`);
      return undefined;
    }
    baseline = parsed;
  }
  const result = applyBaseline(reports, baseline, pathOf);
  if (!write && result.stale.length) {
    const shown = result.stale.slice(0, 5).map((e) => `${e.path}: ${e.ruleId} (${e.text.slice(0, 60)})`);
    io.stderr(
      `suricata-lint: --baseline ${file}: ${result.stale.length} entr${result.stale.length === 1 ? 'y matches' : 'ies match'} no finding any more (fixed, or the line changed): ` +
        `${shown.join('; ')}${result.stale.length > 5 ? '; ...' : ''}. Run with --write-baseline to drop ${result.stale.length === 1 ? 'it' : 'them'}\n`,
    );
  }
  return result.files;
}
