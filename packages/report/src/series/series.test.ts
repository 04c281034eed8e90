import { movingAverage, smoothingWindow } from './moving-average';
import { thinIndices } from './thin';

describe('movingAverage', () => {
  it('averages a centred window and shrinks it at the ends', () => {
    expect(Array.from(movingAverage([1, 2, 3, 4, 5], 3))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(movingAverage([0, 0, 3, 0, 0], 3))).toEqual([0, 1, 1, 1, 0]);
  });

  it('leaves non-finite values out of the averages', () => {
    expect(Array.from(movingAverage([1, NaN, 3], 3))).toEqual([1, 2, 3]);
    expect(Number.isNaN(movingAverage([NaN], 1)[0])).toBe(true);
  });

  it('uses an odd window of about 2% of the points', () => {
    expect(smoothingWindow(1500)).toBe(31);
    expect(smoothingWindow(10)).toBe(1);
    expect(() => movingAverage([1], 0)).toThrow(RangeError);
  });
});

describe('thinIndices', () => {
  it('keeps every point of a short series', () => {
    expect(thinIndices([3, 1, 2], 10)).toEqual([0, 1, 2]);
  });

  it('keeps the low and the high of each bucket, so a spike survives', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i === 537 ? 100 : Math.sin(i)));
    const kept = thinIndices(values, 100);
    expect(kept.length).toBeLessThanOrEqual(100);
    expect(kept).toContain(537);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
  });
});
