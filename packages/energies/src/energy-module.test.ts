import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { tf, useBackend } from '@neuralrg/tensor';
import { ModuleEnergy } from './energy-module';
import { createEnergy } from './registry';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neuralrg-energy-module-'));

function writeModule(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

// A CommonJS module: E(x) = |x|^2 / (2 s^2) on R^n, ln Z = (n/2) ln(2 pi s^2).
const gaussian = writeModule(
  'gaussian.js',
  `exports.createEnergy = (params, { tf }) => {
  const n = params.n ?? 3;
  const s = params.scale ?? 1;
  if (!(s > 0)) throw new RangeError('gaussian scale must be positive, got ' + s);
  return {
    name: 'gaussian',
    shape: [n],
    z2Symmetric: true,
    exactLnZ: (n / 2) * Math.log(2 * Math.PI * s * s),
    energy: (x) => tf.tidy(() => tf.div(tf.sum(tf.square(x), 1), 2 * s * s)),
    exactObservables: () => ({ radius2: n * s * s }),
  };
};
`,
);

beforeAll(async () => {
  await useBackend('cpu');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('user energy modules', () => {
  test('a CommonJS factory becomes an EnergyModel, numeric strings as numbers', () => {
    const model = createEnergy('module', { module: gaussian, n: '4', scale: '2' });
    expect(model).toBeInstanceOf(ModuleEnergy);
    expect(model.shape).toEqual([4]);
    expect(model.size).toBe(4);
    expect(model.z2Symmetric).toBe(true);
    expect(model.exactLnZ).toBeCloseTo(2 * Math.log(8 * Math.PI), 12);
    expect(model.config).toEqual({ module: gaussian, n: 4, scale: 2 });
    const values = tf.tidy(() => model.energy(tf.tensor2d([[1, 1, 1, 1], [2, 0, 0, 0]])).arraySync());
    expect(values).toEqual([0.5, 0.5]);
    expect(model.exactObservables?.()).toEqual({ radius2: 16 });
    // Its own config rebuilds it.
    expect(createEnergy(model.name, model.config).exactLnZ).toBe(model.exactLnZ);
  });

  test('an ES module (.mjs, or ESM syntax in a .js of a "type": "module" package) loads too', () => {
    const source = `import { gaussianLnZ } from './helper.mjs';
export function createEnergy(params, { tf }) {
  const n = params.n ?? 2;
  return { shape: [n], exactLnZ: gaussianLnZ(n), energy: (x) => tf.tidy(() => tf.div(tf.sum(tf.square(x), 1), 2)) };
}
`;
    writeModule('helper.mjs', 'export const gaussianLnZ = (n) => (n / 2) * Math.log(2 * Math.PI);\n');
    const esm = writeModule('esm.mjs', source);
    const model = createEnergy('module', { module: esm, n: 3 });
    expect(model.shape).toEqual([3]);
    expect(model.exactLnZ).toBeCloseTo(1.5 * Math.log(2 * Math.PI), 12);
    expect(tf.tidy(() => model.energy(tf.tensor2d([[1, 2, 2]])).arraySync())).toEqual([4.5]);

    const pkg = path.join(dir, 'esm-package');
    fs.mkdirSync(pkg);
    fs.writeFileSync(path.join(pkg, 'package.json'), '{ "type": "module" }\n');
    fs.writeFileSync(path.join(pkg, 'energy.js'), 'export default () => ({ shape: [2], energy: (x) => x.sum(1) });\n');
    expect(createEnergy('module', { module: path.join(pkg, 'energy.js') }).shape).toEqual([2]);
  });

  test('relative paths are stored absolute', () => {
    const relative = path.relative(process.cwd(), gaussian);
    expect(createEnergy('module', { module: relative }).config.module).toBe(gaussian);
  });

  test('a TypeScript module is transpiled', () => {
    const file = writeModule(
      'quartic.ts',
      `import type { Tensor2D } from '@neuralrg/tensor';
export default function create(params: Record<string, number>, ctx: { tf: any }) {
  const { tf } = ctx;
  return { shape: [2, 2] as number[], energy: (x: Tensor2D) => tf.sum(tf.pow(x, 4), 1) };
}
`,
    );
    const model = createEnergy('module', { module: file });
    expect(model.shape).toEqual([2, 2]);
    expect(model.z2Symmetric).toBe(false);
    expect(tf.tidy(() => model.energy(tf.ones([1, 4])).arraySync())).toEqual([4]);
  });

  test('parameter errors of the user factory reach the caller', () => {
    expect(() => createEnergy('module', { module: gaussian, scale: -1 })).toThrow(
      'gaussian scale must be positive, got -1',
    );
  });

  test('rejects missing files, ES modules, modules without a factory and bad definitions', () => {
    expect(() => createEnergy('module', {})).toThrow(
      "energy 'module' needs the parameter module, the path of a JS/TS module, got undefined",
    );
    expect(() => createEnergy('module', { module: path.join(dir, 'absent.js') })).toThrow(
      /energy module .*absent\.js does not exist/,
    );
    const awaiting = writeModule('awaits.mjs', 'const n = await Promise.resolve(2);\nexport default () => ({ shape: [n], energy: (x) => x });\n');
    expect(() => createEnergy('module', { module: awaiting })).toThrow(/awaits\.mjs failed to load.*top-level await/);
    const empty = writeModule('empty.js', 'exports.answer = 42;\n');
    expect(() => createEnergy('module', { module: empty })).toThrow(/must export a factory function/);
    const badShape = writeModule('bad-shape.js', 'module.exports = () => ({ shape: [0], energy: () => null });\n');
    expect(() => createEnergy('module', { module: badShape })).toThrow(
      /shape must be a non-empty array of positive integers, got \[0\]/,
    );
    const broken = writeModule('broken.js', 'throw new Error("boom");\n');
    expect(() => createEnergy('module', { module: broken })).toThrow(/failed to load: boom/);
  });

  test('checks the batch and the shape of what energy returns', () => {
    const wrong = writeModule(
      'wrong-output.js',
      'module.exports = (p, { tf }) => ({ shape: [2], energy: (x) => tf.sum(x, 1, true) });\n',
    );
    const model = createEnergy('module', { module: wrong });
    tf.tidy(() => {
      expect(() => model.energy(tf.zeros([3, 2]) as tf.Tensor2D)).toThrow(
        /energy\(x\) must return a tensor of shape \[3\], got a tensor of shape \[3, 1\]/,
      );
      expect(() => model.energy(tf.zeros([3, 5]) as tf.Tensor2D)).toThrow(
        'energy input x must have shape [B, 2] (shape [2] of wrong-output.js), got [3, 5]',
      );
    });
  });
});
