import { isingDualShift, isingLnZ, isingThermodynamics } from '@neuralrg/energies';

/** Exact results for the 2D Ising model on the periodic L x L torus, J = 1. */
export interface ExactIsingValues {
  L: number;
  T: number;
  /** ln Z of the Ising model (Kaufman 1949). */
  lnZ: number;
  /** The same ln Z_Ising, under an unambiguous name. */
  lnZIsing: number;
  /** ln Z of the continuous dual that the flow is trained on. */
  lnZcont: number;
  /** lnZcont - lnZIsing. */
  shift: number;
  /** Free energy per site of the Ising model, f = -T ln Z_Ising / L^2. */
  freeEnergyPerSite: number;
  /** Internal energy per site of the Ising model, <E>/N = -(1/N) d ln Z / d beta. */
  energyPerSite: number;
  /** Specific heat per site, beta^2 (<E^2> - <E>^2) / N. */
  specificHeat: number;
  /** Bounds on the rounding errors of energyPerSite and specificHeat. */
  energyError: number;
  specificHeatError: number;
}

/**
 * ln Z_Ising from Kaufman's formula and ln Z_cont = ln Z_Ising + shift of
 * the Hubbard-Stratonovich dual, with the energy and specific heat per
 * site from the analytic derivatives of ln Z_Ising in beta, with bounds on
 * their rounding errors. Plain float64 arithmetic: no tensor
 * backend is started.
 *
 * @throws RangeError when L is not an even integer >= 2 or T is not positive and finite.
 */
export function exactIsingValues(L: number, T: number): ExactIsingValues {
  const lnZIsing = isingLnZ(L, T);
  const shift = isingDualShift(L, T);
  const derived = isingThermodynamics(L, T);
  return {
    L,
    T,
    lnZ: lnZIsing,
    lnZIsing,
    lnZcont: lnZIsing + shift,
    shift,
    freeEnergyPerSite: (-T * lnZIsing) / (L * L),
    energyPerSite: derived.energyPerSite,
    specificHeat: derived.specificHeat,
    energyError: derived.energyError,
    specificHeatError: derived.specificHeatError,
  };
}
