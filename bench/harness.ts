// Timing and memory helpers shared by the workloads: warm-up, then repetitions interleaved across variants
// (each repetition runs every variant once, in a rotating order, after a full GC when --expose-gc is on), so
// that a noisy machine affects all variants alike; median and min are reported.
import { type PerformanceEntry, PerformanceObserver, performance } from 'node:perf_hooks';

export interface Variant {
  id: string;
  /** Communes one run processes. */
  communes: number;
  run: () => unknown;
}

export interface Timing {
  id: string;
  communes: number;
  /** Wall time of each timed run. */
  runsMs: number[];
  medianMs: number;
  minMs: number;
  /** CPU time (user + system, all threads incl. GC) of each run: less sensitive to a busy machine. */
  cpuRunsMs: number[];
  cpuMedianMs: number;
  /** GC pauses (main thread) inside each run; their share of the median run in `gcShare`. */
  gcRunsMs: number[];
  gcShare: number;
  /** Median time per commune, in microseconds. */
  perCommuneUs: number;
  /** Communes per second, from the median run. */
  throughput: number;
  /** Communes per second, from the fastest run. */
  bestThroughput: number;
  /** Heap retained by the results, per commune (null without --expose-gc). */
  retainedBytesPerCommune: number | null;
}

const gc = (globalThis as { gc?: () => void }).gc;
export const hasGc = typeof gc === 'function';

function collect(): void {
  if (gc) {
    gc();
    gc();
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Where results are parked so a run's work cannot be optimised away. */
const sink: { value: unknown } = { value: null };

// GC pauses, as V8 reports them; each timed run sums those that started inside it.
const gcPauses: PerformanceEntry[] = [];
const gcObserver = new PerformanceObserver((list) => {
  gcPauses.push(...list.getEntries());
});
gcObserver.observe({ entryTypes: ['gc'] });

/** GC entries reach the observer on a timer turn (setImmediate is too early). */
const tick = () => new Promise((done) => setTimeout(done, 0));

export interface RunSample {
  wall: number;
  cpu: number;
  gc: number;
}

async function timeOnce(variant: Variant): Promise<RunSample> {
  collect();
  await tick(); // deliver the forced collections' entries, then forget them
  gcPauses.length = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let result = variant.run();
  if (result instanceof Promise) result = await result;
  const end = performance.now();
  const used = process.cpuUsage(cpu);
  sink.value = result;
  sink.value = null;
  await tick(); // let the observer deliver
  let gc = 0;
  for (const entry of gcPauses) if (entry.startTime >= start && entry.startTime < end) gc += entry.duration;
  return { wall: end - start, cpu: (used.user + used.system) / 1000, gc };
}

/** Warm-up runs, then `reps` interleaved timed repetitions. */
export async function timeVariants(
  variants: readonly Variant[],
  options: { warmup: number; reps: number; onRep?: (rep: number) => void },
): Promise<Map<string, RunSample[]>> {
  for (let w = 0; w < options.warmup; w++) for (const variant of variants) await timeOnce(variant);
  const runs = new Map(variants.map((variant) => [variant.id, [] as RunSample[]]));
  for (let rep = 0; rep < options.reps; rep++) {
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(k + rep) % variants.length] as Variant;
      (runs.get(variant.id) as RunSample[]).push(await timeOnce(variant));
    }
    options.onRep?.(rep + 1);
  }
  return runs;
}

function heapNow(): number {
  const usage = process.memoryUsage();
  // Typed arrays above 64 bytes live outside the V8 heap: count them too.
  return usage.heapUsed + usage.arrayBuffers;
}

/** Bytes still held after GC while the result of one run is kept alive, per commune. */
export async function retainedPerCommune(variant: Variant): Promise<number | null> {
  if (!gc) return null;
  collect();
  const before = heapNow();
  let result = variant.run();
  if (result instanceof Promise) result = await result;
  collect();
  const after = heapNow();
  sink.value = result;
  sink.value = null;
  return Math.max(0, after - before) / variant.communes;
}

export function timingOf(variant: Variant, runs: readonly RunSample[], retained: number | null): Timing {
  const runsMs = runs.map((run) => run.wall);
  const cpuRunsMs = runs.map((run) => run.cpu);
  const gcRunsMs = runs.map((run) => run.gc);
  const medianMs = median(runsMs);
  const minMs = Math.min(...runsMs);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    id: variant.id,
    communes: variant.communes,
    runsMs: runsMs.map(round),
    medianMs,
    minMs,
    cpuRunsMs: cpuRunsMs.map(round),
    cpuMedianMs: median(cpuRunsMs),
    gcRunsMs: gcRunsMs.map(round),
    gcShare: median(runs.map((run) => run.gc / run.wall)),
    perCommuneUs: (medianMs * 1000) / variant.communes,
    throughput: variant.communes / (medianMs / 1000),
    bestThroughput: variant.communes / (minMs / 1000),
    retainedBytesPerCommune: retained,
  };
}

/** Formats a number with thousands separators. */
export function fmt(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
