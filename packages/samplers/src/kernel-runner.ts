import type { KernelThread } from './lattice-kernels';

/** A value a lattice kernel takes: a flat float32 array or a number. */
export type KernelArgument = Float32Array | number;

/** A per-site kernel of `lattice-kernels.ts`. */
// The argument list differs from kernel to kernel; each is checked where it is defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SiteKernel = (this: KernelThread, ...args: any[]) => number;

/**
 * Runs per-site kernels over a flat output of `size` threads. A runner may
 * answer synchronously (the CPU ones) or with a promise (gpu.js webgpu).
 */
export interface KernelRunner {
  /** What runs the kernels, e.g. 'gpu.js webasm' or 'emulated'. */
  readonly engine: string;
  run(
    kernel: SiteKernel,
    size: number,
    args: KernelArgument[],
  ): Float32Array | Promise<Float32Array>;
  dispose(): void;
}

/**
 * Runs a kernel by calling it once per thread in JavaScript, `this` bound
 * to { thread: { x } }. Semantically what gpu.js does; used to test the
 * kernels on any machine and as the reference of the gpu.js runner.
 */
export function emulatedKernelRunner(): KernelRunner {
  return {
    engine: 'emulated',
    run(kernel, size, args) {
      const out = new Float32Array(size);
      const thread = { x: 0 };
      const self = { thread };
      for (let x = 0; x < size; x++) {
        thread.x = x;
        out[x] = kernel.apply(self, args);
      }
      return out;
    },
    dispose() {},
  };
}
