/**
 * A seeded pseudo-random generator (xoshiro128**, Blackman and Vigna 2018)
 * whose whole state is four 32-bit words, so that a run can be saved and
 * resumed bit for bit. Normal variates use the Box-Muller transform.
 */
// Module-level copies: inside sandboxes such as jest's, every lookup of
// the global Math costs far more than a local binding.
const { cos, log, sin, sqrt, imul, floor, PI } = Math;
const TWO_PI = 2 * PI;

export class Rng {
  private s: Uint32Array;

  constructor(seed: number | readonly number[]) {
    if (typeof seed === 'number') {
      if (!Number.isInteger(seed) || seed < 0) {
        throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
      }
      this.s = Rng.expand(seed);
    } else {
      if (seed.length !== 4 || seed.every((w) => w === 0)) {
        throw new RangeError(`Rng state must be 4 words, not all zero, got [${seed.join(', ')}]`);
      }
      this.s = Uint32Array.from(seed);
    }
  }

  /** SplitMix32 expansion of a seed into a full state. */
  private static expand(seed: number): Uint32Array {
    const state = new Uint32Array(4);
    let x = (seed >>> 0) ^ floor(seed / 2 ** 32);
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = imul(z ^ (z >>> 16), 0x85ebca6b);
      z = imul(z ^ (z >>> 13), 0xc2b2ae35);
      state[i] = (z ^ (z >>> 16)) >>> 0;
    }
    if (state.every((w) => w === 0)) state[0] = 1;
    return state;
  }

  /** The generator state, for checkpoints. */
  get state(): number[] {
    return Array.from(this.s);
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const result = imul(rotl(imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A uniform number in the open interval (0, 1). */
  uniform(): number {
    return (this.nextUint32() + 0.5) / 4294967296;
  }

  /** Fills `out` with independent standard normal variates. */
  fillNormal(out: Float32Array): Float32Array {
    for (let i = 0; i < out.length; i += 2) {
      const radius = sqrt(-2 * log(this.uniform()));
      const angle = TWO_PI * this.uniform();
      out[i] = radius * cos(angle);
      if (i + 1 < out.length) out[i + 1] = radius * sin(angle);
    }
    return out;
  }

  /** Fills `out` with uniform variates in (low, high). */
  fillUniform(out: Float32Array, low: number, high: number): Float32Array {
    for (let i = 0; i < out.length; i++) out[i] = low + (high - low) * this.uniform();
    return out;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
