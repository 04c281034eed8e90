import { createModuleEnergy } from './energy-module';
import { createGaussianFreeField } from './gff-factory';
import { createIsingDual } from './ising-factory';
import { createPhi4 } from './phi4-factory';
import { createGaussianMixture, createRing } from './toy-factories';
import type { EnergyModel } from './model';
import type { EnergyConfig, EnergyFactory } from './registry-types';
import { describeValue } from './validate';

const factories = new Map<string, EnergyFactory>([
  ['ising', createIsingDual],
  ['gff', createGaussianFreeField],
  ['phi4', createPhi4],
  ['ring', createRing],
  ['mixture', createGaussianMixture],
  ['module', createModuleEnergy],
]);

/**
 * Adds a model to the registry under `name`, so that
 * `createEnergy(name, config)` builds it. The models of this package are
 * registered already (see {@link energyNames}).
 *
 * @throws TypeError when name is not a non-empty string or factory is not a
 *   function; Error when the name is taken.
 */
export function registerEnergy(name: string, factory: EnergyFactory): void {
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(`energy name must be a non-empty string, got ${describeValue(name)}`);
  }
  if (typeof factory !== 'function') {
    throw new TypeError(`factory for energy '${name}' must be a function, got ${typeof factory}`);
  }
  if (factories.has(name)) {
    throw new Error(`energy model '${name}' is already registered`);
  }
  factories.set(name, factory);
}

/**
 * Builds the registered model `name` from its parameters, e.g.
 * `createEnergy('ising', { L: 8, T: 2.269 })`. A model's own `config`
 * rebuilds it: `createEnergy(model.name, model.config)`.
 *
 * @throws RangeError for an unknown name, listing the known ones; whatever
 *   the model's factory throws for a bad config.
 */
export function createEnergy(name: string, config: EnergyConfig = {}): EnergyModel {
  const factory = factories.get(name);
  if (factory === undefined) {
    throw new RangeError(
      `unknown energy model ${describeValue(name)}; known models: ${energyNames().join(', ')}`,
    );
  }
  return factory(config);
}

/** Names of the registered models, sorted. */
export function energyNames(): string[] {
  return [...factories.keys()].sort();
}
