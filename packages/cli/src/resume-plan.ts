import { BACKENDS } from '@neuralrg/tensor';
import type { BackendName } from '@neuralrg/tensor';
import { TRAIN_DEFAULTS } from './defaults';
import { UsageError } from './errors';
import { choiceFlag, integerFlag, optionalFlag } from './flag-values';
import { RUN_DEFINING_FLAGS, TrainFlags } from './train-flags';

/** A resumed run: the folder, and the few settings a resume may change. */
export interface ResumePlan {
  kind: 'resume';
  dir: string;
  /** Total steps to reach; the stored config's epochs when unset. */
  epochs?: number;
  evalSamples?: number;
  /** Backend to continue on; the stored one when unset. */
  backend?: BackendName;
  checkpointEvery?: number;
  threads: number;
  progress: boolean;
}

/**
 * Checks the flags of `neuralrg train --resume DIR`. Only --epochs,
 * --eval-samples, --backend and --checkpoint-every may be given: the rest
 * of the config comes from the run folder.
 *
 * @throws UsageError for a run-defining flag, --out, or a bad value.
 */
export function planResume(flags: TrainFlags): ResumePlan {
  const dir = flags.resume as string;
  if (flags.out !== undefined) {
    throw new UsageError(
      `--out '${flags.out}' cannot be combined with --resume '${dir}': ` +
        'a resumed run stays in its own folder',
    );
  }
  for (const [key, spelling] of RUN_DEFINING_FLAGS) {
    if (flags[key] !== undefined) {
      throw new UsageError(
        `${spelling} cannot be given with --resume: the run in '${dir}' continues with the ` +
          'config it was started with (only --epochs, --eval-samples, --backend and ' +
          '--checkpoint-every may change)',
      );
    }
  }
  const count = (flag: string) => (text: string) => integerFlag(flag, text, 1);
  return {
    kind: 'resume',
    dir,
    epochs: optionalFlag(flags.epochs, undefined, count('--epochs')),
    evalSamples: optionalFlag(flags.evalSamples, undefined, count('--eval-samples')),
    backend: optionalFlag(flags.backend, undefined, (t) => choiceFlag('--backend', t, BACKENDS)),
    checkpointEvery: optionalFlag(flags.checkpointEvery, undefined, count('--checkpoint-every')),
    threads: optionalFlag(flags.threads, TRAIN_DEFAULTS.threads, count('--threads')),
    progress: flags.progress ?? true,
  };
}
