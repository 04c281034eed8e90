import type { ObservableReport, SamplerSummary } from '@neuralrg/samplers';
import type { SamplersReport } from './samplers-report';

/** Pareto k of flow-Metropolis proposal weights above which the table warns. */
const FLOW_METROPOLIS_PARETO_LIMIT = 0.5;

/**
 * HMC acceptance below which the table warns: the step-size adaptation
 * aims at 0.65, and a run far below it has a step size that did not settle.
 */
const HMC_ACCEPTANCE_FLOOR = 0.2;

/**
 * Split R-hat above which the table warns that the chains have not mixed
 * (A. Vehtari et al., Bayesian Anal. 16, 667 (2021) ask for 1.01 before
 * trusting a result; 1.05 flags the runs that are clearly short).
 */
const RHAT_LIMIT = 1.05;

/** Sampling steps per chain below which the table warns that a run is too short to judge. */
const FEW_STEPS = 50;

/** A warm-up shorter than this, cut by its time budget, is worth a warning even with a unit metric. */
const SHORT_WARMUP = 50;

/** How an HMC sampler was tuned (step sizes, metric), or '' for other samplers. */
function tuning(s: SamplerSummary): string {
  const t = s.settings;
  if (typeof t.stepSizeAdaptation !== 'string' || typeof t.stepSize !== 'number') return '';
  const steps =
    t.stepSizeKept === true
      ? `step size ${t.stepSize.toPrecision(2)} as given (warm-up too short to adapt it)`
      : typeof t.stepSizeMin === 'number' && typeof t.stepSizeMax === 'number'
        ? `step sizes per chain ${t.stepSizeMin.toPrecision(2)}-${t.stepSizeMax.toPrecision(2)}`
        : `one step size ${t.stepSize.toPrecision(2)}`;
  const asked = String(t.metric ?? 'identity');
  const used = String(t.metricInUse ?? asked);
  const name = (kind: string) => (kind === 'identity' ? 'unit' : kind);
  const estimates = Number(t.metricUpdates ?? 0);
  let metric = `${name(used)} metric`;
  if (asked !== 'identity') {
    const why =
      t.metricReverted === true
        ? '; the warm-up ended too soon after its last estimate, so the one before was kept'
        : estimates === 0
          ? '; the warm-up ended before its first window'
          : used !== asked
            ? '; too few samples for a dense estimate, so its diagonal'
            : '';
    metric += ` (${asked} asked, ${estimates} estimate${estimates === 1 ? '' : 's'}${why})`;
  }
  const global =
    typeof t.globalAcceptance === 'number'
      ? `, global moves accepted ${t.globalAcceptance.toPrecision(2)}`
      : '';
  // The step unit already names the reduction; this gives what the retries did and cost.
  const retries =
    typeof t.retryAcceptance === 'number'
      ? `, ${t.retryAcceptance.toPrecision(2)} of retries accepted at ` +
        `${Number(t.meanRetryLeapfrogSteps ?? 0).toPrecision(2)} extra batched leapfrog steps per trajectory`
      : '';
  return `; ${steps}, ${metric}${global}${retries}`;
}

