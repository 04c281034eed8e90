import type { TrainConfig } from './config';

/** Messages from the training thread to a gradient worker. */
export type WorkerRequest =
  | {
      kind: 'init';
      backend: string;
      config: TrainConfig;
      energy: { name: string } & Record<string, number | string>;
    }
  /**
   * One share of a step: `rows` rows of latent z (reverse KL) or, with
   * `data`, of physical samples x (forward KL).
   */
  | { kind: 'step'; params: Float32Array[]; z: Float32Array; rows: number; data?: boolean };

/** Replies of a gradient worker. */
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'gradients'; losses: Float32Array; grads: Float32Array[] }
  | { kind: 'error'; message: string };
