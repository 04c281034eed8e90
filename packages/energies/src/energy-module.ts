import * as fs from 'fs';
import * as path from 'path';
import { numericValue } from './parameters';
import { tf } from '@neuralrg/tensor';
import type { Rng, Tensor1D, Tensor2D } from '@neuralrg/tensor';
import { checkEnergyBatch } from './check-batch';
import type { EnergyModel } from './model';
import type { DerivedObservable, ObservableModel, ObservableSamples } from './observable-types';
import type { EnergyConfig } from './registry-types';
import { describeValue } from './validate';

/**
 * What a user's energy factory returns: the energy on a batch and its
 * layout, and optionally what an {@link EnergyModel} may carry besides.
 */
export interface EnergyDefinition extends ObservableModel {
  /** Shape of one configuration: [n] for a vector or chain, [L, L] for a lattice. */
  shape: readonly number[];
  /** E(x) for each row of a float32 [B, size] batch, as a [B] tensor; differentiable. */
  energy(x: Tensor2D): Tensor1D;
  /** A short name for messages; the file name by default. */
  name?: string;
  /** Whether E(-x) = E(x); false by default. */
  z2Symmetric?: boolean;
  /** Exact ln Z of exp(-E), if known. */
  exactLnZ?: number;
  /** Frees what the definition holds. */
  dispose?(): void;
}

/** What the factory receives besides the parameters: the shared tf instance. */
export interface EnergyModuleContext {
  tf: typeof tf;
}

/**
 * The function a user module exports (as `createEnergy`, as its default
 * export, or as `module.exports` itself): it validates its parameters and
 * returns an {@link EnergyDefinition}.
 */
export type EnergyModuleFactory = (
  params: Readonly<Record<string, number | string>>,
  context: EnergyModuleContext,
) => EnergyDefinition;

const factories = new Map<string, EnergyModuleFactory>();

/**
 * Loads a user energy module once and returns its factory. CommonJS
 * JavaScript (.js, .cjs) is loaded with require. TypeScript (.ts, .cts,
 * .mts) and ES modules (.mjs, or a .js file that Node treats as one) are
 * first transpiled to CommonJS with the `typescript` package, which must
 * then be installed: worker threads and resumed runs rebuild the energy
 * synchronously, and Node 20's require cannot load an ES module. An ES
 * module therefore may not use top-level await or import.meta.
 *
 * @param file - a path, absolute or relative to the working directory.
 * @throws Error naming the file when it is missing, does not load, or
 *   exports no factory.
 */
export function loadEnergyModule(file: string): EnergyModuleFactory {
  const resolved = resolveModulePath(file);
  const known = factories.get(resolved);
  if (known !== undefined) return known;

  let exported: unknown;
  try {
    if (/\.([cm]?ts|mjs)$/.test(resolved)) {
      exported = requireTranspiled(resolved);
    } else {
      try {
        exported = require(resolved);
      } catch (error) {
        // Node says ERR_REQUIRE_ESM for a .js in a "type": "module" package;
        // other loaders (jest's) meet its syntax as a SyntaxError.
        const esm =
          (error as Error & { code?: string }).code === 'ERR_REQUIRE_ESM' ||
          ((error as Error).name === 'SyntaxError' && /\b(export|import)\b/.test((error as Error).message));
        if (!esm) throw error;
        exported = requireTranspiled(resolved);
      }
    }
  } catch (error) {
    let reason = (error as Error).message;
    if (/import\.meta|await is only valid/.test(reason)) {
      reason += ' (ES modules are loaded as CommonJS here: top-level await and import.meta are not available)';
    }
    throw new Error(`energy module ${resolved} failed to load: ${reason}`);
  }
  const factory = factoryOf(exported);
  if (factory === undefined) {
    throw new Error(
      `energy module ${resolved} must export a factory function: exports.createEnergy = ` +
        '(params, { tf }) => ({ shape, energy }), or module.exports = that function',
    );
  }
  factories.set(resolved, factory);
  return factory;
}

/** The absolute path of a module file, checked to exist. */
export function resolveModulePath(file: string): string {
  if (typeof file !== 'string' || file.trim() === '') {
    throw new TypeError(
      `energy module path must be a non-empty string, got ${describeValue(file)}`,
    );
  }
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) {
    throw new Error(`energy module ${resolved} does not exist`);
  }
  return resolved;
}

function factoryOf(exported: unknown): EnergyModuleFactory | undefined {
  if (typeof exported === 'function') return exported as EnergyModuleFactory;
  if (exported !== null && typeof exported === 'object') {
    const record = exported as Record<string, unknown>;
    if (typeof record.createEnergy === 'function') {
      return record.createEnergy as EnergyModuleFactory;
    }
    if (typeof record.default === 'function') return record.default as EnergyModuleFactory;
  }
  return undefined;
}

/** The part of the typescript package used here. */
interface TypeScriptCompiler {
  transpileModule(
    source: string,
    options: { compilerOptions: Record<string, unknown>; fileName: string },
  ): { outputText: string };
  ModuleKind: { CommonJS: number };
  ScriptTarget: { ES2020: number };
}

