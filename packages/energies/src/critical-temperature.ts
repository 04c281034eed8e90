/**
 * Critical temperature of the square-lattice Ising model with J = 1,
 * T_c = 2 / ln(1 + sqrt 2) ~ 2.269185 (Onsager 1944).
 */
export const ISING_CRITICAL_TEMPERATURE = 2 / Math.log(1 + Math.SQRT2);
