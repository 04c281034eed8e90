import { gettingStarted } from './getting-started';

test('the getting-started program trains to within a nat of the exact ln Z', async () => {
  const result = await gettingStarted(300);
  // L = 4 at T_c: a small flow reaches a KL gap well under 1 nat in 300
  // steps; an untrained flow sits at about 30 nats.
  expect(result.gap).toBeLessThan(1);
  expect(result.gap).toBeGreaterThan(-0.2);
  // Importance sampling is consistent: within 4 standard errors (plus a
  // small bias allowance, since ln of an unbiased Z estimate is biased low).
  expect(Math.abs(result.lnZ - result.exactLnZ)).toBeLessThan(4 * result.lnZStdErr + 0.05);
  expect(result.essFraction).toBeGreaterThan(0.02);
});
