import type { Flow } from '@neuralrg/bijectors';
import { Rng, tf } from '@neuralrg/tensor';
import type { Tensor1D, Tensor2D } from '@neuralrg/tensor';
import type { ObserveFunction } from './dual-observables';
import type { ChainStop, Sampler, SamplerState, SamplerStep } from './sampler';
import { decodeFloat32Array, decodeFloat64Array, encodeArray, checkResumeMatches } from './state-encoding';
import { checkChains, checkConfiguration, checkInteger } from './validate';
import { hostTidy } from './host-tidy';
import { WeightTail } from './weight-tail';

/** Default number of proposals drawn per pass through the flow. */
export const DEFAULT_PROPOSAL_BATCH = 256;

/** Options of {@link FlowMetropolis}. */
export interface FlowMetropolisOptions {
  /** The proposal density q, a trained flow (Z2-symmetrised when flow.symmetric). */
  flow: Flow;
  /** The physical energy E(x) per row; the target is exp(-E(x)). */
  energy: (x: Tensor2D) => Tensor1D;
  chains: number;
  seed?: number;
  /**
   * Starting configurations, chains x dim, with finite E and ln q. Default:
   * each chain starts at its first proposal.
   */
  initial?: Float32Array;
  /** Proposals drawn per flow pass (rounded up to a multiple of chains). */
  proposalBatch?: number;
  /** Observables of a batch of configurations. */
  observe: ObserveFunction;
  observableNames: readonly string[];
  resume?: SamplerState;
}

/** A block of proposals on the host: configurations, ln q and E, with a read position. */
interface ProposalBuffer {
  x: Float32Array;
  logQ: Float64Array;
  energy: Float64Array;
  next: number;
}

/**
 * Independence Metropolis with a normalizing flow as the proposal (the
 * "neural MCMC" of the flow literature, e.g. K. A. Nicoli et al., PRE 101,
 * 023304 (2020)): each step proposes x' ~ q independently of the current
 * x and accepts with probability
 *   min(1, exp(-E(x') + E(x)) q(x) / q(x')) = min(1, w(x') / w(x)),
 * w = exp(-E - ln q), so the chain samples exp(-E) exactly whatever the
 * flow's bias; acceptance 1 when q is the target. For a symmetric flow the
 * proposal is x ~ q with its sign flipped with probability 1/2, which is
 * a draw from q_sym(x) = [q(x) + q(-x)] / 2, the density ln q refers to.
 * Proposals come in blocks of `proposalBatch` rows per flow pass.
 *
 * A proposal whose E or ln q is NaN (or E = -Infinity) stops its chain,
 * reported in `stopped` and left out of every average; E = +Infinity is
 * a rejection.
 */
export class FlowMetropolis implements Sampler {
  readonly kind = 'flow-metropolis' as const;
  readonly chains: number;
  readonly observableNames: readonly string[];
  readonly stepUnit = 'independence proposal from the flow';
  readonly engine = 'tfjs (flow sampling)';
  private readonly flow: Flow;
  private readonly energyOf: (x: Tensor2D) => Tensor1D;
  private readonly observeBatch: ObserveFunction;
  private readonly rng: Rng;
  private readonly blockRows: number;
  private readonly position: Float32Array;
  private readonly logWeight: Float64Array;
  private readonly live: boolean[];
  private readonly stops: ChainStop[];
  private buffer: ProposalBuffer | undefined;
  private steps = 0;
  /** The largest importance weights of the proposals, for their Pareto k. */
  private readonly weightTail: WeightTail;

