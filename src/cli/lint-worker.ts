import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LintOptions } from '../linter/lint-options.js';
import { loadInputLinter } from '../linter/load-input-linter.js';

/** What a lint worker is given: every input of the run, and the shared counter of the next unclaimed one. */
export interface LintWorkerJob {
  readonly inputs: readonly { path: string; text: string; options: LintOptions }[];
  /** Int32Array over a SharedArrayBuffer: index 0 is the next input to claim (Atomics.add). */
  readonly next: Int32Array;
}

/** The inputs this worker linted: [input index, diagnostics]. */
export type LintWorkerResult = [number, Diagnostic[]][];

/*
 * Worker thread entry (bundled as dist/lint-worker.js, started by lintInputsInParallel): claims inputs
 * from the shared counter until none is left and posts back what it linted. No file or terminal I/O.
 */
const job = workerData as LintWorkerJob;
const lint = await loadInputLinter(job.inputs);
const out: LintWorkerResult = [];
for (let i = Atomics.add(job.next, 0, 1); i < job.inputs.length; i = Atomics.add(job.next, 0, 1)) {
  out.push([i, lint(job.inputs[i].path, job.inputs[i].text, job.inputs[i].options)]);
}
parentPort!.postMessage(out);
