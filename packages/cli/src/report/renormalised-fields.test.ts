import * as path from 'path';
import { Rng, tf } from '@neuralrg/tensor';
import { loadTrainedRun } from '../estimate/load-run';
import { startBackend } from '../start-backend';
import { runCli, temporaryFolder, TINY_RUN } from '../testing/run-cli';
import { RENORMALISED_SAMPLES, RENORMALISED_SEED, renormalisedFields } from './renormalised-fields';

describe('renormalisedFields', () => {
  it('starts from the samples x and ends, at the coarsest scale, on the latent z of the surviving site', async () => {
    const dir = path.join(temporaryFolder(), 'run');
    expect(
      (
        await runCli([
          'train',
          ...TINY_RUN,
          '--L',
          '8',
          '--epochs',
          '2',
          '--out',
          dir,
          '--no-progress',
        ])
      ).code,
    ).toBe(0);
    await startBackend('cpu');
    const run = loadTrainedRun(dir);
    try {
      const fields = renormalisedFields(run);
      expect(fields?.scales.map((scale) => [scale.scale, scale.size])).toEqual([
        [0, 8],
        [1, 4],
        [2, 2],
        [3, 1],
      ]);

      // The same draw as renormalisedFields makes, then the whole inverse at once.
      const { x, z } = tf.tidy(() => {
        const sample = run.flow.sample(RENORMALISED_SAMPLES, new Rng(RENORMALISED_SEED)).x;
        return {
          x: Array.from(sample.dataSync()),
          z: Array.from(run.flow.encode(sample).dataSync()),
        };
      });
      const scales = fields!.scales;
      for (let s = 0; s < RENORMALISED_SAMPLES; s++) {
        expect(scales[0].fields[s]).toEqual(x.slice(s * 64, (s + 1) * 64));
        // Site (0, 0) goes through every level: its last value is its latent variable.
        // Same float32 operations in the same order, so equal up to rounding.
        expect(scales[3].fields[s][0]).toBeCloseTo(z[s * 64], 5);
      }
      // Scale 1 keeps the sites (2i, 2j): 16 of the 64.
      expect(scales[1].fields[0]).toHaveLength(16);
    } finally {
      run.dispose();
    }
  });
});
