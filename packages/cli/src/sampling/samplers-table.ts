import type { ObservableReport, SamplerSummary } from '@neuralrg/samplers';
import type { SamplersReport } from './samplers-report';

/** Pareto k of flow-Metropolis proposal weights above which the table warns. */
const FLOW_METROPOLIS_PARETO_LIMIT = 0.5;

/**
 * HMC acceptance below which the table warns: the step-size adaptation
 * aims at 0.65, and a run far below it has a step size that did not settle.
 */
const HMC_ACCEPTANCE_FLOOR = 0.2;

/** A warm-up shorter than this, cut by its time budget, is worth a warning even with a unit metric. */
const SHORT_WARMUP = 50;

/** How an HMC sampler was tuned (step sizes, metric), or '' for other samplers. */
function tuning(s: SamplerSummary): string {
  const t = s.settings;
  if (typeof t.stepSizeAdaptation !== 'string' || typeof t.stepSize !== 'number') return '';
  const steps =
    typeof t.stepSizeMin === 'number' && typeof t.stepSizeMax === 'number'
      ? `step sizes per chain ${t.stepSizeMin.toPrecision(2)}-${t.stepSizeMax.toPrecision(2)}`
      : `one step size ${t.stepSize.toPrecision(2)}`;
  const metric =
    t.metric === undefined || t.metric === 'identity'
      ? 'unit metric'
      : `${String(t.metric)} metric` +
        (t.metricReverted === true
          ? ' (warm-up ended too soon after its last estimate: the one before kept)'
          : ` (${String(t.metricUpdates)} estimates)`);
  const global =
    typeof t.globalAcceptance === 'number'
      ? `, global moves accepted ${t.globalAcceptance.toPrecision(2)}`
      : '';
  return `; ${steps}, ${metric}${global}`;
}

/** Warnings about an HMC sampler's warm-up: cut short, or a step size that did not settle. */
function warmupWarnings(s: SamplerSummary): string[] {
  const t = s.settings;
  if (typeof t.stepSizeAdaptation !== 'string') return [];
  const out: string[] = [];
  // Dual averaging settles in a few dozen steps; a metric needs its windows.
  const cut = typeof t.warmupPlanned === 'number' && s.warmupSteps < t.warmupPlanned;
  if (cut && (t.metric !== 'identity' || s.warmupSteps < SHORT_WARMUP)) {
    out.push(
      `warning: ${s.sampler}: the warm-up's time budget ran out after ${s.warmupSteps} of ` +
        `${t.warmupPlanned} steps, so its step sizes${t.metric === 'identity' ? '' : ' and metric'} ` +
        'were adapted on those alone; give more --seconds or a shorter --warmup',
    );
  }
  if (s.acceptance !== null && s.acceptance < HMC_ACCEPTANCE_FLOOR) {
    out.push(
      `warning: ${s.sampler}: acceptance ${s.acceptance.toFixed(3)} is far below the ` +
        `${String(t.targetAcceptance)} its warm-up aims at: the step size did not settle and ` +
        'the chains hardly move; use a longer --warmup',
    );
  }
  return out;
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
      rhats.length > 0 ? Math.max(...rhats).toFixed(3) : '-',
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
      (s) => `  ${s.sampler}: ${s.stepUnit}; ${s.engine}${tuning(s)}; ended: ${s.ended}`,
    ),
    `lattice samplers ran on ${report.latticeEngine.name}: ${report.latticeEngine.reason}`,
    ...report.skipped.map((s) => `skipped ${s.sampler}: ${s.reason}`),
    ...report.samplers.flatMap((s) =>
      s.stopped.map(
        (stop) => `${s.sampler}: chain ${stop.chain} stopped at step ${stop.step}: ${stop.reason}`,
      ),
    ),
    ...report.samplers.flatMap((s) => {
      const k = s.settings.paretoK;
      // Above 0.5 the weights have no finite variance; independence
      // Metropolis is geometrically ergodic only for bounded weights
      // (Mengersen and Tweedie, Ann. Stat. 24, 101, 1996), and its error
      // bars from tau_int lose their footing well before importance
      // sampling's 0.7.
      return typeof k === 'number' && k > FLOW_METROPOLIS_PARETO_LIMIT
        ? [
            `warning: ${s.sampler}: Pareto k of its proposal weights is ${k.toFixed(2)} ` +
              `(> ${FLOW_METROPOLIS_PARETO_LIMIT}): the flow rarely proposes states that carry much of the ` +
              "target's weight, so its means can be off by more than their error bars; train the flow further",
          ]
        : [];
    }),
    ...report.samplers.flatMap(warmupWarnings),
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
