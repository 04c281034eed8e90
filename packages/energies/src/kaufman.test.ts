import { isingLnZBruteForce } from './brute-force';
import { ISING_CRITICAL_TEMPERATURE } from './critical-temperature';
import { isingLnZ } from './kaufman';

const TC = ISING_CRITICAL_TEMPERATURE;

/**
 * Reference ln Z by the row-to-row transfer matrix, Z = Tr(T^L) with
 * T_ab = exp(K [(h(a) + h(b)) / 2 + v(a, b)]), h the in-row bonds (with
 * wrap-around) and v the bonds between rows; exact up to float64 rounding.
 * Matrix powers are rescaled at every step and the scale kept in log.
 */
function transferMatrixLnZ(L: number, T: number): number {
  const states = 2 ** L;
  const spin = (state: number, j: number): number => (((state >>> j) & 1) === 1 ? 1 : -1);
  const transfer = new Float64Array(states * states);
  const rowBonds = (a: number): number => {
    let sum = 0;
    for (let j = 0; j < L; j++) sum += spin(a, j) * spin(a, (j + 1) % L);
    return sum;
  };
  for (let a = 0; a < states; a++) {
    for (let b = 0; b < states; b++) {
      let vertical = 0;
      for (let j = 0; j < L; j++) vertical += spin(a, j) * spin(b, j);
      transfer[a * states + b] = Math.exp(((rowBonds(a) + rowBonds(b)) / 2 + vertical) / T);
    }
  }

  let power = Float64Array.from(transfer);
  let logScale = 0;
  for (let step = 1; step < L; step++) {
    const next = new Float64Array(states * states);
    for (let i = 0; i < states; i++) {
      for (let k = 0; k < states; k++) {
        const left = power[i * states + k];
        for (let j = 0; j < states; j++) next[i * states + j] += left * transfer[k * states + j];
      }
    }
    const max = next.reduce((m, v) => Math.max(m, v), 0);
    for (let i = 0; i < next.length; i++) next[i] /= max;
    logScale += Math.log(max);
    power = next;
  }
  let trace = 0;
  for (let i = 0; i < states; i++) trace += power[i * states + i];
  return logScale + Math.log(trace);
}

// Both sides are float64 sums of a few hundred terms of similar size, so
// they agree to ~1e-15 relative; 1e-9 leaves room for rounding while still
// catching any term of the formula being wrong (the classic arccosh error
// on gamma_0 is off by ~ln 2 above T_c).
const RELATIVE_TOLERANCE = 1e-9;

function expectRelativelyClose(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('isingLnZ (Kaufman)', () => {
  const temperatures = [1.5, TC, 3.0, 5.0];

  test.each([2, 4])('matches brute-force enumeration for L = %i', (L) => {
    for (const T of temperatures) {
      expectRelativelyClose(isingLnZ(L, T), isingLnZBruteForce(L, T), RELATIVE_TOLERANCE);
    }
  });

  test('matches the transfer matrix for L = 4 and L = 6', () => {
    for (const L of [4, 6]) {
      for (const T of [1.0, 2.0, TC, 2.5, 4.0, 10.0]) {
        expectRelativelyClose(isingLnZ(L, T), transferMatrixLnZ(L, T), RELATIVE_TOLERANCE);
      }
    }
  });

  test('gives the published value for L = 8 at T_c', () => {
    // Published to 7 decimals: 60.1417808.
    expect(Math.abs(isingLnZ(8, TC) - 60.1417808)).toBeLessThan(1e-6);
  });

  test('reaches the zero- and infinite-temperature limits without overflow', () => {
    // T -> 0: only the two ground states (E = -2N) survive, ln Z -> 2N/T + ln 2.
    // T -> infinity: all 2^N states weigh the same, ln Z -> N ln 2.
    for (const L of [4, 8, 16]) {
      const N = L * L;
      for (const T of [1e-3, 0.05]) {
        expectRelativelyClose(isingLnZ(L, T), (2 * N) / T + Math.LN2, 1e-12);
      }
      for (const T of [1e8, 1e300]) {
        expectRelativelyClose(isingLnZ(L, T), N * Math.LN2, 1e-9);
      }
    }
  });

  test('is finite for large lattices around T_c', () => {
    for (const T of [0.5 * TC, TC, 2 * TC]) {
      const lnZ = isingLnZ(64, T);
      expect(Number.isFinite(lnZ)).toBe(true);
      // ln Z / N lies between ln 2 (all states, no energy gain) and ln 2 + 2/T.
      expect(lnZ / 4096).toBeGreaterThan(Math.LN2);
      expect(lnZ / 4096).toBeLessThan(Math.LN2 + 2 / T);
    }
  });

  test.each([3, 0, -2, 2.5, 1, NaN, Infinity])('rejects lattice size L = %p', (L) => {
    expect(() => isingLnZ(L, 2)).toThrow(RangeError);
    expect(() => isingLnZ(L, 2)).toThrow(`lattice size L must be an even integer >= 2, got ${L}`);
  });

  test.each([0, -1, NaN, Infinity, -Infinity])('rejects temperature T = %p', (T) => {
    expect(() => isingLnZ(4, T)).toThrow(RangeError);
    expect(() => isingLnZ(4, T)).toThrow(
      `temperature T must be a positive finite number, got ${T}`,
    );
  });

  test('rejects arguments that are not numbers with a TypeError', () => {
    expect(() => isingLnZ('4' as unknown as number, 2)).toThrow(TypeError);
    expect(() => isingLnZ(4, '2' as unknown as number)).toThrow("got '2'");
  });
});
