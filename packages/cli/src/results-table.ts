import { formatDuration, withError } from './format';
import type { RunSummary } from './summary';

/** The short table of final results that `neuralrg train` prints on stdout. */
export function resultsTable(summary: RunSummary, dir: string): string {
  const short = (value: number | string) =>
    typeof value === 'number' ? Number(value.toPrecision(7)) : value;
  const energy = Object.entries(summary.energy)
    .filter(([key]) => key !== 'name')
    .map(([key, value]) => `${key}=${short(value)}`)
    .join(' ');
  const rows: [string, string][] = [
    ['run', `${dir} (${summary.energy.name} ${energy}, ${summary.backend})`],
    ['steps', String(summary.step)],
  ];
  if (summary.heldOutNll !== undefined) {
    // A forward-KL run's own loss; F_q and the gap below measure the reverse direction.
    rows.push(['held-out NLL', withError(summary.heldOutNll, summary.heldOutNllStdErr ?? 0, 4)]);
  }
  rows.push(
    ['F_q', withError(summary.freeEnergy, summary.freeEnergyStdErr, 4)],
    ['ln Z (importance)', withError(summary.lnZ, summary.lnZStdErr, 4)],
  );
  if (summary.exact !== undefined) {
    rows.push(['ln Z (exact)', summary.exact.lnZ.toFixed(4)]);
  }
  if (summary.klGap !== undefined) {
    rows.push(['gap F_q + ln Z', `${summary.klGap.toFixed(4)} nats`]);
  }
  rows.push(
    ['ESS fraction', summary.essFraction.toFixed(4)],
    ['eval samples', String(summary.evalSamples)],
    ['s/step', summary.secondsPerStep.toFixed(4)],
    ['wall time', formatDuration(summary.wallSeconds)],
  );
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}\n`).join('');
}
