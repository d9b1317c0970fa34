/**
 * A worker thread of `ntm evaluate --jobs N` (see jobs.ts): evaluates the batches it is sent with the setup it
 * was started with, and answers each with its text and row errors, or with the error that stopped it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type BatchInput, type BatchSetup, evaluateBatch } from './evaluate-batch.js';

export interface WorkerRequest extends BatchInput {
  id: number;
}

export type WorkerReply =
  | ({ id: number } & ReturnType<typeof evaluateBatch>)
  | { id: number; failure: { name: string; message: string; stack?: string | undefined } };

const setup = workerData as BatchSetup;
const port = parentPort;
if (!port) throw new Error('evaluate-worker runs as a worker thread');

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, ...evaluateBatch(setup, request) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    reply = {
      id: request.id,
      failure: { name: failure.name, message: failure.message, stack: failure.stack },
    };
  }
  port.postMessage(reply);
});
