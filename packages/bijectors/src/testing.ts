import { Rng, tf } from '@neuralrg/tensor';
import type { NamedVariable } from './bijector';

/** Adds N(0, scale^2) noise to every parameter, so tests see a non-trivial map. */
export function perturbParameters(params: NamedVariable[], rng: Rng, scale: number): void {
  for (const { variable } of params) {
    const noise = rng.fillNormal(new Float32Array(variable.size));
    tf.tidy(() => variable.assign(tf.add(variable, tf.mul(tf.tensor(noise, variable.shape), scale))));
  }
}
