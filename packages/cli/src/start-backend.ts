import { useBackend } from '@neuralrg/tensor';
import type { BackendName } from '@neuralrg/tensor';
import { RunError, oneLine } from './errors';

/**
 * Starts the tensor backend. When it cannot start (an optional native
 * package is missing), the backend's own message, which says how to
 * install it, becomes the error.
 */
export async function startBackend(name: BackendName): Promise<void> {
  try {
    await useBackend(name);
  } catch (error) {
    throw new RunError(oneLine(error));
  }
}
