#!/usr/bin/env node
// Times training steps of the NeuralRG recipe (2D Ising at T_c, batch 512,
// MERA hierarchy with 10 RealNVP couplings per block, MLPs with hidden
// layers [10, 10, 10]) and reports the median seconds per step and the
// peak resident memory of the process (all threads). Usage:
//   node tools/bench-step.mjs [--L 8,16] [--steps 5] [--backend wasm]
//                             [--symmetric both|on|off] [--batch 512]
//                             [--threads 1,2]
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const { useBackend } = require('@neuralrg/tensor');
const { createEnergy, ISING_CRITICAL_TEMPERATURE } = require('@neuralrg/energies');
const { Trainer, DEFAULT_FLOW } = require('@neuralrg/trainer');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const sizes = option('L', '8,16').split(',').map(Number);
const steps = Number(option('steps', '5'));
const batch = Number(option('batch', '512'));
const backend = option('backend', 'wasm');
const symmetricChoice = option('symmetric', 'both');
const symmetries = symmetricChoice === 'both' ? [true, false] : [symmetricChoice === 'on'];
const threadCounts = option('threads', '1').split(',').map(Number);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

await useBackend(backend);
const rows = [];
for (const L of sizes) {
  for (const symmetric of symmetries) for (const threads of threadCounts) {
    const energy = createEnergy('ising', { L, T: ISING_CRITICAL_TEMPERATURE });
    const trainer = Trainer.create(
      {
        energy: { name: 'ising', L, T: ISING_CRITICAL_TEMPERATURE },
        flow: { ...DEFAULT_FLOW, couplingLayers: 10, hidden: [10, 10, 10] },
        symmetric,
        batch,
        epochs: steps + 1,
        learningRate: 1e-3,
        seed: 1,
        evalSamples: batch,
      },
      energy,
    );
    await trainer.startWorkers(threads);
    peakRss = process.memoryUsage().rss;
    await trainer.trainStepAsync(); // warm-up: kernel compilation and first allocations
    const times = [];
    for (let i = 0; i < steps; i++) times.push((await trainer.trainStepAsync()).seconds);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    rows.push({
      L,
      symmetric,
      backend,
      threads,
      batch,
      secondsPerStep: Number(median(times).toFixed(3)),
      peakRssMB: Math.round(peakRss / 2 ** 20),
    });
    await trainer.stopWorkers();
    trainer.dispose();
    energy.dispose();
  }
}
clearInterval(sampler);
console.table(rows);
console.log(JSON.stringify(rows));
