import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { TrainConfig } from './config';
import type { WorkerReply, WorkerRequest } from './protocol';

/** Where the compiled worker script lives (next to this file once built). */
function workerScript(): string {
  const candidates = [
    path.join(__dirname, 'gradient-worker.js'),
    path.join(__dirname, '..', 'dist', 'gradient-worker.js'),
  ];
  const found = candidates.find((file) => fs.existsSync(file));
  if (found === undefined) {
    throw new Error(
      `parallel training needs the built worker script; build @neuralrg/trainer first (looked in ${candidates.join(', ')})`,
    );
  }
  return found;
}

/**
 * A pool of worker threads, each with its own tensor backend, that
 * evaluate the objective on shares of a batch. The training thread keeps
 * the optimiser and the random generator, so results do not depend on
 * thread timing.
 */
export class GradientWorkers {
  private readonly workers: Worker[] = [];

  private constructor() {}

  static async start(
    count: number,
    backend: string,
    config: TrainConfig,
    energy: { name: string } & Record<string, number | string>,
  ): Promise<GradientWorkers> {
    const pool = new GradientWorkers();
    const script = workerScript();
    for (let i = 0; i < count; i++) pool.workers.push(new Worker(script));
    try {
      await Promise.all(pool.workers.map((w) => pool.call(w, { kind: 'init', backend, config, energy })));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  private call(worker: Worker, request: WorkerRequest): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        worker.off('error', onError);
        if (reply.kind === 'error') reject(new Error(`gradient worker: ${reply.message}`));
        else resolve(reply);
      };
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        reject(error);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.postMessage(request);
    });
  }

  /** Sends worker i its share of latent rows; resolves with every reply. */
  gradients(
    params: Float32Array[],
    shares: Array<{ z: Float32Array; rows: number; data?: boolean }>,
  ): Promise<Array<{ losses: Float32Array; grads: Float32Array[] }>> {
    return Promise.all(
      this.workers.map(async (worker, i) => {
        const reply = await this.call(worker, { kind: 'step', params, ...shares[i] });
        if (reply.kind !== 'gradients') throw new Error(`gradient worker sent '${reply.kind}'`);
        return reply;
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}
