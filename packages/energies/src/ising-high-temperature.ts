/**
 * Below this coupling K = 1/T, ln Z and its derivatives come from the
 * high-temperature expansion instead of Kaufman's products: there the
 * products cancel against N coth(2K) and lose their digits (none are left
 * near T = 1e12, and at T ~ 1e200 their sum underflows), while the series
 * truncated after t^4 is good to about t^6 relative, 1e-18 at K = 1e-3.
 */
export const HIGH_TEMPERATURE_COUPLING = 1e-3;

/** ln Z, u = E/N and c per site from the high-temperature series, with bounds on the truncation. */
export interface HighTemperatureSeries {
  lnZ: number;
  energyPerSite: number;
  specificHeat: number;
  energyError: number;
  specificHeatError: number;
}

/**
 * The high-temperature expansion of the 2D Ising model on the periodic
 * L x L torus: Z = 2^N cosh(K)^(2N) sum over closed bond graphs G of
 * t^|G|, t = tanh K. The graphs of four bonds are the N plaquettes and, at
 * L = 4 only, the 2L loops that wind once around the torus; so for L >= 4
 *   ln Z = N ln 2 + 2N ln cosh K + ln(1 + n4 t^4) + O(N t^6),  n4 = N + (L = 4 ? 2L : 0).
 * At L = 2 each bond is counted twice, so the model is one loop of four
 * bonds of coupling 2K, whose Z = 16 cosh(2K)^4 (1 + tanh(2K)^4) is exact.
 */
export function isingHighTemperatureSeries(L: number, K: number): HighTemperatureSeries {
  const N = L * L;
  if (L === 2) {
    // Exact: ln Z = 4 ln 2 + 4 ln cosh 2K + ln(1 + s^4), s = tanh 2K.
    const s = Math.tanh(2 * K);
    const s2 = s * s;
    const ds = 2 * (1 - s2);
    const loop = 1 + s2 * s2;
    const first = 8 * s + (4 * s2 * s * ds) / loop;
    // d/dK of 8 s + 4 s^3 s' / (1 + s^4), with s' = 2 (1 - s^2) and s'' = -2 s s' * 2.
    const d2s = -4 * s * ds;
    const second =
      8 * ds +
      (4 * (3 * s2 * ds * ds + s2 * s * d2s)) / loop -
      (16 * s2 * s2 * s2 * ds * ds) / (loop * loop);
    const tiny = Number.EPSILON * 16;
    return {
      lnZ: 4 * Math.LN2 + 4 * logCosh(2 * K) + Math.log1p(s2 * s2),
      energyPerSite: -first / N,
      specificHeat: (K * K * second) / N,
      energyError: tiny * Math.abs(first / N),
      specificHeatError: tiny * Math.abs((K * K * second) / N),
    };
  }
  const n4 = N + (L === 4 ? 2 * L : 0);
  const t = Math.tanh(K);
  const t2 = t * t;
  const dt = 1 - t2;
  // d/dK ln Z = 2N t + 4 n4 t^3 t' / (1 + n4 t^4); the t^6 graphs add O(N t^5).
  const loops = 1 + n4 * t2 * t2;
  const first = 2 * N * t + (4 * n4 * t2 * t * dt) / loops;
  const second = 2 * N * dt + (12 * n4 * t2 * dt * dt - 8 * n4 * t2 * t2 * dt) / loops -
    (16 * n4 * n4 * t2 * t2 * t2 * dt * dt) / (loops * loops);
  // Graphs of six bonds: 2N of them (two plaquettes side by side) plus, at
  // L = 6, windings; 12 N t^5 and 60 N t^4 bound their derivatives.
  return {
    lnZ: N * Math.LN2 + 2 * N * logCosh(K) + Math.log1p(n4 * t2 * t2),
    energyPerSite: -first / N,
    specificHeat: (K * K * second) / N,
    energyError: 12 * Math.abs(t) ** 5 + Number.EPSILON * 4 * Math.abs(first / N),
    specificHeatError: K * K * (60 * t2 * t2 + Number.EPSILON * 4 * Math.abs(second / N)),
  };
}

/** ln cosh x for small or moderate x, without losing x^2 / 2 to rounding near 0. */
function logCosh(x: number): number {
  const a = Math.abs(x);
  return a < 1 ? Math.log1p(Math.expm1(a) ** 2 / (2 * Math.exp(a))) : a + Math.log1p(Math.exp(-2 * a)) - Math.LN2;
}
