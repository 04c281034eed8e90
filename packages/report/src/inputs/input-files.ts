/** The files a report reads from a run folder, and what writes each. */
export const INPUT_FILES = [
  { file: 'config.json', required: true, from: 'neuralrg train' },
  { file: 'metrics.jsonl', required: true, from: 'neuralrg train' },
  { file: 'summary.json', required: false, from: 'neuralrg train, at the end' },
  { file: 'samples.png', required: false, from: 'neuralrg train, at the end' },
  { file: 'estimates.json', required: false, from: 'neuralrg estimate RUN' },
  { file: 'analysis.json', required: false, from: 'neuralrg analyze RUN' },
  { file: 'samplers.json', required: false, from: 'neuralrg compare-samplers --flow RUN' },
] as const;

export type InputFileName = (typeof INPUT_FILES)[number]['file'];