/** Warnings about an HMC sampler: a warm-up cut short, a step size that did not settle, a stuck chain. */
function hmcWarnings(s: SamplerSummary, label: string): string[] {
  const t = s.settings;
  if (typeof t.stepSizeAdaptation !== 'string') return [];
  const out: string[] = [];
  // Dual averaging settles in a few dozen steps; a metric needs its windows.
  const cut = typeof t.warmupPlanned === 'number' && s.warmupSteps < t.warmupPlanned;
  if (cut && s.ended === 'interrupted' && s.steps === 0) {
    out.push(
      `warning: ${label}: interrupted in warm-up after ${s.warmupSteps} of ${t.warmupPlanned} ` +
        'steps: its step sizes are not final',
    );
  } else if (cut && (t.metric !== 'identity' || s.warmupSteps < SHORT_WARMUP)) {
    const adapted =
      t.stepSizeKept === true
        ? 'so its step size stayed as given'
        : 'so its step sizes were adapted on those alone';
    const metric =
      t.metric === 'identity'
        ? ''
        : Number(t.metricUpdates ?? 0) === 0
          ? `, and its ${String(t.metric)} metric was never estimated`
          : ', and so was its metric';
    out.push(
      `warning: ${label}: the warm-up's time budget ran out after ${s.warmupSteps} of ` +
        `${t.warmupPlanned} steps, ${adapted}${metric}; give more --seconds or a shorter --warmup`,
    );
  }
  if (s.acceptance !== null && s.acceptance < HMC_ACCEPTANCE_FLOOR) {
    out.push(
      `warning: ${label}: acceptance ${s.acceptance.toFixed(3)} is below ${HMC_ACCEPTANCE_FLOOR}: ` +
        'the step size is too large for this target and the chains move little; give a longer ' +
        'warm-up (--warmup, --seconds) or a smaller --step-size',
    );
    return out;
  }
  const stuck = s.acceptancePerChain
    .map((a, chain) => ({ a, chain }))
    .filter((c): c is { a: number; chain: number } => c.a !== null && c.a < HMC_ACCEPTANCE_FLOOR);
  if (stuck.length > 0) {
    const list = stuck.map((c) => `${c.chain} (${c.a.toFixed(2)})`).join(', ');
    out.push(
      `warning: ${label}: chain${stuck.length === 1 ? '' : 's'} ${list} accepted under ` +
        `${HMC_ACCEPTANCE_FLOOR} of ${stuck.length === 1 ? 'its' : 'their'} trajectories: ` +
        'caught where the target is stiffer than the step size allows, ' +
        `${stuck.length === 1 ? 'it moves' : 'they move'} little; ` +
        (typeof s.settings.delayedRejection === 'number'
          ? 'a longer run, or a larger --delayed-rejection, helps'
          : '--delayed-rejection 4 (a second try with shorter steps after a rejection) helps'),
    );
  }
  return out;
}

/** A warning when R-hat shows that the chains have not mixed, or there are too few steps to tell. */
function rhatWarning(s: SamplerSummary, label: string): string[] {
  if (s.steps < FEW_STEPS) {
    return [
      `warning: ${label}: only ${s.steps} sampling step${s.steps === 1 ? '' : 's'} per chain: ` +
        'too few to tell whether its chains have forgotten their start; run longer',
    ];
  }
  const rhats = Object.values(s.observables)
    .map((o) => o?.rhat)
    .filter((r): r is number => typeof r === 'number');
  if (rhats.length === 0) return [];
  const worst = Math.max(...rhats);
  return worst > RHAT_LIMIT
    ? [
        `warning: ${label}: R-hat ${rhatText(worst)} > ${RHAT_LIMIT}: its chains disagree, ` +
          'so they have not mixed and its error bars are too small; run longer',
      ]
    : [];
}

/** R-hat to 3 decimals; chains that never moved give huge values, shown as > 100. */
function rhatText(rhat: number): string {
  return rhat > 100 ? '> 100' : rhat.toFixed(3);
}

/** A value with its error to 4 decimals and, when an exact value is known, its z-score. */
function estimate(report: ObservableReport | null): string {
  if (report === null) return '-';
  const base = `${report.mean.toFixed(4)}±${report.stdErr.toFixed(4)}`;
  return report.zScore === null
    ? base
    : `${base} (z ${report.zScore >= 0 ? '+' : ''}${report.zScore.toFixed(1)})`;
}

/** tau_int with its error, and '!' when the Madras-Sokal window was not reached. */
function tau(report: ObservableReport | null): string {
  if (report === null) return '-';
  const mark = report.windowFound ? '' : '!';
  return `${report.tauInt.toFixed(2)}±${report.tauIntStdErr.toFixed(2)}${mark}`;
}

function perSecond(report: ObservableReport | null): string {
  return report?.essPerSecond == null ? '-' : report.essPerSecond.toPrecision(3);
}

