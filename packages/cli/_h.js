const { tf, useBackend } = require('@neuralrg/tensor');
const { IsingDual } = require('@neuralrg/energies');
const { parseNpy } = require('@neuralrg/trainer');
const fs = require('fs');
(async () => { await useBackend('wasm');
  const L = Number(process.argv[2]);
  const d = parseNpy(fs.readFileSync(process.argv[3]), 'x');
  const e = new IsingDual({ L, T: 2 / Math.log(1 + Math.SQRT2) });
  const n = d.shape[0], N = L * L;
  let s = 0, s2 = 0;
  for (let i = 0; i < n; i += 4096) {
    const m = Math.min(4096, n - i);
    const x = tf.tensor2d(Float32Array.from(d.values.subarray(i * N, (i + m) * N)), [m, N]);
    const v = e.energy(x).dataSync();
    for (const u of v) { s += u; s2 += u * u; }
    x.dispose();
  }
  const mean = s / n, sd = Math.sqrt(s2 / n - mean * mean);
  console.log('mean E_dual', mean, '+-', sd / Math.sqrt(n));
})();
