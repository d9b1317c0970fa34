import { CheckError } from './exec.js';

export interface StepRecord {
  consumer: string;
  step: string;
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
  message?: string;
}

/** Thrown after a failed step so the rest of that consumer is skipped (the failure is already reported). */
export class ConsumerStopped extends Error {}

const records: StepRecord[] = [];

export function allRecords(): readonly StepRecord[] {
  return records;
}

function indent(text: string, prefix = '    '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

export function log(consumer: string, text: string): void {
  process.stdout.write(`${`[${consumer}]`.padEnd(12)} ${text}\n`);
}

/**
 * Runs one named step of a consumer, times it and reports it. On failure it prints which consumer, which step,
 * the message and the captured output, then throws ConsumerStopped.
 */
export async function step<T>(consumer: string, name: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - started;
    records.push({ consumer, step: name, status: 'passed', ms });
    log(consumer, `ok    ${name} (${(ms / 1000).toFixed(1)} s)`);
    return value;
  } catch (error) {
    const ms = performance.now() - started;
    const message = error instanceof Error ? error.message : String(error);
    records.push({ consumer, step: name, status: 'failed', ms, message });
    const output =
      error instanceof CheckError ? error.output : error instanceof Error ? (error.stack ?? '') : '';
    process.stdout.write(
      `\n${'='.repeat(100)}\nFAILED  consumer "${consumer}", step "${name}" (after ${(ms / 1000).toFixed(1)} s)\n` +
        `${indent(message)}\n${output ? `${indent(output)}\n` : ''}${'='.repeat(100)}\n\n`,
    );
    throw new ConsumerStopped(`${consumer}: ${name}`);
  }
}

export function skipped(consumer: string, name: string, why: string): void {
  records.push({ consumer, step: name, status: 'skipped', ms: 0, message: why });
  log(consumer, `skip  ${name} (${why})`);
}

export function summary(totalMs: number): { failed: number; text: string } {
  const failed = records.filter((r) => r.status === 'failed');
  const passed = records.filter((r) => r.status === 'passed');
  const width = Math.max(...records.map((r) => r.consumer.length), 8);
  const lines = records.map(
    (r) =>
      `  ${r.status === 'passed' ? 'ok  ' : r.status === 'failed' ? 'FAIL' : 'skip'}  ${r.consumer.padEnd(width)}  ` +
      `${r.step}${r.status === 'skipped' ? '' : ` (${(r.ms / 1000).toFixed(1)} s)`}`,
  );
  const head = failed.length
    ? `${failed.length} step(s) FAILED: ${failed.map((r) => `${r.consumer} › ${r.step}`).join('; ')}`
    : `all ${passed.length} steps passed`;
  return {
    failed: failed.length,
    text: `\nConsumer tests: ${head} in ${(totalMs / 1000).toFixed(1)} s\n${lines.join('\n')}\n`,
  };
}
