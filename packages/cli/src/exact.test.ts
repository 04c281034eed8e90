import {
  isingDualShift,
  isingInternalEnergy,
  isingLnZ,
  isingSpecificHeat,
} from '@neuralrg/energies';
import { tf } from '@neuralrg/tensor';
import { runCli } from './testing/run-cli';

const T_CRITICAL = '2.269185314213022';

describe('neuralrg exact', () => {
  it('prints one JSON line with ln Z_Ising and ln Z_cont at L = 8, T_c', async () => {
    const args = ['exact', '--energy', 'ising', '--L', '8', '--T', T_CRITICAL, '--json'];
    const result = await runCli(args);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    const values = JSON.parse(lines[0]);
    expect(Math.abs(values.lnZ - 60.1417808)).toBeLessThan(1e-6);
    expect(Math.abs(values.lnZcont - 148.6550163)).toBeLessThan(1e-6);
  });

  it('agrees with the energies package away from T_c, and accepts Tc by name', async () => {
    const json = JSON.parse((await runCli(['exact', '--L', '16', '--T', '3', '--json'])).stdout);
    expect(json.lnZ).toBe(isingLnZ(16, 3));
    expect(json.lnZcont).toBeCloseTo(isingLnZ(16, 3) + isingDualShift(16, 3), 9);

    const named = JSON.parse((await runCli(['exact', '--L', '8', '--T', 'Tc', '--json'])).stdout);
    expect(Math.abs(named.lnZ - 60.1417808)).toBeLessThan(1e-6);
  });

  it('prints the exact energy and specific heat per site', async () => {
    const json = JSON.parse((await runCli(['exact', '--L', '16', '--T', 'Tc', '--json'])).stdout);
    // The analytic derivative of Kaufman's ln Z, exact to rounding.
    expect(Math.abs(json.energyPerSite - -1.4530648528)).toBeLessThan(1e-9);
    expect(json.energyError).toBeLessThan(1e-12);
    expect(json.energyPerSite).toBe(isingInternalEnergy(16, Number(T_CRITICAL)));
    expect(json.specificHeat).toBe(isingSpecificHeat(16, Number(T_CRITICAL)));
    // At T = 1000 the lattice is nearly free: u ~ -2 beta and c ~ 2 beta^2.
    const hot = JSON.parse((await runCli(['exact', '--L', '4', '--T', '1000', '--json'])).stdout);
    expect(hot.energyPerSite).toBeCloseTo(-2 / 1000, 6);
    expect(hot.specificHeat).toBeCloseTo(2 / 1e6, 8);

    const table = (await runCli(['exact', '--L', '16', '--T', 'Tc'])).stdout;
    expect(table).toMatch(/E\/N\s+-1\.4530648528/);
    expect(table).toMatch(/specific heat c\/N\s+\d\.\d{7}\n/);

    // Small values in significant digits: the high-temperature series keeps them all.
    const veryHot = (await runCli(['exact', '--L', '8', '--T', '1e8'])).stdout;
    expect(veryHot).toMatch(/E\/N\s+-2\.000000e-8\n/);
    expect(veryHot).toMatch(/specific heat c\/N\s+2\.000000e-16\n/);
    // Where the bound reaches the printed digits, the table says so (low T).
    const cold = (await runCli(['exact', '--L', '64', '--T', '0.05'])).stdout;
    expect(cold).toMatch(/specific heat c\/N\s+\S+ \((no digits left: )?rounding error up to/);
  });

  it('prints a readable table without --json', async () => {
    const result = await runCli(['exact', '--L', '8', '--T', T_CRITICAL]);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ln Z_Ising\s+60\.1417807/);
    expect(result.stdout).toMatch(/ln Z_cont \(dual\)\s+148\.6550162/);
  });

  it('starts no tensor backend', async () => {
    await runCli(['exact', '--L', '8', '--T', '3', '--json']);

    expect(Object.keys(tf.engine().registry)).toEqual([]);
  });
});

test('exact names a lattice too large for its spectrum', async () => {
  const { runCli } = await import('./testing/run-cli');
  const result = await runCli(['exact', '--L', '1000000', '--T', '2']);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/--L must be at most 4096 for exact results.*got '1000000'/);
});
