import { klEntropy } from './entropy';
import { ksgMutualInformation } from './ksg';
import { pairwiseMutualInformation } from './pairwise';
import { columnOf, samplesOf } from './samples';

const x = [0.1, 0.5, 0.2, 0.9, 0.4];
const y = [1.0, 0.3, 0.8, 0.1, 0.7];

describe('bad input', () => {
  it('refuses k that is not a positive integer', () => {
    expect(() => ksgMutualInformation(x, y, { k: 0 })).toThrow('k must be a positive integer, got 0');
    expect(() => ksgMutualInformation(x, y, { k: -2 })).toThrow(/got -2/);
    expect(() => klEntropy(x, { k: 1.5 })).toThrow(/got 1.5/);
  });

  it('refuses fewer samples than k + 1', () => {
    expect(() => ksgMutualInformation(x, y, { k: 5 })).toThrow(
      'KSG mutual information with k = 5 needs at least k + 1 = 6 samples, got 5',
    );
    expect(() => klEntropy(x, { k: 5 })).toThrow(/needs at least k \+ 1 = 6 samples, got 5/);
    expect(() => pairwiseMutualInformation([x, y], { k: 4 })).not.toThrow();
    expect(() => pairwiseMutualInformation([x, y], { k: 5 })).toThrow(/got 5/);
  });

  it('refuses NaN and infinite entries, naming the draw', () => {
    expect(() => ksgMutualInformation([0.1, NaN, 0.3, 0.4, 0.5], y)).toThrow(
      'x has NaN at sample 1; expected finite numbers',
    );
    expect(() => ksgMutualInformation(x, [[1, 2], [3, Infinity], [1, 1], [2, 2], [0, 0]])).toThrow(
      'y has Infinity at sample 1, coordinate 1; expected finite numbers',
    );
    expect(() => pairwiseMutualInformation([x, y, [1, 2, 3, NaN, 5]])).toThrow(
      'column 2 has NaN at sample 3',
    );
  });

  it('refuses mismatched lengths', () => {
    expect(() => ksgMutualInformation(x, y.slice(1))).toThrow(
      'x has 5 samples but y has 4; expected matched draws',
    );
    expect(() => ksgMutualInformation([[1, 2], [3]], y)).toThrow(
      'x: row 1 has 1 coordinates, expected 2 like row 0',
    );
    expect(() => pairwiseMutualInformation([x, y.slice(1)])).toThrow(
      'column 1 has 4 samples, column 0 has 5',
    );
    expect(() => samplesOf([1, 2, 3], 2)).toThrow('samples: length 3 is not a multiple of dim = 2');
    expect(() => ksgMutualInformation([], [])).toThrow('x: no samples');
  });

  it('refuses unknown options and bad pairs', () => {
    expect(() => ksgMutualInformation(x, y, { algorithm: 3 as 1 })).toThrow(
      'KSG algorithm must be 1 or 2, got 3',
    );
    expect(() => ksgMutualInformation(x, y, { search: 'gpu' as 'kd-tree' })).toThrow(
      "search must be one of kd-tree, projection, brute-force, got 'gpu'",
    );
    expect(() => pairwiseMutualInformation([x, y], { pairs: [[0, 2]] })).toThrow(
      'pair (0, 2) must name two different columns in 0..1',
    );
    expect(() => pairwiseMutualInformation([x])).toThrow('needs at least 2 columns, got 1');
    expect(() => columnOf([1, 2, 3, 4], 2, 2)).toThrow('column must be an integer in 0..1, got 2');
  });
});
