// Ad-hoc training probe: node tools/train-probe.mjs '<json overrides>'
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const { useBackend } = require('@neuralrg/tensor');
const { createEnergy, ISING_CRITICAL_TEMPERATURE } = require('@neuralrg/energies');
const { Trainer, DEFAULT_FLOW } = require('@neuralrg/trainer');
const o = JSON.parse(process.argv[2] ?? '{}');
await useBackend(o.backend ?? 'wasm');
const L = o.L ?? 8;
const energy = createEnergy('ising', { L, T: ISING_CRITICAL_TEMPERATURE });
const t = Trainer.create({
  energy: { name: 'ising', L, T: ISING_CRITICAL_TEMPERATURE },
  flow: { ...DEFAULT_FLOW, ...(o.flow ?? {}) },
  symmetric: o.symmetric ?? true, batch: o.batch ?? 256, epochs: o.epochs ?? 400,
  learningRate: o.lr ?? 5e-3, schedule: o.schedule ?? "constant", seed: o.seed ?? 1, evalSamples: 4096,
}, energy);
const start = Date.now();
let acc = [];
while (!t.done) {
  const m = t.trainStep(); acc.push(m.klGap);
  if (m.step % 25 === 0) { const avg = acc.reduce((a,b)=>a+b,0)/acc.length; acc=[];
    console.log(`step ${m.step} gap(avg25) ${avg.toFixed(3)} F ${m.freeEnergy.toFixed(3)} t ${((Date.now()-start)/1000).toFixed(0)}s`); }
}
const e = t.estimate(); console.log(JSON.stringify(e), 'exact', energy.exactLnZ);
