/**
 * Where batches are evaluated: in the main thread ({@link InlineEvaluator}), or spread over worker threads
 * ({@link WorkerPool}, `ntm evaluate --jobs N`). The caller keeps up to `capacity` batches in flight and takes
 * their results in the order it sent them, so that the output is in file order and byte for byte the same
 * whatever the number of threads.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type BatchInput, type BatchResult, type BatchSetup, evaluateBatch } from './evaluate-batch.js';
import type { WorkerReply, WorkerRequest } from './evaluate-worker.js';

export interface Evaluator {
  /** How many batches the caller may keep in flight (enough to keep every thread busy, no more). */
  readonly capacity: number;
  run(input: BatchInput): Promise<BatchResult>;
  close(): Promise<void>;
}

/** Evaluates in the main thread, letting the event loop run between batches (Ctrl-C is handled at once). */
export class InlineEvaluator implements Evaluator {
  readonly capacity = 1;
  readonly #setup: BatchSetup;
  constructor(setup: BatchSetup) {
    this.#setup = setup;
  }
  async run(input: BatchInput): Promise<BatchResult> {
    await new Promise((resolve) => setImmediate(resolve));
    return evaluateBatch(this.#setup, input);
  }
  async close(): Promise<void> {}
}

/** The number of threads `--jobs` means by default: the machine's processors. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The worker module, beside this one (dist/evaluate-worker.js). When ntm runs from its TypeScript sources (its
 * tests, through tsx), a worker does not inherit tsx's loader: a one-line module registers it in the worker
 * first, then loads evaluate-worker.ts.
 */
function workerUrl(): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./evaluate-worker.js', here);
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./evaluate-worker.ts', here).href;
  const bootstrap = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(worker)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

interface Waiting {
  resolve: (result: BatchResult) => void;
  reject: (error: Error) => void;
  worker: Slot;
}

interface Slot {
  worker: Worker;
  pending: number;
}

/** Evaluates batches on `size` worker threads, each started with the run's setup. */
export class WorkerPool implements Evaluator {
  readonly capacity: number;
  readonly #slots: Slot[] = [];
  readonly #waiting = new Map<number, Waiting>();
  #next = 0;
  #failure: Error | null = null;
  #closing = false;

  constructor(size: number, setup: BatchSetup) {
    this.capacity = size * 2;
    const url = workerUrl();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      const slot: Slot = { worker, pending: 0 };
      worker.on('message', (reply: WorkerReply) => this.#reply(reply));
      worker.on('error', (error) => this.#fail(error));
      worker.on('exit', (code) => {
        if (!this.#closing) this.#fail(new Error(`an evaluation thread stopped (exit code ${code})`));
      });
      this.#slots.push(slot);
    }
  }

  run(input: BatchInput): Promise<BatchResult> {
    if (this.#failure) return Promise.reject(this.#failure);
    const slot = this.#slots.reduce((best, candidate) =>
      candidate.pending < best.pending ? candidate : best,
    );
    const id = this.#next++;
    return new Promise<BatchResult>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject, worker: slot });
      slot.pending++;
      const request: WorkerRequest = { id, ...input };
      slot.worker.postMessage(request);
    });
  }

  #reply(reply: WorkerReply): void {
    const waiting = this.#waiting.get(reply.id);
    if (!waiting) return;
    this.#waiting.delete(reply.id);
    waiting.worker.pending--;
    if ('failure' in reply) {
      const error = new Error(reply.failure.message);
      error.name = reply.failure.name;
      if (reply.failure.stack) error.stack = reply.failure.stack;
      waiting.reject(error);
      return;
    }
    const { id: _id, ...result } = reply;
    waiting.resolve(result);
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }
}
