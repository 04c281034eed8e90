import type { IsingDual } from '@neuralrg/energies';
import {
  FLOW_SAMPLERS,
  SAMPLER_KINDS,
  createIsingSampler,
  selectLatticeEngine,
} from '@neuralrg/samplers';
import type { LatticeEngine, Sampler, SamplerKind, SamplerState } from '@neuralrg/samplers';
import { currentDevice } from '@neuralrg/tensor';
import { RunError, UsageError, oneLine } from '../errors';
import type { FlowRun } from './flow-run';
import { chainsFor } from './sampling-flags';
import type { SamplingSettings } from './sampling-flags';
import type { SamplingTarget } from './sampling-target';

/** The samplers of `--samplers a,b,c`, checked. */
export function samplerListFlag(text: string): SamplerKind[] {
  const names = text.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(SAMPLER_KINDS as readonly string[]).includes(name)) {
      throw new UsageError(
        `--samplers must be a comma-separated list of ${SAMPLER_KINDS.join(', ')}, ` +
          `got '${name}' in '${text}'`,
      );
    }
  }
  return [...new Set(names)] as SamplerKind[];
}

/** Whether a sampler needs a trained flow. */
export function needsFlow(kind: SamplerKind): boolean {
  return FLOW_SAMPLERS.includes(kind);
}

/**
 * The lattice engine for the device the backend chose.
 *
 * @throws RunError when gpu.js was asked for and cannot run.
 */
export function latticeEngine(settings: SamplingSettings): LatticeEngine {
  try {
    return selectLatticeEngine(settings.engine, currentDevice().kernelMode);
  } catch (error) {
    throw new RunError(oneLine(error));
  }
}

/**
 * Builds one sampler on the Ising target from the command's settings.
 *
 * @throws UsageError for a flow sampler without --flow; RunError when the
 *   sampler refuses its start (e.g. a non-finite energy).
 */
export function buildSampler(
  kind: SamplerKind,
  target: SamplingTarget,
  settings: SamplingSettings,
  parts: { dual: IsingDual; flowRun?: FlowRun; engine: LatticeEngine; resume?: SamplerState },
): Sampler {
  if (needsFlow(kind) && parts.flowRun === undefined) {
    throw new UsageError(
      `sampler '${kind}' needs a trained flow: give --flow <run folder of 'neuralrg train'>`,
    );
  }
  try {
    return createIsingSampler(kind, {
      L: target.L,
      T: target.T,
      chains: chainsFor(kind, settings),
      seed: settings.seed,
      dual: parts.dual,
      flow: parts.flowRun?.flow,
      engine: parts.engine,
      stepSize: settings.stepSize,
      stepSizeAdaptation: settings.stepSizeAdaptation,
      metric: settings.metric,
      warmupSteps: settings.warmup,
      globalEvery: settings.globalEvery,
      delayedRejection: settings.delayedRejection,
      leapfrogSteps: settings.leapfrog,
      proposalBatch: settings.proposalBatch,
      resume: parts.resume,
    });
  } catch (error) {
    throw new RunError(`cannot start sampler '${kind}': ${oneLine(error)}`);
  }
}
