#!/usr/bin/env node
// Profiles one training step of the benchmark recipe kernel by kernel and
// prints where the time goes. Usage:
//   node tools/profile-step.mjs [--L 8] [--backend wasm] [--symmetric on|off]
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const { tf, useBackend } = require('@neuralrg/tensor');
const { createEnergy, ISING_CRITICAL_TEMPERATURE } = require('@neuralrg/energies');
const { Trainer, DEFAULT_FLOW } = require('@neuralrg/trainer');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const L = Number(option('L', '8'));
await useBackend(option('backend', 'wasm'));
const energy = createEnergy('ising', { L, T: ISING_CRITICAL_TEMPERATURE });
const trainer = Trainer.create(
  {
    energy: { name: 'ising', L, T: ISING_CRITICAL_TEMPERATURE },
    flow: { ...DEFAULT_FLOW, couplingLayers: 10, hidden: [10, 10, 10] },
    symmetric: option('symmetric', 'on') === 'on',
    batch: Number(option('batch', '512')),
    epochs: 10,
    learningRate: 1e-3,
    seed: 1,
    evalSamples: 512,
  },
  energy,
);
trainer.trainStep();
const start = performance.now();
const info = await tf.profile(() => {
  trainer.trainStep();
});
const wall = performance.now() - start;
const byKernel = new Map();
for (const k of info.kernels) {
  const entry = byKernel.get(k.name) ?? { calls: 0, ms: 0 };
  entry.calls += 1;
  entry.ms += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
  byKernel.set(k.name, entry);
}
const rows = [...byKernel.entries()]
  .map(([name, e]) => ({ kernel: name, calls: e.calls, ms: Number(e.ms.toFixed(1)) }))
  .sort((a, b) => b.ms - a.ms);
console.table(rows.slice(0, 25));
const kernelMs = rows.reduce((a, r) => a + r.ms, 0);
console.log(`kernels: ${info.kernels.length}, kernel ms ${kernelMs.toFixed(0)}, wall ms ${wall.toFixed(0)} (profiling adds overhead)`);
