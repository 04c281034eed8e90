import { formatDuration } from '../format';
import type { Analysis, MeanStd } from './analysis-schema';

/** The one-line JSON summary of `neuralrg analyze --json`. */
export interface AnalysisSummary {
  out: string;
  samples: number;
  k: number;
  essFraction: number;
  totalMutualInformation: { physical: number; latent: number };
  /** Mean mutual information of the nearest-neighbour pairs (the smallest distance). */
  nearestNeighbour: { distance: number; physical: number; latent: number };
  cosineToHaarByLevel: { level: number; meanAbsoluteCosine: number }[];
  seconds: number;
}

export function analysisSummary(analysis: Analysis, out: string): AnalysisSummary {
  const nearest = analysis.mutualInformation.byDistance[0];
  return {
    out,
    samples: analysis.sampling.samples,
    k: analysis.estimator.k,
    essFraction: analysis.sampling.essFraction,
    totalMutualInformation: analysis.mutualInformation.total,
    nearestNeighbour: {
      distance: nearest?.distance ?? 0,
      physical: nearest?.physical?.mean ?? 0,
      latent: nearest?.latent?.mean ?? 0,
    },
    cosineToHaarByLevel: analysis.jacobian.cosineToHaarByLevel.map((c) => ({
      level: c.level,
      meanAbsoluteCosine: c.meanAbsoluteCosine,
    })),
    seconds: analysis.timings.totalSeconds,
  };
}

/** One line of the table: a label, two numbers and a count, in fixed columns. */
function row(label: string, first: string, second: string, count: string): string {
  return `${label.padEnd(36)}${first.padStart(10)}${second.padStart(11)}${count.padStart(9)}`;
}

function meanOf(value: MeanStd | null): string {
  return value === null ? '-' : value.mean.toFixed(4);
}

/** The readable report of `neuralrg analyze` on stdout. */
export function analysisTable(analysis: Analysis, out: string): string {
  const { sampling, estimator } = analysis;
  const mi = analysis.mutualInformation;
  const lines = [
    `analysis of ${analysis.run.folder} (step ${analysis.run.step}), written to ${out}`,
    `${sampling.samples} draws of ${sampling.density}, ESS/n = ${sampling.essFraction.toFixed(3)}; ` +
      `KSG algorithm ${estimator.algorithm}, k = ${estimator.k}, in nats`,
    '',
    row(`mutual information by ${mi.groupedBy} distance`, 'physical', 'latent', 'pairs'),
  ];
  for (const g of mi.byDistance) {
    lines.push(row(`  ${g.distance.toFixed(3)}`, meanOf(g.physical), meanOf(g.latent), String(g.pairs)));
  }
  lines.push(
    row('  sum over all pairs', mi.total.physical.toFixed(3), mi.total.latent.toFixed(3), ''),
    '',
    row('pairs within one RG level', 'physical', 'latent', 'pairs'),
  );
  for (const g of mi.byLevel) {
    lines.push(row(`  level ${g.level}`, meanOf(g.physical), meanOf(g.latent), String(g.pairs)));
  }
  lines.push('', row(`Jacobian dz/dx (${analysis.jacobian.samples} draws) vs Haar`, '', '|cosine|', 'latents'));
  for (const c of analysis.jacobian.cosineToHaarByLevel) {
    lines.push(row(`  level ${c.level}`, '', c.meanAbsoluteCosine.toFixed(3), String(c.latents)));
  }
  lines.push('', `took ${formatDuration(analysis.timings.totalSeconds)}`);
  return `${lines.join('\n')}\n`;
}
