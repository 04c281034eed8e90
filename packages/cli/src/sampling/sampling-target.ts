import { UsageError } from '../errors';
import { evenLatticeFlag, requiredFlag, temperatureFlag } from '../ising-flags';

/** The Ising lattice and temperature to sample. */
export interface SamplingTarget {
  L: number;
  T: number;
}

/** Relative difference under which --T is taken to mean the flow's temperature. */
const TEMPERATURE_TOLERANCE = 1e-9;

/**
 * The target from --L and --T, or from the flow run when one is given:
 * then --L and --T may be left out, and must match the flow's when set.
 *
 * @throws UsageError for a missing or bad --L/--T, or one that differs from the flow's.
 */
export function samplingTarget(
  flags: { L?: string; T?: string },
  flow?: { L: number; T: number; dir: string },
): SamplingTarget {
  if (flow === undefined) {
    const L = evenLatticeFlag(
      requiredFlag('--L', flags.L, 'the lattice size, e.g. --L 8, or give --flow'),
    );
    const T = temperatureFlag(
      requiredFlag('--T', flags.T, 'the temperature, e.g. --T Tc, or give --flow'),
    );
    return { L, T };
  }
  if (flags.L !== undefined && evenLatticeFlag(flags.L) !== flow.L) {
    throw new UsageError(
      `--L ${flags.L} differs from the flow in '${flow.dir}', trained at L = ${flow.L}`,
    );
  }
  if (flags.T !== undefined) {
    const T = temperatureFlag(flags.T);
    if (Math.abs(T - flow.T) > TEMPERATURE_TOLERANCE * flow.T) {
      throw new UsageError(
        `--T ${flags.T} differs from the flow in '${flow.dir}', trained at T = ${flow.T}`,
      );
    }
  }
  return { L: flow.L, T: flow.T };
}
