import * as fs from 'fs';
import { createEnergy } from '@neuralrg/energies';
import type { EnergyModel } from '@neuralrg/energies';
import { Trainer, readCheckpoint } from '@neuralrg/trainer';
import type { Checkpoint } from '@neuralrg/trainer';
import { TRAIN_DEFAULTS } from './defaults';
import { RunError, UsageError, oneLine } from './errors';
import { MetricsLog } from './metrics-log';
import type { PreparedRun } from './prepared-run';
import type { ResumePlan } from './resume-plan';
import { RunFolder } from './run-folder';
import { startBackend } from './start-backend';

/** Reads the checkpoint of a run folder, turning its errors into RunErrors. */
function loadCheckpoint(folder: RunFolder): Checkpoint {
  if (!fs.existsSync(folder.dir) || !fs.statSync(folder.dir).isDirectory()) {
    throw new RunError(
      `--resume '${folder.dir}' is not a folder; ` +
        "expected a run folder made by 'neuralrg train --out'",
    );
  }
  try {
    return readCheckpoint(folder.file('checkpoint'));
  } catch (error) {
    throw new RunError(oneLine(error));
  }
}

/** Settings that may differ between config.json and the checkpoint. */
const SESSION_FIELDS = new Set(['epochs', 'evalSamples', 'backend', 'checkpointEvery']);

/**
 * Refuses a checkpoint whose run-defining settings differ from the
 * folder's config.json (a checkpoint copied in from another run, or an
 * edited file): continuing would mix two runs in one folder.
 *
 * @throws RunError naming the first setting that differs.
 */
function checkConfigsAgree(stored: object, checkpoint: Checkpoint, file: string): void {
  const inConfig = stored as Record<string, unknown>;
  const inCheckpoint = checkpoint.config as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(inConfig), ...Object.keys(inCheckpoint)]);
  for (const key of keys) {
    if (SESSION_FIELDS.has(key)) continue;
    const a = JSON.stringify(inConfig[key]);
    const b = JSON.stringify(
      key === 'data' ? withoutMissingFingerprint(inCheckpoint.data, inConfig.data) : inCheckpoint[key],
    );
    if (a !== b) {
      throw new RunError(
        `checkpoint ${file} does not belong to this run: its ${key} is ${b ?? 'absent'}, ` +
          `config.json says ${a ?? 'absent'}`,
      );
    }
  }
}

/**
 * A checkpoint's data settings, without the fingerprint when config.json
 * has none: folders written before config.json recorded it still resume,
 * and the trainer checks the fingerprint against the file itself.
 */
function withoutMissingFingerprint(inCheckpoint: unknown, inConfig: unknown): unknown {
  const stored = inConfig as { fingerprint?: unknown } | undefined;
  if (typeof inCheckpoint !== 'object' || inCheckpoint === null || stored?.fingerprint !== undefined) {
    return inCheckpoint;
  }
  const { fingerprint: _, ...rest } = inCheckpoint as { fingerprint?: unknown };
  return rest;
}

/** The checkpoint interval stored in config.json, or the default when it is absent or bad. */
function storedCheckpointEvery(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
    ? value
    : TRAIN_DEFAULTS.checkpointEvery;
}

/** Restores the trainer, turning a checkpoint that does not fit its config into a RunError. */
function restoreTrainer(
  checkpoint: Checkpoint,
  energy: EnergyModel,
  epochs: number,
  file: string,
): Trainer {
  try {
    return Trainer.resume(checkpoint, energy, epochs);
  } catch (error) {
    energy.dispose();
    throw new RunError(`checkpoint ${file} cannot be restored: ${oneLine(error)}`);
  }
}

/**
 * Sets up a resumed run: reads checkpoint.json and config.json, starts the
 * backend, restores the trainer, then drops the metrics of steps past the
 * checkpoint (they will be trained again) and records the new step target
 * in config.json. Files are changed only after all of that has succeeded,
 * so a missing or corrupt checkpoint leaves the folder as it was.
 *
 * @throws RunError for a missing or corrupt checkpoint or config, or a
 *   backend that cannot start; UsageError when --epochs is below the
 *   checkpoint's step.
 */
export async function prepareResume(plan: ResumePlan): Promise<PreparedRun> {
  const folder = new RunFolder(plan.dir);
  const checkpoint = loadCheckpoint(folder);
  const stored = folder.readConfig();
  checkConfigsAgree(stored, checkpoint, folder.file('checkpoint'));

  const epochs = plan.epochs ?? checkpoint.config.epochs;
  if (epochs < checkpoint.step) {
    throw new UsageError(
      `--epochs ${epochs} is below the ${checkpoint.step} steps already trained in ` +
        `'${plan.dir}'; expected at least ${checkpoint.step}`,
    );
  }
  const backend = plan.backend ?? stored.backend;
  const checkpointEvery = plan.checkpointEvery ?? storedCheckpointEvery(stored.checkpointEvery);
  await startBackend(backend);

  const config = {
    ...checkpoint.config,
    evalSamples: plan.evalSamples ?? checkpoint.config.evalSamples,
  };
  const { name, ...parameters } = config.energy;
  const energy = createEnergy(name, parameters);
  const file = folder.file('checkpoint');
  const trainer = restoreTrainer({ ...checkpoint, config }, energy, epochs, file);

  let metrics: MetricsLog;
  try {
    metrics = MetricsLog.resumeAt(folder.file('metrics'), checkpoint.step);
  } catch (error) {
    trainer.dispose();
    energy.dispose();
    throw error;
  }
  folder.writeConfig({ ...trainer.config, backend, checkpointEvery });
  return {
    folder,
    trainer,
    energy,
    backend,
    checkpointEvery,
    metrics,
    resumedFrom: checkpoint.step,
    previousBackend: stored.backend,
  };
}
