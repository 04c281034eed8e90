import * as path from 'path';

const loaded = new Set<string>();

/**
 * Loads plugin modules by name or path, once each. A plugin registers its
 * bijectors (registerBijector) or energies (registerEnergy) when loaded.
 * Relative paths and package names resolve from the working directory
 * first, then from neuralrg's own install.
 *
 * @throws Error naming the module that could not be found or loaded.
 */
export function loadPlugins(names: readonly string[] = []): void {
  for (const name of names) {
    if (loaded.has(name)) continue;
    let resolved: string;
    try {
      resolved = require.resolve(name, { paths: [process.cwd(), path.resolve(process.cwd(), 'node_modules'), __dirname] });
    } catch {
      throw new Error(`plugin '${name}' was not found from ${process.cwd()}: install it or give a path to its module`);
    }
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(resolved);
    } catch (error) {
      throw new Error(`plugin '${name}' failed to load: ${(error as Error).message}`);
    }
    loaded.add(name);
  }
}