/** Pads every column to its widest cell. */
function layout(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * The comparison as a terminal table: per sampler, steps per chain,
 * acceptance, energy and |m| per site with error bars and z-scores
 * against the exact values, tau_int in the sampler's own steps, ESS per
 * second, the largest R-hat and the live chains; then the exact values,
 * the units of a step and the notes.
 */
export function samplersTable(report: SamplersReport): string {
  const header = [
    'sampler',
    'steps',
    'accept',
    'E/N',
    'tau(E)',
    'ESS/s(E)',
    '|m|',
    'tau(|m|)',
    'ESS/s(|m|)',
    'R-hat',
    'chains',
  ];
  const rows = [header];
  const numbered = (report.sources ?? []).length > 0;
  // In a table of several runs, notes name the row too.
  const label = (s: SamplerSummary, i: number) => (numbered ? `#${i + 1} ${s.sampler}` : s.sampler);
  if (numbered) header.unshift('#');
  for (const s of report.samplers) {
    const energy = s.observables.energy ?? null;
    const magnetization = s.observables.absMagnetization ?? null;
    const rhats = [energy?.rhat, magnetization?.rhat].filter(
      (r): r is number => typeof r === 'number',
    );
    rows.push([
      ...(numbered ? [String(rows.length)] : []),
      s.sampler,
      String(s.steps),
      s.acceptance === null ? '-' : s.acceptance.toFixed(3),
      estimate(energy),
      tau(energy),
      perSecond(energy),
      estimate(magnetization),
      tau(magnetization),
      perSecond(magnetization),
      rhats.length > 0 ? rhatText(Math.max(...rhats)) : '-',
      `${s.liveChains}/${s.chains}`,
    ]);
  }
  const { L, T } = report.target;
  const lines = [
    `Ising L = ${L}, T = ${T}` +
      (report.flow === null ? '' : `, flow ${report.flow.dir} (step ${report.flow.step})`),
    layout(rows),
    '',
    `exact E/N = ${report.exact.values.energy.toFixed(6)}` +
      (report.exact.values.absMagnetization === undefined
        ? ' (no exact |m| at this L)'
        : `, |m| = ${report.exact.values.absMagnetization.toFixed(6)}`),
    'tau_int is in steps of each sampler:',
    ...report.samplers.map(
      (s, i) => `  ${label(s, i)}: ${s.stepUnit}; ${s.engine}${tuning(s)}; ended: ${s.ended}`,
    ),
    `lattice samplers ran on ${report.latticeEngine.name}: ${report.latticeEngine.reason}`,
    ...report.skipped.map((s) => `skipped ${s.sampler}: ${s.reason}`),
    ...report.samplers.flatMap((s, i) =>
      s.stopped.map(
        (stop) => `${label(s, i)}: chain ${stop.chain} stopped at step ${stop.step}: ${stop.reason}`,
      ),
    ),
    ...report.samplers.flatMap((s, i) => {
      const k = s.settings.paretoK;
      // Above 0.5 the weights have no finite variance; independence
      // Metropolis is geometrically ergodic only for bounded weights
      // (Mengersen and Tweedie, Ann. Stat. 24, 101, 1996), and its error
      // bars from tau_int lose their footing well before importance
      // sampling's 0.7.
      return typeof k === 'number' && k > FLOW_METROPOLIS_PARETO_LIMIT
        ? [
            `warning: ${label(s, i)}: Pareto k of its proposal weights is ${k.toFixed(2)} ` +
              `(> ${FLOW_METROPOLIS_PARETO_LIMIT}): the flow rarely proposes states that carry much of the ` +
              "target's weight, so its means can be off by more than their error bars; train the flow further",
          ]
        : [];
    }),
    ...report.samplers.flatMap((s, i) => [
      ...hmcWarnings(s, label(s, i)),
      ...rhatWarning(s, label(s, i)),
    ]),
    ...(report.samplers.some((s) => windowMissed(s.observables))
      ? ["'!' marks a tau_int whose window was not reached: a lower bound; run longer."]
      : []),
    ...(report.sources ?? []).map((source, i) => {
      const { seed, sweeps, seconds } = source.settings;
      const rows = `row${source.samplers.length > 1 ? 's' : ''} ${rowNumbers(report, i)}`;
      return (
        `from ${source.file}: ${source.samplers.join(', ')} ` +
        `(seed ${seed}, at most ${sweeps} steps or ${seconds} s; ${rows})`
      );
    }),
  ];
  return `${lines.join('\n')}\n`;
}

/** Whether any observable's tau_int window was not reached (marked '!'). */
function windowMissed(observables: SamplerSummary['observables']): boolean {
  return Object.values(observables).some((o) => o !== null && o !== undefined && !o.windowFound);
}

/** The table rows (1-based) that came from the i-th --from source. */
function rowNumbers(report: SamplersReport, i: number): string {
  const sources = report.sources ?? [];
  const first = sources.slice(0, i).reduce((n, source) => n + source.samplers.length, 1);
  const count = sources[i].samplers.length;
  return count === 1 ? String(first) : `${first}-${first + count - 1}`;
}
