import { parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from '../linter/lint-options.js';
import { loadInputLinter } from './load-input-linter.js';

/**
 * Worker thread entry (bundled as dist/lint-worker.js): lints the inputs it is given, in order, and posts
 * back one diagnostics array per input. Started by lintInputsInParallel; no file or terminal I/O.
 */
export interface LintWorkerJob {
  readonly inputs: readonly { path: string; text: string; options: LintOptions }[];
}

const job = workerData as LintWorkerJob;
const lint = await loadInputLinter(job.inputs);
parentPort!.postMessage(job.inputs.map((i) => lint(i.path, i.text, i.options)));