  /**
   * @throws RangeError for zero chains, a bad proposalBatch or seed,
   *   initial configurations of the wrong shape, or a start with a
   *   non-finite E or ln q.
   */
  constructor(options: FlowMetropolisOptions) {
    this.chains = checkChains(options.chains);
    this.flow = options.flow;
    this.energyOf = options.energy;
    this.observeBatch = options.observe;
    this.observableNames = options.observableNames;
    const batch = checkInteger('proposalBatch', options.proposalBatch ?? DEFAULT_PROPOSAL_BATCH, 1);
    this.blockRows = Math.ceil(batch / this.chains) * this.chains;
    const dim = this.flow.dim;

    // Chains that start at their first proposal keep its E and ln q.
    let startWeights: Float64Array | undefined;
    const saved = options.resume;
    if (saved !== undefined) {
      checkResumeMatches(saved, this.kind, this.chains);
      this.rng = new Rng(saved.rng);
      this.steps = saved.step;
      this.stops = [...saved.stopped];
      this.position = decodeFloat32Array('position', saved.data.position, this.chains * dim);
      startWeights = decodeFloat64Array('logWeight', saved.data.logWeight, this.chains);
      this.buffer = restoreBuffer(saved.data.buffer, dim);
      this.weightTail = restoreWeightTail(saved.data.weightTail);
    } else {
      this.weightTail = new WeightTail();
      this.rng = new Rng(checkInteger('seed', options.seed ?? 1, 0));
      this.stops = [];
      if (options.initial !== undefined) {
        checkConfiguration('initial', options.initial, this.chains, dim, 'variables');
        this.position = Float32Array.from(options.initial);
      } else {
        this.position = new Float32Array(this.chains * dim);
        startWeights = new Float64Array(this.chains);
        for (let c = 0; c < this.chains; c++) {
          const proposal = this.nextProposal();
          this.position.set(proposal.x, c * dim);
          startWeights[c] = -proposal.energy - proposal.logQ;
        }
      }
    }
    this.live = Array.from(
      { length: this.chains },
      (_, c) => !this.stops.some((s) => s.chain === c),
    );
    this.logWeight = startWeights ?? this.logWeightsOf(this.position);
    this.logWeight.forEach((value, c) => {
      if (this.live[c] && !Number.isFinite(value)) {
        throw new RangeError(
          `the energy or ln q at the start of chain ${c} is not finite (-E - ln q = ${value}); ` +
            'expected a configuration of positive density under both target and flow',
        );
      }
    });
  }

  get stepsDone(): number {
    return this.steps;
  }

  get stopped(): readonly ChainStop[] {
    return this.stops;
  }

  async step(): Promise<SamplerStep> {
    const dim = this.flow.dim;
    this.steps += 1;
    const acceptance = new Float64Array(this.chains).fill(NaN);
    const stopped: ChainStop[] = [];
    for (let c = 0; c < this.chains; c++) {
      if (!this.live[c]) continue;
      const proposal = this.nextProposal();
      if (
        Number.isNaN(proposal.energy) ||
        proposal.energy === -Infinity ||
        Number.isNaN(proposal.logQ)
      ) {
        const what = Number.isNaN(proposal.logQ)
          ? `ln q ${proposal.logQ}`
          : `energy ${proposal.energy}`;
        stopped.push({ chain: c, step: this.steps, reason: `a proposal has ${what}` });
        this.live[c] = false;
        continue;
      }
      const logWeight = -proposal.energy - proposal.logQ;
      this.weightTail.add(logWeight);
      const logRatio = logWeight - this.logWeight[c];
      const probability = Number.isNaN(logRatio) ? 0 : Math.min(1, Math.exp(logRatio));
      acceptance[c] = probability;
      if (this.rng.uniform() < probability) {
        this.position.set(proposal.x, c * dim);
        this.logWeight[c] = logWeight;
      }
    }
    this.stops.push(...stopped);
    const observables = this.observeBatch(this.position, this.chains, this.rng);
    for (const values of Object.values(observables)) {
      this.live.forEach((alive, c) => {
        if (!alive) values[c] = NaN;
      });
    }
    return { step: this.steps, acceptance, observables, stopped };
  }

  samples(): { values: Float32Array; width: number } {
    return { values: Float32Array.from(this.position), width: this.flow.dim };
  }

