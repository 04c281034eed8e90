import type { TrainConfig } from './config';

/** Messages from the training thread to a gradient worker. */
export type WorkerRequest =
  | {
      kind: 'init';
      backend: string;
      config: TrainConfig;
      energy: { name: string } & Record<string, number | string>;
    }
  | { kind: 'step'; params: Float32Array[]; z: Float32Array; rows: number };

/** Replies of a gradient worker. */
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'gradients'; losses: Float32Array; grads: Float32Array[] }
  | { kind: 'error'; message: string };
