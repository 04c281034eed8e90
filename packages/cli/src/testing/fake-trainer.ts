import { NonFiniteLossError } from '@neuralrg/trainer';
import type { StepMetrics, Trainer } from '@neuralrg/trainer';

/**
 * A stand-in for Trainer that counts steps and can fail with a non-finite
 * loss at a chosen step, for tests of the loop around it.
 */
export class FakeTrainer {
  step = 0;
  readonly config = { epochs: 0, energy: { name: 'ising', L: 4, T: 2 } };

  constructor(
    epochs: number,
    private readonly failAt?: number,
  ) {
    this.config.epochs = epochs;
  }

  get done(): boolean {
    return this.step >= this.config.epochs;
  }

  trainStep(): StepMetrics {
    if (this.step + 1 === this.failAt) throw new NonFiniteLossError(this.step + 1);
    this.step += 1;
    return { step: this.step, freeEnergy: -this.step, freeEnergyStdErr: 0.1, seconds: 0.01 };
  }

  async trainStepAsync(): Promise<StepMetrics> {
    return this.trainStep();
  }

  checkpoint(): { step: number } {
    return { step: this.step };
  }

  /** This object where a Trainer is expected; only the members above are used. */
  asTrainer(): Trainer {
    return this as unknown as Trainer;
  }
}
