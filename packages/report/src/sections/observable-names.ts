/**
 * Observable names that mean the same thing in different files: the
 * estimates (energies package) say `energyPerSite` and `absMagnetisation`,
 * the samplers say `energy` and `absMagnetization`. Each maps to one
 * canonical name, the samplers' one.
 */
const ALIASES: Record<string, string> = {
  energyPerSite: 'energy',
  absMagnetisation: 'absMagnetization',
};

/** The canonical name of an observable (see ALIASES). */
export function canonicalObservable(name: string): string {
  return ALIASES[name] ?? name;
}

/** The distance r of a name like `correlation[3]` with the given prefix, or undefined. */
export function distanceOf(name: string, prefix: string): number | undefined {
  const match = /^([A-Za-z]+)\[(\d+)\]$/.exec(name);
  if (match === null || match[1] !== prefix) return undefined;
  return Number(match[2]);
}
