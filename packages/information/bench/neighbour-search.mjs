// Times the KSG estimators with each neighbour search, in CPU seconds.
// Usage (after `npx tsc -p tsconfig.build.json` in packages/information):
//   node bench/neighbour-search.mjs [n ...]
// For each n: one KSG estimate on a 2D-joint pair, one on a 4D-joint pair
// (2 + 2), and the pairwise matrix of 64 scalar variables. The brute-force
// matrix is timed on `BRUTE_PAIRS` pairs and scaled to all 2016 pairs.
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const info = require('../dist/index.js');
const { SplitMix32 } = require('../dist/random.js');

const SEARCHES = ['kd-tree', 'projection', 'brute-force'];
const VARIABLES = 64;
const BRUTE_PAIRS = 8;

/** 64 correlated columns: a shared factor and nearest-neighbour noise on a ring. */
function columns(n, seed) {
  const rng = new SplitMix32(seed);
  const out = Array.from({ length: VARIABLES }, () => new Float64Array(n));
  const noise = new Float64Array(VARIABLES);
  for (let i = 0; i < n; i++) {
    const shared = rng.normal();
    for (let j = 0; j < VARIABLES; j++) noise[j] = rng.normal();
    for (let j = 0; j < VARIABLES; j++) {
      out[j][i] = 0.5 * shared + noise[j] + 0.7 * noise[(j + 1) % VARIABLES];
    }
  }
  return out;
}

/** CPU seconds of this process (user + system), steadier than wall time on a shared machine. */
function seconds(action) {
  const start = process.cpuUsage();
  const value = action();
  const used = process.cpuUsage(start);
  return { value, seconds: (used.user + used.system) / 1e6 };
}

const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length > 0 ? sizes : [1000, 10000]) {
  const data = columns(n, 1);
  const vector = (a, b) => Array.from({ length: n }, (_, i) => [data[a][i], data[b][i]]);
  const x4 = vector(0, 1);
  const y4 = vector(2, 3);
  for (const search of SEARCHES) {
    const one = seconds(() => info.ksgMutualInformation(data[0], data[1], { search }));
    const four = seconds(() => info.ksgMutualInformation(x4, y4, { search }));
    const pairs = search === 'brute-force' ? [] : undefined;
    if (pairs) for (let p = 0; p < BRUTE_PAIRS; p++) pairs.push([p, p + 1]);
    const matrix = seconds(() => info.pairwiseMutualInformation(data, { search, pairs }));
    const total = (VARIABLES * (VARIABLES - 1)) / 2;
    const scale = pairs ? total / pairs.length : 1;
    console.log(
      `n=${n} ${search.padEnd(11)} pair(1+1) ${one.seconds.toFixed(3)} s  ` +
        `pair(2+2) ${four.seconds.toFixed(3)} s  ` +
        `matrix 64 vars ${(matrix.seconds * scale).toFixed(1)} s${pairs ? ' (scaled)' : ''}  ` +
        `I01=${one.value.toFixed(4)}`,
    );
  }
}
