import { IsingDual } from '@neuralrg/energies';
import { estimateWithFlow, evaluationBatch } from '@neuralrg/trainer';
import { evaluationRng } from './evaluation-rng';
import { sampleSpinConfigurations } from './flow-spins';
import type { PreparedRun } from './prepared-run';
import { writeGrayPng } from './samples-png';
import { renderSpinGrid } from './spin-grid';
import { RunSummary, buildSummary } from './summary';
import { versions } from './versions';

/** Spin configurations drawn into samples.png, as an 8 x 8 grid. */
export const SAMPLE_TILES = 64;

/**
 * Evaluates a finished run and writes its results: importance-sampling
 * estimates from `evalSamples` flow samples into summary.json, and a grid
 * of decoded spin configurations into samples.png (Ising only). Uses its
 * own generator, see {@link evaluationRng}.
 *
 * @param startedAt - process.hrtime.bigint() when the command started.
 */
export function finishRun(run: PreparedRun, startedAt: bigint): RunSummary {
  const { trainer, energy, folder } = run;
  const config = trainer.config;
  const rng = evaluationRng(config.seed, trainer.step);

  const estimates = estimateWithFlow(trainer.flow, energy, config.evalSamples, evaluationBatch(config.batch), rng);
  if (energy instanceof IsingDual) {
    const spins = sampleSpinConfigurations(trainer.flow, SAMPLE_TILES, rng);
    writeGrayPng(folder.file('samples'), renderSpinGrid(spins, energy.config.L));
  }

  const summary = buildSummary({
    step: trainer.step,
    config,
    energy,
    estimates,
    heldOutNll: trainer.heldOutNll(),
    wallSeconds: Number(process.hrtime.bigint() - startedAt) / 1e9,
    trainSeconds: trainer.trainSeconds,
    backend: run.backend,
    versions: versions(),
  });
  folder.writeJson('summary', summary);
  return summary;
}
