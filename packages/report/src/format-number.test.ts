import { formatNumber, formatTick, formatWithError } from './format-number';

describe('number formatting', () => {
  it('rounds the error to 2 significant digits and the value to match', () => {
    expect(formatWithError(-147.82350808382034, 0.012243564693175734)).toBe('-147.824 ± 0.012');
    expect(formatWithError(148.60598981142746, 0.05844483002567503)).toBe('148.606 ± 0.058');
    expect(formatWithError(1234.4, 25)).toBe('1234 ± 25');
    expect(formatWithError(0.5, undefined)).toBe('0.5');
  });

  it('writes tick labels with the decimals their step needs', () => {
    expect(formatTick(0.6000000000000001, 0.2)).toBe('0.6');
    expect(formatTick(-150, 2)).toBe('-150');
    expect(formatTick(0.05, 0.05)).toBe('0.05');
  });

  it('uses exponent form for very large and small numbers', () => {
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatNumber(123456789)).toBe('1.23457e+8');
    expect(formatNumber(0.034503914)).toBe('0.0345039');
  });
});
