import { Rng } from '@neuralrg/tensor';
import type { Bijector, BijectorSpec } from './bijector';

/** What a factory receives besides the spec's options. */
export interface BijectorContext {
  /** Generator for initial weights (overwritten when weights are loaded). */
  rng: Rng;
  /** The spec's children, already built. */
  children: Bijector[];
}

/** Builds a bijector of one registered type from plain-JSON options. */
export type BijectorFactory = (options: Record<string, unknown>, context: BijectorContext) => Bijector;

const factories = new Map<string, BijectorFactory>();

/**
 * Registers a bijector type, so that specs, configs, checkpoints and the
 * CLI can name it. A plugin package calls this when it is loaded.
 *
 * @throws TypeError for an empty name or a non-function factory; Error when
 *   the name is taken (pass `replace: true` to override on purpose).
 */
export function registerBijector(type: string, factory: BijectorFactory, replace = false): void {
  if (typeof type !== 'string' || type === '') {
    throw new TypeError(`bijector type must be a non-empty string, got ${JSON.stringify(type)}`);
  }
  if (typeof factory !== 'function') {
    throw new TypeError(`factory for bijector type '${type}' must be a function, got ${typeof factory}`);
  }
  if (factories.has(type) && !replace) {
    throw new Error(`bijector type '${type}' is already registered`);
  }
  factories.set(type, factory);
}

/** The registered bijector types, sorted. */
export function bijectorTypes(): string[] {
  return [...factories.keys()].sort();
}

/** Whether a type is registered. */
export function hasBijectorType(type: string): boolean {
  return factories.has(type);
}

/**
 * Builds a bijector tree from its spec, children first.
 *
 * @throws Error naming the unknown type and the plugin it needs.
 */
export function buildBijector(spec: BijectorSpec, rng: Rng): Bijector {
  const factory = factories.get(spec.type);
  if (factory === undefined) {
    throw new Error(
      `unknown bijector type '${spec.type}': no plugin registered it. Load the package ` +
        `that provides it (CLI: --plugin <module>); known types: ${bijectorTypes().join(', ')}`,
    );
  }
  const children = (spec.children ?? []).map((child) => buildBijector(child, rng));
  return factory(spec.options ?? {}, { rng, children });
}
