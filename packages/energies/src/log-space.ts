/**
 * Float64 helpers for sums of exponentially large terms that may carry a
 * sign: a number is held as sign * exp(log).
 */

/** A real number sign * exp(log); sign 0 stands for the number zero. */
export interface SignedLog {
  sign: -1 | 0 | 1;
  log: number;
}

/**
 * ln(2 cosh y) = |y| + ln(1 + exp(-2|y|)), without overflow for any finite y.
 */
export function logTwoCosh(y: number): number {
  const a = Math.abs(y);
  return a + Math.log1p(Math.exp(-2 * a));
}

/**
 * 2 sinh y as a signed log: ln|2 sinh y| = |y| + ln(1 - exp(-2|y|)).
 * For |y| < 1 the direct form is used, which keeps full relative precision
 * when y is tiny.
 */
export function signedLogTwoSinh(y: number): SignedLog {
  if (y === 0) return { sign: 0, log: -Infinity };
  const a = Math.abs(y);
  const log = a < 1 ? Math.log(2 * Math.sinh(a)) : a + Math.log1p(-Math.exp(-2 * a));
  return { sign: y > 0 ? 1 : -1, log };
}

/** The product of signed logs: signs multiply, logs add. */
export function signedLogProduct(factors: readonly SignedLog[]): SignedLog {
  let sign: -1 | 0 | 1 = 1;
  let log = 0;
  for (const factor of factors) {
    if (factor.sign === 0) return { sign: 0, log: -Infinity };
    sign = (sign * factor.sign) as -1 | 1;
    log += factor.log;
  }
  return { sign, log };
}

/**
 * Signed log-sum-exp: the sum of terms sign_i * exp(log_i), returned as a
 * signed log. The largest log is factored out so that nothing overflows.
 */
export function signedLogSumExp(terms: readonly SignedLog[]): SignedLog {
  let max = -Infinity;
  for (const term of terms) {
    if (term.sign !== 0 && term.log > max) max = term.log;
  }
  if (max === -Infinity) return { sign: 0, log: -Infinity };

  let sum = 0;
  for (const term of terms) {
    if (term.sign !== 0) sum += term.sign * Math.exp(term.log - max);
  }
  if (sum === 0) return { sign: 0, log: -Infinity };
  return { sign: sum > 0 ? 1 : -1, log: max + Math.log(Math.abs(sum)) };
}

/** ln sum_i exp(a_i) in float64; -Infinity for an empty list. */
export function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  if (max === -Infinity) return -Infinity;
  if (max === Infinity) return Infinity;

  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i] - max);
  return max + Math.log(sum);
}