/** Transpiles a TypeScript file or an ES module to CommonJS and evaluates it as a module. */
function requireTranspiled(file: string): unknown {
  let typescript: TypeScriptCompiler;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const paths = [path.dirname(file), process.cwd(), __dirname];
    typescript = require(require.resolve('typescript', { paths }));
  } catch {
    throw new Error(
      'loading a TypeScript or ES-module energy module needs the typescript package: install it, ' +
        'or write the module as CommonJS .js',
    );
  }
  const source = fs.readFileSync(file, 'utf8');
  const { outputText } = typescript.transpileModule(source, {
    compilerOptions: {
      module: typescript.ModuleKind.CommonJS,
      target: typescript.ScriptTarget.ES2020,
      esModuleInterop: true,
    },
    fileName: file,
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('module') as {
    new (id: string): {
      filename: string;
      paths: string[];
      exports: unknown;
      _compile(code: string, file: string): void;
    };
    _nodeModulePaths(dir: string): string[];
  };
  const compiled = new Module(file);
  compiled.filename = file;
  compiled.paths = Module._nodeModulePaths(path.dirname(file));
  compiled._compile(outputText, file);
  return compiled.exports;
}

/** Numeric strings become numbers, as for the built-in models. */
function normaliseParams(config: EnergyConfig): Record<string, number | string> {
  const params: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (key === 'module') continue;
    params[key] = typeof value === 'string' ? (numericValue(value) ?? value) : value;
  }
  return params;
}

/**
 * An {@link EnergyModel} around a user's {@link EnergyDefinition}: checks
 * the definition once, and every batch and result of `energy`.
 */
export class ModuleEnergy implements EnergyModel {
  readonly name = 'module';
  readonly shape: readonly number[];
  readonly size: number;
  readonly z2Symmetric: boolean;
  readonly exactLnZ?: number;
  readonly config: Readonly<Record<string, number | string>>;
  readonly label: string;
  readonly derivedObservables?: readonly DerivedObservable[];
  readonly observableDescriptions?: Readonly<Record<string, string>>;

  constructor(
    readonly file: string,
    private readonly definition: EnergyDefinition,
    params: Record<string, number | string>,
  ) {
    const where = `energy module ${file}`;
    if (definition === null || typeof definition !== 'object') {
      throw new TypeError(
        `${where}: the factory must return an object, got ${describeValue(definition)}`,
      );
    }
    const shape = definition.shape;
    const positive = (n: unknown): boolean => Number.isInteger(n) && (n as number) > 0;
    if (!Array.isArray(shape) || shape.length === 0 || !shape.every(positive)) {
      throw new TypeError(
        `${where}: shape must be a non-empty array of positive integers, ` +
          `got ${JSON.stringify(shape)}`,
      );
    }
    if (typeof definition.energy !== 'function') {
      throw new TypeError(`${where}: energy must be a function, got ${typeof definition.energy}`);
    }
    if (definition.exactLnZ !== undefined && !Number.isFinite(definition.exactLnZ)) {
      const value = describeValue(definition.exactLnZ);
      throw new TypeError(`${where}: exactLnZ must be a finite number, got ${value}`);
    }
    this.shape = Object.freeze([...shape]);
    this.size = shape.reduce((a, b) => a * b, 1);
    this.z2Symmetric = definition.z2Symmetric === true;
    this.exactLnZ = definition.exactLnZ;
    this.config = Object.freeze({ module: file, ...params });
    this.label = definition.name ?? path.basename(file);
    this.derivedObservables = definition.derivedObservables;
    this.observableDescriptions = definition.observableDescriptions;
  }

  /**
   * The user's E(x), with the input and the result checked.
   *
   * @throws RangeError when x is not [B, size], or the result is not a float32 [B] tensor.
   */
  energy(x: Tensor2D): Tensor1D {
    checkEnergyBatch(x, this.size, `shape [${this.shape.join(', ')}] of ${this.label}`);
    const result = this.definition.energy(x);
    if (!(result instanceof tf.Tensor) || result.rank !== 1 || result.shape[0] !== x.shape[0]) {
      const got =
        result instanceof tf.Tensor
          ? `a tensor of shape [${result.shape.join(', ')}]`
          : describeValue(result);
      throw new RangeError(
        `energy module ${this.file}: energy(x) must return a tensor of shape ` +
          `[${x.shape[0]}], got ${got}`,
      );
    }
    return result;
  }

  observables(x: Float32Array | Float64Array, count: number, rng: Rng): ObservableSamples {
    if (this.definition.observables === undefined) return {};
    return this.definition.observables(x, count, rng);
  }

  exactObservables(): Record<string, number> {
    return this.definition.exactObservables?.() ?? {};
  }

  dispose(): void {
    this.definition.dispose?.();
  }
}

/**
 * Registry factory of the 'module' energy: config.module is the path of
 * the user's module, the other keys are its parameters. The path is made
 * absolute, so that the stored config rebuilds the model from any folder.
 *
 * @throws TypeError when config.module is missing; whatever loading or the
 *   user's factory throws (e.g. for a bad parameter).
 */
export function createModuleEnergy(config: EnergyConfig): ModuleEnergy {
  const file = config.module;
  if (typeof file !== 'string') {
    throw new TypeError(
      "energy 'module' needs the parameter module, the path of a JS/TS module, " +
        `got ${describeValue(file)}`,
    );
  }
  const factory = loadEnergyModule(file);
  const resolved = resolveModulePath(file);
  const params = normaliseParams(config);
  return new ModuleEnergy(resolved, factory(Object.freeze({ ...params }), { tf }), params);
}
