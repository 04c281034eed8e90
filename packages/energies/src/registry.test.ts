import { tf } from '@neuralrg/tensor';
import { IsingDual } from './ising-dual';
import { createEnergy, energyNames, registerEnergy } from './registry';

describe('energy registry', () => {
  test("has 'ising' built in and builds it from its config", () => {
    expect(energyNames()).toContain('ising');
    const model = createEnergy('ising', { L: 4, T: 2.5 });
    expect(model).toBeInstanceOf(IsingDual);
    const rebuilt = createEnergy(model.name, model.config);
    expect(rebuilt.exactLnZ).toBe(model.exactLnZ);
  });

  test('accepts numeric strings, as a command line gives them', () => {
    const model = createEnergy('ising', { L: '8', T: '2.269185314213022' });
    expect(model.config).toEqual({ L: 8, T: 2.269185314213022 });
  });

  test('rejects unknown names, listing the known ones', () => {
    expect(() => createEnergy('potts', {})).toThrow(RangeError);
    expect(() => createEnergy('potts', {})).toThrow(
      /unknown energy model 'potts'; known models: .*ising/,
    );
  });

  test('rejects bad ising parameters', () => {
    expect(() => createEnergy('ising', { L: 4 })).toThrow(
      'ising parameter T is missing; it must be a number',
    );
    expect(() => createEnergy('ising', { L: 4, T: 'hot' })).toThrow(TypeError);
    expect(() => createEnergy('ising', { L: 4, T: 2, J: 1 })).toThrow(
      "ising has no parameter 'J'; expected L, T",
    );
    expect(() => createEnergy('ising', { L: 5, T: 2 })).toThrow('got 5');
    // Numbers written as text are decimal only, as on a command line.
    expect(createEnergy('ising', { L: '4', T: ' 2.5e0 ' }).config).toEqual({ L: 4, T: 2.5 });
    expect(() => createEnergy('ising', { L: '0x4', T: 2 })).toThrow("ising parameter L must be a number, got '0x4'");
    expect(() => createEnergy('gff', { L: 4, d: 2, m2: '0x10' })).toThrow("gff parameter m2 must be a number, got '0x10'");
    expect(() => createEnergy('gff', { L: 4, d: 2, m2: 'Infinity' })).toThrow(/m2 must be a number/);
  });

  test('registers new models and refuses a taken name', () => {
    registerEnergy('test-quadratic', (config) => ({
      name: 'test-quadratic',
      shape: [Number(config.n)],
      size: Number(config.n),
      z2Symmetric: true,
      config,
      energy: (x) => tf.mul(tf.sum(tf.square(x), 1), 0.5) as tf.Tensor1D,
      dispose: () => undefined,
    }));
    expect(energyNames()).toContain('test-quadratic');
    expect(createEnergy('test-quadratic', { n: 3 }).size).toBe(3);
    expect(() => registerEnergy('ising', () => createEnergy('ising', { L: 2, T: 1 }))).toThrow(
      "energy model 'ising' is already registered",
    );
    expect(() => registerEnergy('', () => createEnergy('ising'))).toThrow(TypeError);
  });
});
