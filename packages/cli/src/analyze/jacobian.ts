import type { Flow } from '@neuralrg/bijectors';
import { tf } from '@neuralrg/tensor';
import type { Tensor2D } from '@neuralrg/tensor';

/** Rows of one backward pass: bounds the memory of the wasm backend. */
const ROWS_PER_PASS = 2048;

/** Mean and standard deviation over samples of the Jacobian dz/dx. */
export interface JacobianStatistics {
  samples: number;
  size: number;
  /** mean[s * size + t] = E[dz_s / dx_t]. */
  mean: Float64Array;
  /** std[s * size + t]: sample standard deviation (n - 1) of dz_s / dx_t; 0 for one sample. */
  std: Float64Array;
}

/**
 * The Jacobian dz/dx of the renormalisation direction z = g^-1(x) at the
 * first `samples` rows of x, by reverse-mode autodiff: every latent z_s of
 * a sample depends only on that sample, so one backward pass of the sum
 * of z_s over a batch gives dz_s/dx for every sample of the batch. The
 * batch is tiled once per latent variable with a one-hot output gradient,
 * so that a pass serves many latents at once.
 *
 * @param x - row-major [rows, size] physical configurations.
 * @param onProgress - called with the latent-sample rows done and their total.
 */
export function jacobianStatistics(
  flow: Flow,
  x: Float32Array,
  samples: number,
  onProgress?: (done: number, total: number) => void,
): JacobianStatistics {
  const size = flow.dim;
  const sum = new Float64Array(size * size);
  const sumSquares = new Float64Array(size * size);
  const latentsPerPass = Math.min(size, ROWS_PER_PASS);
  const samplesPerPass = Math.max(1, Math.floor(ROWS_PER_PASS / latentsPerPass));
  const gradient = tf.grad((input: tf.Tensor) => flow.encode(input as Tensor2D));
  let done = 0;

  for (let first = 0; first < samples; first += samplesPerPass) {
    const batch = Math.min(samplesPerPass, samples - first);
    const rows = x.subarray(first * size, (first + batch) * size);
    for (let s0 = 0; s0 < size; s0 += latentsPerPass) {
      const latents = Math.min(latentsPerPass, size - s0);
      const oneHot = new Float32Array(latents * batch * size);
      for (let l = 0; l < latents; l++) {
        for (let b = 0; b < batch; b++) oneHot[(l * batch + b) * size + s0 + l] = 1;
      }
      const rowsOfJacobian = tf.tidy(() => {
        const tiled = tf.tile(tf.tensor2d(rows, [batch, size]), [latents, 1]);
        const dy = tf.tensor2d(oneHot, [latents * batch, size]);
        return gradient(tiled, dy).dataSync();
      });
      for (let l = 0; l < latents; l++) {
        for (let b = 0; b < batch; b++) {
          const from = (l * batch + b) * size;
          const to = (s0 + l) * size;
          for (let t = 0; t < size; t++) {
            const v = rowsOfJacobian[from + t];
            sum[to + t] += v;
            sumSquares[to + t] += v * v;
          }
        }
      }
      done += latents * batch;
      onProgress?.(done, samples * size);
    }
  }

  const mean = sum.map((v) => v / samples);
  const std = sumSquares.map((v, p) =>
    samples > 1 ? Math.sqrt(Math.max(0, (v - samples * mean[p] * mean[p]) / (samples - 1))) : 0,
  );
  return { samples, size, mean, std };
}
