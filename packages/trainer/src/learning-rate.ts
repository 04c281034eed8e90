/** A schedule name and its settings, as TrainConfig holds them. */
export interface ScheduleSettings {
  learningRate: number;
  epochs: number;
  schedule?: string;
  warmupSteps?: number;
}

/**
 * The learning rate at step `step` (0-based):
 * - 'constant': lr;
 * - 'cosine': lr (1 + cos(pi t)) / 2 (Loshchilov and Hutter, arXiv:1608.03983);
 * - 'linear': lr (1 - t), decaying to 0 at the last step;
 * - 'exponential': lr 0.01^t, a factor 100 over the run,
 * with t = step / epochs. A warm-up of `warmupSteps` steps multiplies it by
 * (step + 1) / warmupSteps while step < warmupSteps (Goyal et al.,
 * arXiv:1706.02677), which tames the first Adam steps of a deep flow.
 */
export function scheduledLearningRate(settings: ScheduleSettings, step: number): number {
  const { learningRate, epochs, schedule, warmupSteps = 0 } = settings;
  const t = Math.min(step / epochs, 1);
  let rate = learningRate;
  if (schedule === 'cosine') rate = (learningRate * (1 + Math.cos(Math.PI * t))) / 2;
  else if (schedule === 'linear') rate = learningRate * (1 - t);
  else if (schedule === 'exponential') rate = learningRate * Math.pow(0.01, t);
  if (step < warmupSteps) rate *= (step + 1) / warmupSteps;
  return rate;
}
