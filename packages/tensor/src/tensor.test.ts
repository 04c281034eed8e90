import { Rng, currentDevice, decodeFloat32, encodeFloat32, parseBackendName, tf, useBackend } from './index';

describe('Rng', () => {
  test('the same seed repeats, a restored state continues the stream', () => {
    const a = new Rng(5);
    const b = new Rng(5);
    const first = Array.from({ length: 10 }, () => a.nextUint32());
    expect(Array.from({ length: 10 }, () => b.nextUint32())).toEqual(first);
    const copy = new Rng(a.state);
    expect(Array.from({ length: 5 }, () => copy.nextUint32())).toEqual(
      Array.from({ length: 5 }, () => a.nextUint32()),
    );
    expect(new Rng(6).nextUint32()).not.toBe(first[0]);
  });

  test('normal variates have mean 0 and variance 1', () => {
    // n = 200000: the standard error of the mean is 0.0022 and of the
    // variance 0.0032, so 0.01 is about 4.5 and 3 standard errors.
    const values = new Rng(1).fillNormal(new Float32Array(200000));
    let sum = 0;
    let squares = 0;
    let fourth = 0;
    for (const v of values) {
      sum += v;
      squares += v * v;
      fourth += v ** 4;
    }
    const n = values.length;
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.01);
    expect(Math.abs(fourth / n - 3)).toBeLessThan(0.06);
  });

  test('uniform variates stay inside the open interval', () => {
    const values = new Rng(9).fillUniform(new Float32Array(10000), -2, 3);
    expect(Math.min(...values)).toBeGreaterThan(-2);
    expect(Math.max(...values)).toBeLessThan(3);
  });

  test('bad seeds are rejected', () => {
    expect(() => new Rng(-1)).toThrow(/seed must be a non-negative integer, got -1/);
    expect(() => new Rng(1.5)).toThrow(/got 1.5/);
    expect(() => new Rng([0, 0, 0, 0])).toThrow(/not all zero/);
  });
});

describe('backends', () => {
  test('wasm and cpu start and agree on a product', async () => {
    const results: number[][] = [];
    for (const name of ['cpu', 'wasm']) {
      const device = await useBackend(name);
      expect(device.backend).toBe(name);
      expect(tf.getBackend()).toBe(name);
      expect(currentDevice().kernelMode).toBe(name === 'cpu' ? 'cpu' : 'webasm');
      results.push(Array.from(tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5], [6]])).dataSync())));
    }
    expect(results[0]).toEqual([17, 39]);
    expect(results[1]).toEqual(results[0]);
  });

  test('unknown backends are named in the error', () => {
    expect(() => parseBackendName('webgl2')).toThrow(/backend must be one of wasm, cpu, tensorflow, tensorflow-gpu, got 'webgl2'/);
  });

  test('a missing native backend says how to install it', async () => {
    let installed = true;
    try {
      require.resolve('@tensorflow/tfjs-node');
    } catch {
      installed = false;
    }
    if (installed) return; // the message is only reachable without the package
    await expect(useBackend('tensorflow')).rejects.toThrow(/@tensorflow\/tfjs-node.*not installed.*npm install.*pnpm add -w/);
  });
});

test('float32 arrays survive base64 encoding exactly', () => {
  const values = Float32Array.from([0, -1.5, 3.4028234663852886e38, 1e-45, NaN, Math.PI]);
  const back = decodeFloat32(encodeFloat32(values), values.length);
  expect(Array.from(back)).toEqual(Array.from(values));
  expect(() => decodeFloat32(encodeFloat32(values), 5)).toThrow(/expected 5 encoded floats, got 6/);
});
