// Measures the bias and spread of the KSG estimators on correlated
// Gaussians against the exact I = -(d/2) ln(1 - rho^2), over independent
// replicas. Usage (after building): node bench/bias.mjs [replicas]
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const info = require('../dist/index.js');
const { SplitMix32 } = require('../dist/random.js');

const replicas = Number(process.argv[2] ?? 20);

/** n draws of (X, Y) in d dimensions, corr(X_c, Y_c) = rho, independent over c. */
function pairs(n, d, rho, rng) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const xr = [];
    const yr = [];
    for (let c = 0; c < d; c++) {
      const a = rng.normal();
      xr.push(a);
      yr.push(rho * a + Math.sqrt(1 - rho * rho) * rng.normal());
    }
    x.push(xr);
    y.push(yr);
  }
  return [x, y];
}

console.log('d  n     rho   exact   alg  mean-exact  std');
for (const d of [1, 2]) {
  for (const n of [100, 1000, 4000]) {
    for (const rho of [0, 0.5, 0.9, 0.99]) {
      const exact = -0.5 * d * Math.log(1 - rho * rho);
      for (const algorithm of [1, 2]) {
        const rng = new SplitMix32(1000 * n + 10 * d + algorithm);
        const values = [];
        for (let r = 0; r < replicas; r++) {
          const [x, y] = pairs(n, d, rho, rng);
          values.push(info.ksgMutualInformation(x, y, { algorithm }));
        }
        const mean = values.reduce((a, b) => a + b, 0) / replicas;
        const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (replicas - 1));
        console.log(
          `${d}  ${String(n).padEnd(5)} ${rho.toFixed(2)}  ${exact.toFixed(3)}   ${algorithm}    ` +
            `${(mean - exact).toFixed(4).padStart(7)}     ${std.toFixed(4)}`,
        );
      }
    }
  }
}
