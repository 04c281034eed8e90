import { tf } from './tf';

/** The tensor backends neuralrg knows how to start, by name. */
export const BACKENDS = ['wasm', 'cpu', 'tensorflow', 'tensorflow-gpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** Backend used when the user names none: WebAssembly runs everywhere. */
export const DEFAULT_BACKEND: BackendName = 'wasm';

/** Modes of the gpu.js kernels that follow the tensor backend's device. */
export type KernelMode = 'webgpu' | 'webasm' | 'cpu';

/** The compute device of the whole program, fixed once at start-up. */
export interface Device {
  /** Name of the tensor backend, as accepted by {@link useBackend}. */
  backend: BackendName;
  /** The tfjs backend name registered in the engine. */
  tfBackend: string;
  /** Whether the device is an accelerator. */
  accelerator: boolean;
  /** The gpu.js mode that non-differentiable kernels must use. */
  kernelMode: KernelMode;
}

const NATIVE_PACKAGES: Partial<Record<BackendName, string>> = {
  tensorflow: '@tensorflow/tfjs-node',
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
};

let current: Device | undefined;

/** Checks that `name` is a known backend and returns it typed. */
export function parseBackendName(name: string): BackendName {
  if (!(BACKENDS as readonly string[]).includes(name)) {
    throw new RangeError(`backend must be one of ${BACKENDS.join(', ')}, got '${name}'`);
  }
  return name as BackendName;
}

function loadNative(name: BackendName): void {
  const pkg = NATIVE_PACKAGES[name];
  if (pkg === undefined) return;
  try {
    // Loaded only on request: the native packages are optional and absent by default.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(pkg);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'MODULE_NOT_FOUND' ? 'it is not installed' : String(error);
    throw new Error(
      `backend '${name}' needs the optional package ${pkg}, but ${reason}. ` +
        `Install it with 'npm install ${pkg}@4.22.0' ('pnpm add -w ${pkg}@4.22.0' at the root of ` +
        `this repository; it downloads a native TensorFlow library at install time), ` +
        `or choose --backend wasm, which needs nothing extra.`,
    );
  }
}

/**
 * Starts the named tensor backend and makes it the device of the program.
 * The native TensorFlow backends are loaded only here, on request.
 *
 * @throws RangeError for an unknown name; Error when a native backend is missing.
 */
export async function useBackend(name: string = DEFAULT_BACKEND): Promise<Device> {
  const backend = parseBackendName(name);
  loadNative(backend);
  const tfBackend = backend === 'tensorflow' || backend === 'tensorflow-gpu' ? 'tensorflow' : backend;
  const ok = await tf.setBackend(tfBackend);
  if (!ok) throw new Error(`backend '${backend}' failed to initialise`);
  await tf.ready();
  const accelerator = backend === 'tensorflow-gpu';
  current = {
    backend,
    tfBackend,
    accelerator,
    kernelMode: accelerator ? 'webgpu' : backend === 'cpu' ? 'cpu' : 'webasm',
  };
  return current;
}

/** The device chosen by {@link useBackend}; throws if none was chosen yet. */
export function currentDevice(): Device {
  if (current === undefined) {
    throw new Error('no tensor backend selected yet: call useBackend() first');
  }
  return current;
}
