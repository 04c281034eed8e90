import type { KernelMode } from '@neuralrg/tensor';
import { emulatedKernelRunner } from './kernel-runner';
import type { KernelRunner } from './kernel-runner';
import { gpuJsKernelRunner, gpuJsSupports, loadGpuJs } from './gpujs-runner';

/** Which code runs the Ising lattice samplers, as asked for. */
export const LATTICE_ENGINES = ['auto', 'typescript', 'gpu.js', 'emulated'] as const;
export type LatticeEnginePreference = (typeof LATTICE_ENGINES)[number];

/** The code that will run the lattice samplers, and why it was chosen. */
export interface LatticeEngine {
  /** 'typescript', or the kernel runner's engine, e.g. 'gpu.js 2.24.1 webasm'. */
  name: string;
  /** The kernel runner; undefined on the plain TypeScript path. */
  runner?: KernelRunner;
  /** Why this path runs, for reports. */
  reason: string;
}

/**
 * Picks the code that runs the Ising lattice kernels, from the preference
 * and the kernel mode of the tensor device (`currentDevice().kernelMode`):
 * - 'typescript': the plain TypeScript reference.
 * - 'emulated': the gpu.js-shaped kernels called site by site in
 *   JavaScript (slow; for tests and checks).
 * - 'gpu.js': gpu.js in the device's mode, else an Error saying why not.
 * - 'auto': gpu.js in the device's mode when it is installed and that
 *   mode works here ('webgpu' on an accelerator, 'webasm' on the wasm and
 *   native CPU backends); gpu.js webasm when webgpu is asked for but not
 *   available; the TypeScript reference otherwise, and always for kernel
 *   mode 'cpu', whose kernels would be the same plain JavaScript.
 *
 * @throws RangeError for an unknown preference; Error when 'gpu.js' is
 *   asked for and cannot run.
 */
export function selectLatticeEngine(
  preference: LatticeEnginePreference,
  kernelMode: KernelMode,
): LatticeEngine {
  if (!(LATTICE_ENGINES as readonly string[]).includes(preference)) {
    throw new RangeError(
      `lattice engine must be one of ${LATTICE_ENGINES.join(', ')}, got '${String(preference)}'`,
    );
  }
  if (preference === 'typescript') {
    return { name: 'typescript', reason: 'the TypeScript reference was asked for' };
  }
  if (preference === 'emulated') {
    return {
      name: 'emulated',
      runner: emulatedKernelRunner(),
      reason: 'the gpu.js-shaped kernels, emulated site by site in JavaScript, were asked for',
    };
  }
  if (preference === 'auto' && kernelMode === 'cpu') {
    return {
      name: 'typescript',
      reason: "the device's kernel mode is 'cpu', whose reference is the TypeScript path",
    };
  }

  const lookup = loadGpuJs();
  if (!lookup.available) {
    if (preference === 'gpu.js') {
      throw new Error(`the gpu.js lattice engine cannot run: ${lookup.reason}`);
    }
    return { name: 'typescript', reason: `${lookup.reason}; using the TypeScript path` };
  }
  const { module, version } = lookup;
  for (const mode of kernelMode === 'webgpu' ? (['webgpu', 'webasm'] as const) : [kernelMode]) {
    if (gpuJsSupports(module, mode)) {
      const runner = gpuJsKernelRunner(module, mode, version);
      const fallback = mode !== kernelMode ? ` (webgpu is not available here)` : '';
      return { name: runner.engine, runner, reason: `gpu.js is installed${fallback}` };
    }
  }
  if (preference === 'gpu.js') {
    throw new Error(
      `the gpu.js lattice engine cannot run: mode '${kernelMode}' is not supported here`,
    );
  }
  return {
    name: 'typescript',
    reason: `gpu.js cannot run mode '${kernelMode}' here; using the TypeScript path`,
  };
}
