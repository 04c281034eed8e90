import type { Flow } from '@neuralrg/bijectors';
import type { EnergyModel } from '@neuralrg/energies';
import { paretoSmoothedLogWeights } from '@neuralrg/tensor';
import type { Rng } from '@neuralrg/tensor';
import { drawFromFlow } from './flow-draws';
import { meanAndStdErr } from './statistics';
import type { Estimate, LnZEstimate } from './weighted-statistics';
import { derivedMean, lnZFromLogWeights, normalisedWeights, selfNormalisedMean } from './weighted-statistics';

/** One observable: reweighted to the target, plain under q, and exact when known. */
export interface ObservableEstimate {
  name: string;
  description?: string;
  /** 'mean' of a per-sample observable, or 'derived' from several means. */
  kind: 'mean' | 'derived';
  /** Self-normalised importance-sampling estimate of <O>_pi. */
  value: number;
  /** Its delta-method standard error. */
  stdErr: number;
  /** The plain average under q, not reweighted (biased by KL(q || pi)). */
  flowValue: number;
  flowStdErr: number;
  /** The exact <O>_pi, where the model knows it. */
  exact?: number;
  /** (value - exact) / stdErr: within +-2 for an honest error bar, mostly. */
  deviation?: number;
}

/** Everything {@link estimatePhysics} measures. */
export interface PhysicsEstimates {
  samples: number;
  /** F_q = E_q[ln q + E] with its standard error: an upper bound on -ln Z. */
  freeEnergy: Estimate;
  /** ln Z by importance sampling, delta-method and bootstrap errors, ESS. */
  lnZ: LnZEstimate;
  /** Exact ln Z of the target, when known. */
  exactLnZ?: number;
  /** KL(q || pi) = F_q + ln Z in nats, with the standard error of F_q, when ln Z is exact. */
  klGap?: Estimate;
  /** The weights behind the reweighted observables: raw, or Pareto-smoothed. */
  weights: ObservableWeights;
  observables: ObservableEstimate[];
}

/** Raw importance weights, or Pareto-smoothed ones (PSIS, see paretoSmoothedLogWeights). */
export type ObservableWeights = 'raw' | 'psis';

/** Settings of {@link estimatePhysics}. */
export interface EstimateOptions {
  /** Number of flow samples. */
  samples: number;
  /** Samples per flow pass. */
  batch: number;
  rng: Rng;
  /** Bootstrap resamples for the ln Z error bar; 200 by default. */
  bootstrapResamples?: number;
  /**
   * Weights of the reweighted observables: 'raw' (default) or 'psis', whose
   * largest weights are smoothed by a fitted Pareto tail, which cuts the
   * variance when the Pareto k is between 0.5 and 0.7. ln Z, the ESS and k
   * always use the raw weights.
   */
  weights?: ObservableWeights;
  /** Called after each batch with the samples drawn so far. */
  onProgress?(done: number, total: number): void;
}

function describe(energy: EnergyModel, name: string): string | undefined {
  const descriptions = energy.observableDescriptions ?? {};
  return descriptions[name] ?? descriptions[name.replace(/\[\d+\]$/, '[r]')];
}

/**
 * Physical estimates from a trained flow q for the target pi = exp(-E)/Z:
 * x ~ q (q_sym for a symmetric flow) in batches; ln w = -E(x) - ln q(x);
 * F_q = mean(-ln w) with its standard error; ln Z = ln mean(w) with
 * delta-method and bootstrap errors; ESS / n; and every observable of the
 * model (per-sample ones and derived ones) by self-normalised importance
 * sampling, with delta-method error bars and the exact value where known.
 *
 * @throws RangeError when samples or batch is not a positive integer.
 */
export function estimatePhysics(flow: Flow, energy: EnergyModel, options: EstimateOptions): PhysicsEstimates {
  const { samples, batch, rng } = options;
  if (!Number.isInteger(samples) || samples < 2) {
    throw new RangeError(`samples must be an integer >= 2, got ${samples}`);
  }
  if (!Number.isInteger(batch) || batch < 1) {
    throw new RangeError(`batch must be a positive integer, got ${batch}`);
  }
  const kind = options.weights ?? 'raw';
  if (kind !== 'raw' && kind !== 'psis') {
    throw new RangeError(`weights must be 'raw' or 'psis', got '${String(kind)}'`);
  }

  const logWeights = new Float64Array(samples);
  const perSample = new Map<string, Float64Array>();
  for (let start = 0; start < samples; start += batch) {
    const rows = Math.min(batch, samples - start);
    const draw = drawFromFlow(flow, energy, rows, rng);
    for (let b = 0; b < rows; b++) logWeights[start + b] = -draw.energy[b] - draw.logQ[b];
    const observed = energy.observables?.(draw.x, rows, rng) ?? {};
    for (const [name, values] of Object.entries(observed)) {
      if (!perSample.has(name)) perSample.set(name, new Float64Array(samples));
      perSample.get(name)!.set(values, start);
    }
    options.onProgress?.(start + rows, samples);
  }

  const bound = meanAndStdErr(logWeights.map((w) => -w));
  const lnZ = lnZFromLogWeights(logWeights, rng, options.bootstrapResamples ?? 200);
  const weights = normalisedWeights(
    kind === 'psis' ? paretoSmoothedLogWeights(logWeights).logWeights : logWeights,
  );
  const uniform = new Float64Array(samples).fill(1 / samples);
  const exact = energy.exactObservables?.() ?? {};

  const observables: ObservableEstimate[] = [];
  const add = (estimate: Omit<ObservableEstimate, 'exact' | 'deviation'>): void => {
    const known = exact[estimate.name];
    const entry: ObservableEstimate = { ...estimate };
    if (known !== undefined && Number.isFinite(known)) {
      entry.exact = known;
      // A constant observable (correlation[0] of spins) has a zero error
      // bar up to rounding: no deviation is reported for it.
      if (estimate.stdErr > 1e-12 * (1 + Math.abs(known))) {
        entry.deviation = (estimate.value - known) / estimate.stdErr;
      }
    }
    observables.push(entry);
  };
  for (const [name, values] of perSample) {
    const reweighted = selfNormalisedMean(values, weights);
    const plain = selfNormalisedMean(values, uniform);
    add({
      name,
      description: describe(energy, name),
      kind: 'mean',
      value: reweighted.value,
      stdErr: reweighted.stdErr,
      flowValue: plain.value,
      flowStdErr: plain.stdErr,
    });
  }
  for (const derived of energy.derivedObservables ?? []) {
    const inputs = derived.inputs.map((name) => perSample.get(name));
    if (inputs.some((values) => values === undefined)) continue;
    const f = (means: readonly number[]) => derived.value(means);
    const reweighted = derivedMean(f, inputs as Float64Array[], weights);
    const plain = derivedMean(f, inputs as Float64Array[], uniform);
    add({
      name: derived.name,
      description: derived.description,
      kind: 'derived',
      value: reweighted.value,
      stdErr: reweighted.stdErr,
      flowValue: plain.value,
      flowStdErr: plain.stdErr,
    });
  }

  const result: PhysicsEstimates = {
    samples,
    freeEnergy: { value: bound.mean, stdErr: bound.stdErr },
    lnZ,
    weights: kind,
    observables,
  };
  if (energy.exactLnZ !== undefined) {
    result.exactLnZ = energy.exactLnZ;
    result.klGap = { value: bound.mean + energy.exactLnZ, stdErr: bound.stdErr };
  }
  return result;
}
