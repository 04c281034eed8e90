import { simpson } from './quadrature';

/**
 * Moments of the one-site phi^4 weight w(phi) = exp(-phi^2 - lambda (phi^2 - 1)^2),
 * the kappa = 0 limit where the lattice action decouples:
 * returns ln integral w, <phi^2> and <phi^4> under w / integral w.
 * Computed by Simpson's rule on |phi| <= R, where R is chosen so that
 * phi^2 + lambda (phi^2 - 1)^2 >= 50 beyond it (the tail is below e^-50).
 */
export function phi4SingleSiteMoments(lambda: number): { logZ: number; phi2: number; phi4: number } {
  const action = (phi: number): number => phi * phi + lambda * (phi * phi - 1) ** 2;
  let range = 2;
  while (action(range) < 50) range *= 1.5;

  const z = simpson((phi) => Math.exp(-action(phi)), -range, range);
  const second = simpson((phi) => phi * phi * Math.exp(-action(phi)), -range, range);
  const fourth = simpson((phi) => phi ** 4 * Math.exp(-action(phi)), -range, range);
  return { logZ: Math.log(z), phi2: second / z, phi4: fourth / z };
}
