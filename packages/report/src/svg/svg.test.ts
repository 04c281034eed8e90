import { colourRange, DIVERGING, SEQUENTIAL } from './colour-map';
import { element, svgNumber } from './element';
import { linearExtent, logExtent } from './extent';
import { linearScale, logScale } from './scale';
import { logTicks, niceTicks } from './ticks';
import { line } from './line';
import { markers } from './markers';
import { panel } from './panel';
import { legend } from './legend';

describe('ticks', () => {
  it('chooses steps of 1, 2 or 5 times a power of ten inside the interval', () => {
    expect(niceTicks(0, 1, 5)).toEqual({ ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], step: 0.2 });
    expect(niceTicks(-151.3, -143.9, 5).ticks).toEqual([-150, -148, -146, -144]);
    expect(niceTicks(0, 1500, 5).ticks).toEqual([0, 500, 1000, 1500]);
  });

  it('puts log ticks on powers of ten, thinned, or 1-2-5 within two decades', () => {
    expect(logTicks(0.1, 100)).toEqual([0.1, 1, 10, 100]);
    expect(logTicks(1e-6, 1e6, 6)).toEqual([1e-6, 1e-3, 1, 1e3, 1e6]);
    expect(logTicks(1, 10)).toEqual([1, 2, 5, 10]);
  });

  it('rejects empty or reversed intervals', () => {
    expect(() => niceTicks(1, 1)).toThrow(RangeError);
    expect(() => logTicks(0, 10)).toThrow(/0 < low < high/);
  });
});

describe('scales', () => {
  it('maps the domain ends onto the range ends, y upwards', () => {
    const y = linearScale([-2, 6], [300, 20]);
    expect(y.map(-2)).toBe(300);
    expect(y.map(6)).toBe(20);
    expect(y.map(2)).toBe(160);
  });

  it('maps a log domain linearly in log10', () => {
    const x = logScale([0.01, 100], [0, 400]);
    expect(x.map(1)).toBeCloseTo(200, 12);
    expect(x.map(0.1)).toBeCloseTo(100, 12);
    expect(() => logScale([0, 1], [0, 1])).toThrow(/positive/);
  });
});

describe('extents', () => {
  it('pads a linear extent and includes given values', () => {
    expect(linearExtent([1, 3], { padding: 0.5 })).toEqual([0, 4]);
    expect(linearExtent([1, 3], { include: [0], padding: 0 })).toEqual([0, 3]);
    expect(linearExtent([NaN, Infinity])).toBeUndefined();
    expect(linearExtent([5])).toEqual([4.5, 5.5]);
  });

  it('rounds a log extent out to powers of ten and ignores values <= 0', () => {
    expect(logExtent([0.3, 42, -1, 0])).toEqual([0.1, 100]);
    expect(logExtent([1])).toEqual([1, 10]);
    expect(logExtent([-1, 0])).toBeUndefined();
  });
});

describe('elements', () => {
  it('escapes attribute values and rounds numbers to hundredths', () => {
    expect(element('text', { x: 1.23456, class: '"><script>' }, 'a')).toBe(
      '<text x="1.23" class="&quot;&gt;&lt;script&gt;">a</text>',
    );
    expect(svgNumber(-0.001)).toBe('0');
    expect(() => svgNumber(NaN)).toThrow(/finite/);
  });
});

describe('colour maps', () => {
  it('centres a diverging range on 0 and spans the values of a sequential one', () => {
    expect(colourRange([-1, 3], DIVERGING)).toEqual([-3, 3]);
    expect(colourRange([-1, 3, NaN], SEQUENTIAL)).toEqual([-1, 3]);
    expect(DIVERGING.colour(0.5)).toBe('#f7f7f7');
    expect(SEQUENTIAL.colour(0)).toBe('#440154');
    expect(SEQUENTIAL.colour(1)).toBe('#fde725');
  });
});

describe('layers', () => {
  const frame = (kind: 'linear' | 'log') =>
    panel(
      {
        id: 'p',
        x: { label: 'x', domain: [0, 10] },
        y: { label: 'y', domain: kind === 'log' ? [0.1, 10] : [-1, 1], kind },
      },
      [
        line([1, 2, 3, 4], [0.5, NaN, 0.5, 0.5], { colour: 'red' }),
        markers([1, 2], [-1, 1], { colour: 'blue' }),
      ],
    );

  it('breaks a line at a non-finite value instead of drawing through it', () => {
    const d = /<path d="([^"]+)" fill="none" stroke="red"/.exec(frame('linear'))?.[1] ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('draws a value <= 0 on a log axis as a clipped marker, not at a wrong place', () => {
    const svg = frame('log');
    expect(svg).toContain('class="clipped-point"');
    expect(svg.match(/class="marker"/g)).toHaveLength(1);
  });
});

describe('legend placement', () => {
  const draw = (ys: number[]) =>
    panel({ id: 'l', x: { label: 'x', domain: [0, 10] }, y: { label: 'y', domain: [0, 10] } }, [
      legend([{ label: 'series', colour: 'red', mark: 'line' }], [{ xs: [1, 2, 8, 9], ys }]),
    ]);
  const legendX = (svg: string) => Number(/<g class="legend"><rect x="([\d.]+)"/.exec(svg)?.[1]);

  it('takes the top-right corner when it is free', () => {
    expect(legendX(draw([1, 1, 1, 1]))).toBeGreaterThan(300);
  });

  it('moves to a free corner when data lie under the top-right one', () => {
    expect(legendX(draw([1, 1, 9.5, 9.5]))).toBeLessThan(100);
  });
});
