import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LintOptions } from '../linter/lint-options.js';
import type { InputLinter } from '../linter/load-input-linter.js';
import type { LintWorkerJob, LintWorkerResult } from './lint-worker.js';

export interface ParallelInput {
  readonly path: string;
  readonly text: string;
  readonly options: LintOptions;
}

/**
 * Below this many characters in all, a run lints on the main thread only: starting a worker (loading
 * and warming up the linter again) costs more than it could save.
 */
export const PARALLEL_MIN_CHARS = 1_000_000;

/**
 * How many threads a run of these inputs should use by default (1: the main thread alone; `--threads`
 * overrides). One per two logical CPUs, at most four: cloud vCPUs usually come in pairs on one physical
 * core, and on such a 2-vCPU machine two lint threads ran at 0.80-0.90x the speed of one (npm run bench).
 */
export function parallelThreads(inputs: readonly { text: string }[], cpus = availableParallelism()): number {
  const threads = Math.min(Math.floor(cpus / 2), 4, inputs.length);
  if (threads < 2) return 1;
  let chars = 0;
  for (const i of inputs) chars += i.text.length;
  return chars < PARALLEL_MIN_CHARS ? 1 : threads;
}

/**
 * `--threads N` as used: at most the number of logical CPUs (more threads than CPUs only share them, and were
 * slower, issue 17), at least 1.
 */
export function cappedThreads(requested: number, cpus = availableParallelism()): number {
  return Math.max(1, Math.min(Math.floor(requested), cpus));
}

/**
 * Lints inputs on `threads` threads: the main thread and `threads - 1` workers (`workerUrl`, the bundled
 * lint-worker) take the next unclaimed input from a shared counter until none is left. A thread that is
 * slow (starting up, or sharing a physical core) simply claims fewer inputs, so a run is never much
 * slower than on one thread. Results are stored by input index: the output is the same whichever
 * thread linted what. An input a failed worker claimed is linted again on the main thread.
 */
export async function lintInputsInParallel(inputs: readonly ParallelInput[], lint: InputLinter, workerUrl: URL, threads: number): Promise<Diagnostic[][]> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const job: LintWorkerJob = { inputs, next };
  const workers = Array.from({ length: Math.max(0, threads - 1) }, () => runWorker(workerUrl, job));
  const results: (Diagnostic[] | undefined)[] = new Array(inputs.length);
  for (let i = Atomics.add(next, 0, 1); i < inputs.length; i = Atomics.add(next, 0, 1)) {
    results[i] = lint(inputs[i].path, inputs[i].text, inputs[i].options);
  }
  for (const pending of workers) {
    const done = await pending.catch(() => undefined);
    for (const [i, diagnostics] of done ?? []) results[i] = diagnostics;
  }
  return results.map((r, i) => r ?? lint(inputs[i].path, inputs[i].text, inputs[i].options));
}

/**
 * The worker script: dist/lint-worker.js next to the bundled CLI (this code may sit in the bundle or in
 * one of its chunks), or dist/cli/lint-worker.js in the library build. Undefined when there is none
 * (running from TypeScript sources): the run stays on one thread.
 */
export function lintWorkerUrl(): URL | undefined {
  for (const rel of ['./lint-worker.js', '../lint-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && existsSync(url)) return url;
  }
  return undefined;
}

function runWorker(url: URL, job: LintWorkerJob): Promise<LintWorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: job });
    worker.once('message', (m: LintWorkerResult) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`lint worker exited with code ${code}`)));
  });
}
