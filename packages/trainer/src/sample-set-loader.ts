import type { EnergyModel } from '@neuralrg/energies';
import type { TrainConfig } from './config';
import { readSampleFile } from './sample-file';
import { SampleSet } from './sample-set';
import { DEFAULT_HOLDOUT_FRACTION } from './training-options';

/**
 * The samples of a forward-KL run: reads `config.data.file`, checks it
 * against the energy's layout and splits off the held-out part
 * (`data.holdoutFraction`, 0.1 by default) by a shuffle seeded with the
 * run's seed.
 *
 * @throws RangeError when the config has no data file, or its samples
 *   differ from those of `data.fingerprint` when that is set; whatever
 *   {@link readSampleFile} throws for a missing or mismatched file.
 */
export function loadSampleSet(config: TrainConfig, energy: EnergyModel): SampleSet {
  if (config.data === undefined) {
    throw new RangeError('the config has no data.file to read samples from');
  }
  const samples = readSampleFile(config.data.file, energy);
  const set = new SampleSet(samples, config.data.holdoutFraction ?? DEFAULT_HOLDOUT_FRACTION, config.seed);
  const expected = config.data.fingerprint;
  if (expected !== undefined && set.fingerprint !== expected) {
    throw new RangeError(
      `data file ${config.data.file} no longer holds the samples this run was trained on ` +
        `(SHA-256 ${set.fingerprint.slice(0, 12)}..., the run recorded ${expected.slice(0, 12)}...); ` +
        'restore the file, or start a new run',
    );
  }
  return set;
}
