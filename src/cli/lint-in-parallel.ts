import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LintOptions } from '../linter/lint-options.js';
import type { InputLinter } from './load-input-linter.js';
import type { LintWorkerJob } from './lint-worker.js';

export interface ParallelInput {
  readonly path: string;
  readonly text: string;
  readonly options: LintOptions;
}

/**
 * Below this many characters in all, a run lints on the main thread only: starting a worker (loading
 * the linter again) costs more than it saves. Measured by `npm run bench` (folder of small files).
 */
export const PARALLEL_MIN_CHARS = 2_000_000;

/** How many threads a run of these inputs should use (1: the main thread alone). */
export function parallelThreads(inputs: readonly { text: string }[], cores = availableParallelism()): number {
  if (inputs.length < 2 || cores < 2) return 1;
  let chars = 0;
  for (const i of inputs) chars += i.text.length;
  if (chars < PARALLEL_MIN_CHARS) return 1;
  return Math.min(cores, inputs.length, 4);
}

/**
 * Splits inputs (in order) into `parts` contiguous slices of about the same number of characters.
 * Contiguous slices keep the results in input order when they are concatenated.
 */
export function splitBySize<T extends { text: string }>(inputs: readonly T[], parts: number): T[][] {
  let total = 0;
  for (const i of inputs) total += i.text.length;
  const out: T[][] = [[]];
  let acc = 0;
  for (const input of inputs) {
    const slice = out[out.length - 1];
    // Start the next slice once this one holds its share (never leave a slice empty).
    if (slice.length > 0 && out.length < parts && acc >= (total * out.length) / parts) out.push([]);
    out[out.length - 1].push(input);
    acc += input.text.length;
  }
  return out;
}

/**
 * Lints inputs on `threads` threads: the main thread takes the first slice and workers the others
 * (worker threads running `workerUrl`, the bundled lint-worker). Results come back in input order,
 * so output is the same as a run on one thread. A worker that fails is redone on the main thread.
 */
export async function lintInputsInParallel(inputs: readonly ParallelInput[], lint: InputLinter, workerUrl: URL, threads: number): Promise<Diagnostic[][]> {
  const slices = splitBySize(inputs, threads);
  const started = slices.slice(1).map((slice) => runWorker(workerUrl, { inputs: slice }));
  const results: Diagnostic[][] = slices[0].map((i) => lint(i.path, i.text, i.options));
  for (const [k, pending] of started.entries()) {
    const slice = slices[k + 1];
    const done = await pending.catch(() => undefined);
    results.push(...(done ?? slice.map((i) => lint(i.path, i.text, i.options))));
  }
  return results;
}

/**
 * The worker script: dist/lint-worker.js next to the bundled CLI (this code may sit in the bundle or in
 * one of its chunks), or dist/cli/lint-worker.js in the library build. Undefined when there is none
 * (running from TypeScript sources): the run stays on one thread.
 */
export function lintWorkerUrl(): URL | undefined {
  for (const rel of ['./lint-worker.js', '../lint-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && existsSync(url) && !url.pathname.endsWith('/src/cli/lint-worker.js')) return url;
  }
  return undefined;
}

function runWorker(url: URL, job: LintWorkerJob): Promise<Diagnostic[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: job });
    worker.once('message', (m: Diagnostic[][]) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`lint worker exited with code ${code}`)));
  });
}
