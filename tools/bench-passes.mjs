#!/usr/bin/env node
// Times one forward pass and one inverse pass of the MERA hierarchy of the
// published recipe (10 RealNVP couplings per block, MLPs [10, 10, 10]) on
// a batch, without gradients. Usage:
//   node tools/bench-passes.mjs [--L 16] [--batch 512] [--repeats 5] [--backend wasm] [--kernel 2|4]
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const { Rng, tf, useBackend } = require('@neuralrg/tensor');
const { buildHierarchy } = require('@neuralrg/bijectors');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const L = Number(option('L', '16'));
const batch = Number(option('batch', '512'));
const repeats = Number(option('repeats', '5'));
await useBackend(option('backend', 'wasm'));

const rng = new Rng(1);
const flow = buildHierarchy(
  { L, kernel: Number(option('kernel', '2')), layout: 'mera', couplingLayers: 10, hidden: [10, 10, 10], activation: 'elu', scaleBound: 2 },
  rng,
);
const z = tf.tensor2d(rng.fillNormal(new Float32Array(batch * L * L)), [batch, L * L]);
const time = (pass) => {
  const start = performance.now();
  tf.tidy(() => {
    pass().y.dataSync();
  });
  return (performance.now() - start) / 1000;
};
time(() => flow.forward(z));
const forward = [];
const inverse = [];
for (let i = 0; i < repeats; i++) {
  forward.push(time(() => flow.forward(z)));
  inverse.push(time(() => flow.inverse(z)));
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(JSON.stringify({ L, batch, forwardSeconds: median(forward), inverseSeconds: median(inverse) }));
