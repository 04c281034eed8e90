import type { KernelMode } from '@neuralrg/tensor';
import type { KernelRunner, SiteKernel } from './kernel-runner';

/** The part of gpu.js's API this package uses. */
interface GpuJsKernel {
  (...args: unknown[]): Float32Array | Promise<Float32Array>;
  destroy?(): void;
}
interface GpuJsInstance {
  createKernel(kernel: SiteKernel, settings: { output: number[] }): GpuJsKernel;
  destroy(): unknown;
}
interface GpuJsModule {
  GPU: {
    new (settings: { mode: string }): GpuJsInstance;
    isWebGPUSupported?: boolean;
    isWebAssemblySupported?: boolean;
  };
}

/** Outcome of looking for gpu.js at run time. */
export type GpuJsLookup =
  { available: true; module: GpuJsModule; version: string } | { available: false; reason: string };

let cached: GpuJsLookup | undefined;

/**
 * Loads the optional `gpu.js` package once. It is not a dependency of this
 * package: its optional native `gl` module needs a download or X11
 * headers to build, and its `webgpu` dependency ships prebuilt binaries.
 * A user who installs it (`pnpm add gpu.js` in the program that uses
 * neuralrg) gets the kernel path; everyone else the TypeScript one.
 */
export function loadGpuJs(): GpuJsLookup {
  if (cached !== undefined) return cached;
  try {
    // Optional at run time by design; see the doc comment.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require('gpu.js') as GpuJsModule;
    let version = 'unknown';
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      version = (require('gpu.js/package.json') as { version: string }).version;
    } catch {
      // The version is for reports only.
    }
    cached = { available: true, module, version };
  } catch (error) {
    const code = (error as { code?: string }).code;
    cached = {
      available: false,
      reason:
        code === 'MODULE_NOT_FOUND'
          ? 'the optional package gpu.js is not installed'
          : `gpu.js failed to load: ${(error as Error).message}`,
    };
  }
  return cached;
}

/** Whether gpu.js, once loaded, can run kernels in `mode` here. */
export function gpuJsSupports(module: GpuJsModule, mode: KernelMode): boolean {
  if (mode === 'webgpu') return module.GPU.isWebGPUSupported === true;
  if (mode === 'webasm') return module.GPU.isWebAssemblySupported !== false;
  return true;
}

/**
 * A kernel runner on gpu.js in the given mode. Kernels are compiled once
 * per (kernel, output size) and kept until `dispose`.
 */
export function gpuJsKernelRunner(
  module: GpuJsModule,
  mode: KernelMode,
  version: string,
): KernelRunner {
  const gpu = new module.GPU({ mode });
  const compiled = new Map<SiteKernel, Map<number, GpuJsKernel>>();
  return {
    engine: `gpu.js ${version} ${mode}`,
    run(kernel, size, args) {
      let bySize = compiled.get(kernel);
      if (bySize === undefined) {
        bySize = new Map();
        compiled.set(kernel, bySize);
      }
      let instance = bySize.get(size);
      if (instance === undefined) {
        instance = gpu.createKernel(kernel, { output: [size] });
        bySize.set(size, instance);
      }
      return instance(...args);
    },
    dispose() {
      gpu.destroy();
      compiled.clear();
    },
  };
}
