import { isingEnumeratedAverages, ENUMERATION_MAX_L } from './ising-enumeration';
import { isingExactEnergyPerSite } from './ising-exact-energy';

/** Exact expectations of the Ising observables the samplers report. */
export interface IsingExactObservables {
  /** Exact value per observable name ('energy', 'absMagnetization'). */
  values: Record<string, number>;
  /** How each was obtained. */
  methods: Record<string, string>;
}

/**
 * The exact values the Ising samplers are checked against: the energy per
 * site for every even L (Kaufman's ln Z differentiated in beta,
 * isingExactEnergyPerSite), and for L <= 4 also <|M|>/N by enumeration.
 * No closed form for <|M|> on a finite torus is used at larger L.
 */
export function isingExactObservables(L: number, T: number): IsingExactObservables {
  const energy = isingExactEnergyPerSite(L, T);
  const values: Record<string, number> = { energy: energy.energyPerSite };
  const methods: Record<string, string> = {
    energy:
      `-(1/N) d ln Z / d beta, analytic derivative of Kaufman's ln Z, ` +
      `rounding error below ${energy.errorEstimate.toExponential(1)}`,
  };
  if (L <= ENUMERATION_MAX_L) {
    const enumerated = isingEnumeratedAverages(L, T);
    values.absMagnetization = enumerated.absMagnetization;
    methods.absMagnetization = `enumeration of all 2^${L * L} states`;
  }
  return { values, methods };
}