  /**
   * Besides the proposal batch: `paretoK`, the Pareto shape of the
   * importance weights w = exp(-E) / q of every proposal so far (the
   * diagnostic of importance sampling). Above 0.5 the weights have no
   * finite variance: the flow rarely proposes states that carry much of
   * the target's weight, the chain holds on to such a state for long
   * stretches when it finds one, and a run may not have found them at all,
   * so its means can be off by more than their error bars.
   */
  settings(): Record<string, number | string | boolean> {
    return { proposalBatch: this.blockRows, symmetricFlow: this.flow.symmetric, paretoK: this.weightTail.shape() };
  }

  saveState(): SamplerState {
    const buffer = this.buffer;
    const tail = this.weightTail.state();
    return {
      kind: this.kind,
      chains: this.chains,
      step: this.steps,
      rng: this.rng.state,
      stopped: [...this.stops],
      data: {
        position: encodeArray(this.position),
        logWeight: encodeArray(this.logWeight),
        weightTail: { top: encodeArray(tail.top), kept: tail.top.length, count: tail.count },
        buffer:
          buffer === undefined
            ? null
            : {
                rows: buffer.logQ.length,
                next: buffer.next,
                x: encodeArray(buffer.x),
                logQ: encodeArray(buffer.logQ),
                energy: encodeArray(buffer.energy),
              },
      },
    };
  }

  dispose(): void {
    this.buffer = undefined;
  }

  /** -E(x) - ln q(x) per row of configurations given on the host. */
  private logWeightsOf(x: Float32Array): Float64Array {
    const rows = x.length / this.flow.dim;
    return hostTidy(() => {
      const batch = tf.tensor2d(x, [rows, this.flow.dim]);
      const logWeight = tf.neg(tf.add(this.energyOf(batch), this.flow.logProb(batch)));
      return Float64Array.from(logWeight.dataSync());
    });
  }

  /** The next proposal, drawing a new block through the flow when the buffer is empty. */
  private nextProposal(): { x: Float32Array; logQ: number; energy: number } {
    const dim = this.flow.dim;
    if (this.buffer === undefined || this.buffer.next >= this.buffer.logQ.length) {
      this.buffer = this.drawBlock();
    }
    const buffer = this.buffer;
    const row = buffer.next++;
    return {
      x: buffer.x.subarray(row * dim, (row + 1) * dim),
      logQ: buffer.logQ[row],
      energy: buffer.energy[row],
    };
  }

  private drawBlock(): ProposalBuffer {
    const rows = this.blockRows;
    const dim = this.flow.dim;
    const { x, logQ } = hostTidy(() => {
      const sample = this.flow.sample(rows, this.rng);
      return {
        x: Float32Array.from(sample.x.dataSync()),
        logQ: Float64Array.from(sample.logQ.dataSync()),
      };
    });
    if (this.flow.symmetric) {
      for (let r = 0; r < rows; r++) {
        if (this.rng.uniform() < 0.5) {
          for (let k = r * dim; k < (r + 1) * dim; k++) x[k] = -x[k];
        }
      }
    }
    const energy = hostTidy(() =>
      Float64Array.from(this.energyOf(tf.tensor2d(x, [rows, dim])).dataSync()),
    );
    return { x, logQ, energy, next: 0 };
  }
}

/** The proposals' weight tail of a saved state (absent in states from before it was kept). */
function restoreWeightTail(saved: unknown): WeightTail {
  if (saved === null || saved === undefined) return new WeightTail();
  const { top, kept, count } = saved as { top: string; kept: number; count: number };
  const values = decodeFloat64Array('weightTail.top', top, checkInteger('weightTail.kept', kept, 0));
  return new WeightTail({ top: values, count: checkInteger('weightTail.count', count, 0) });
}

function restoreBuffer(saved: unknown, dim: number): ProposalBuffer | undefined {
  if (saved === null || saved === undefined) return undefined;
  const b = saved as { rows: number; next: number; x: string; logQ: string; energy: string };
  const rows = checkInteger('buffer.rows', b.rows, 1);
  const x = decodeFloat32Array('buffer.x', b.x, rows * dim);
  const logQ = decodeFloat64Array('buffer.logQ', b.logQ, rows);
  const energy = decodeFloat64Array('buffer.energy', b.energy, rows);
  return { x, logQ, energy, next: checkInteger('buffer.next', b.next, 0) };
}
