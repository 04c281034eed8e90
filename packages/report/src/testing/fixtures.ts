import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PNG } from 'pngjs';

/** A fresh temporary folder. */
export function temporaryFolder(prefix = 'neuralrg-report-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A small deterministic generator (xorshift32) for synthetic data; uniform in [0, 1). */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

/** The exact ln Z the synthetic run is measured against. */
export const FIXTURE_LN_Z = 37.5;

/** A synthetic config.json; `overrides` are merged at the top level. */
export function fixtureConfig(
  L: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    energy: { name: 'ising', L, T: 2.269185314213022 },
    flow: {
      layout: 'mera',
      repeats: 1,
      couplingLayers: 2,
      hidden: [8, 8],
      activation: 'elu',
      scaleBound: 2,
    },
    symmetric: true,
    batch: 64,
    epochs: 300,
    learningRate: 0.005,
    schedule: 'cosine',
    seed: 1,
    evalSamples: 1024,
    backend: 'cpu',
    checkpointEvery: 25,
    ...overrides,
  };
}

/**
 * metrics.jsonl of a synthetic run of `steps` steps whose gap decays from
 * about 30 nats to about 0.05 with batch noise, so that some late batch
 * gaps are <= 0 (as in real runs).
 */
export function fixtureMetrics(steps: number, random = seededUniform(7)): string {
  const lines: string[] = [];
  for (let step = 1; step <= steps; step++) {
    const gap = 30 * Math.exp(-step / 30) + 0.05 + 0.2 * (random() - 0.5);
    const freeEnergy = -FIXTURE_LN_Z + gap;
    lines.push(
      JSON.stringify({
        step,
        freeEnergy,
        freeEnergyStdErr: 0.05 + 0.5 * Math.exp(-step / 60),
        seconds: 0.01,
        klGap: gap,
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A summary.json like the one `neuralrg train` writes. */
export function fixtureSummary(L: number): Record<string, unknown> {
  return {
    step: 300,
    energy: { name: 'ising', L, T: 2.269185314213022 },
    exact: { lnZ: FIXTURE_LN_Z, lnZIsing: 20.1, lnZcont: FIXTURE_LN_Z },
    freeEnergy: -FIXTURE_LN_Z + 0.06,
    freeEnergyStdErr: 0.004,
    klGap: 0.06,
    lnZ: FIXTURE_LN_Z - 0.002,
    lnZStdErr: 0.003,
    essFraction: 0.89,
    evalSamples: 1024,
    wallSeconds: 4.2,
    trainSeconds: 3.9,
    secondsPerStep: 0.013,
    backend: 'cpu',
    versions: { node: 'v20.0.0', neuralrg: '0.1.0', tfjs: '4.22.0' },
  };
}

/** A samples.png: `tiles` x `tiles` random spin lattices of L x L, black up, 1 white pixel apart. */
export function fixtureSamplesPng(L: number, tiles: number, random = seededUniform(3)): Buffer {
  const size = tiles * (L + 1) + 1;
  const png = new PNG({ width: size, height: size });
  png.data.fill(255);
  for (let ti = 0; ti < tiles; ti++) {
    for (let tj = 0; tj < tiles; tj++) {
      for (let i = 0; i < L; i++) {
        for (let j = 0; j < L; j++) {
          const up = random() < 0.5;
          const p = 4 * ((1 + ti * (L + 1) + i) * size + 1 + tj * (L + 1) + j);
          png.data[p] = png.data[p + 1] = png.data[p + 2] = up ? 0 : 255;
        }
      }
    }
  }
  return PNG.sync.write(png);
}

/** An estimates.json with energy, magnetisation and correlation[r], r = 0..L/2. */
export function fixtureEstimates(L: number): Record<string, unknown> {
  const observables: Record<string, unknown>[] = [
    {
      name: 'energyPerSite',
      kind: 'mean',
      value: -1.45,
      stdErr: 0.004,
      flowValue: -1.43,
      flowStdErr: 0.003,
      exact: -1.453,
    },
    {
      name: 'absMagnetisation',
      kind: 'mean',
      value: 0.68,
      stdErr: 0.006,
      flowValue: 0.66,
      flowStdErr: 0.005,
    },
  ];
  for (let r = 0; r <= L / 2; r++) {
    const exact = r === 0 ? 1 : 0.45 + 0.35 * Math.exp(-r);
    observables.push({
      name: `correlation[${r}]`,
      kind: 'mean',
      value: exact + 0.003,
      stdErr: r === 0 ? 0 : 0.006,
      flowValue: exact - 0.02,
      flowStdErr: r === 0 ? 0 : 0.005,
      exact,
      deviation: r === 0 ? undefined : 0.5,
    });
  }
  return {
    format: 'neuralrg-estimates',
    version: 1,
    run: 'fixture',
    step: 300,
    energy: { name: 'ising', L, T: 2.269185314213022 },
    samples: 4096,
    batch: 256,
    seed: 1,
    backend: 'cpu',
    bootstrapResamples: 200,
    freeEnergy: { value: -FIXTURE_LN_Z + 0.058, stdErr: 0.002 },
    lnZ: { value: FIXTURE_LN_Z - 0.001, stdErr: 0.0015, bootstrapStdErr: 0.0016 },
    essFraction: 0.9,
    exactLnZ: FIXTURE_LN_Z,
    klGap: { value: 0.058, stdErr: 0.002 },
    lnZDeviation: -0.67,
    ising: { lnZ: { value: 20.099, stdErr: 0.0015 }, exactLnZ: 20.1 },
    observables,
    seconds: 1.2,
    versions: { node: 'v20.0.0', neuralrg: '0.1.0', tfjs: '4.22.0' },
  };
}

function samplerEntry(
  sampler: string,
  acceptance: number | null,
  tauInt: number,
  seconds: number,
): Record<string, unknown> {
  const observable = (mean: number) => ({
    mean,
    stdErr: 0.004 * Math.sqrt(tauInt),
    binnedStdErr: null,
    tauInt,
    tauIntStdErr: tauInt / 10,
    window: 10,
    windowFound: true,
    ess: 4000 / (2 * tauInt),
    essPerSecond: 4000 / (2 * tauInt) / seconds,
    rhat: 1.001,
    samplesPerChain: 1000,
    chains: 4,
    autocorrelation: Array.from({ length: 30 }, (_, t) => Math.exp(-t / tauInt)),
    exact: null,
    zScore: null,
  });
  return {
    sampler,
    engine: 'typescript',
    stepUnit: 'sweep',
    chains: 4,
    liveChains: 4,
    warmupSteps: 100,
    steps: 1000,
    warmupSeconds: 0.1,
    seconds,
    acceptance,
    acceptancePerChain: [acceptance, acceptance, acceptance, acceptance],
    stopped: [],
    ended: 'steps',
    settings: {},
    observables: { energy: observable(-1.452), absMagnetization: observable(0.675) },
  };
}

/** A samplers.json of `neuralrg compare-samplers` with three samplers, one of them without acceptance. */
export function fixtureSamplers(L: number): Record<string, unknown> {
  return {
    format: 'neuralrg-samplers',
    version: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    target: { model: 'ising', L, T: 2.269185314213022, sites: L * L },
    exact: { values: { energy: -1.453 }, methods: { energy: 'Kaufman' } },
    flow: { dir: 'fixture', step: 300, symmetric: true },
    settings: {},
    backend: 'cpu',
    latticeEngine: { name: 'typescript', reason: 'fixture' },
    samplers: [
      samplerEntry('metropolis', 0.42, 8.5, 2),
      samplerEntry('wolff', null, 1.4, 3),
      samplerEntry('flow-metropolis', 0.71, 0.9, 5),
    ],
    skipped: [{ sampler: 'hmc', reason: 'not asked for' }],
    versions: { node: 'v20.0.0', neuralrg: '0.1.0', tfjs: '4.22.0' },
  };
}

const BANDS = ['detail-j', 'detail-i', 'detail-ij'];

/** An analysis.json of `neuralrg analyze` for an L x L lattice with log2 L levels. */
export function fixtureAnalysis(L: number, random = seededUniform(11)): Record<string, unknown> {
  const sites = L * L;
  const depth = Math.round(Math.log2(L));
  const siteLevel = (site: number) => {
    const [i, j] = [Math.floor(site / L), site % L];
    let level = 0;
    while (level < depth && i % 2 ** (level + 1) === 0 && j % 2 ** (level + 1) === 0) level++;
    return level;
  };
  const distance = (a: number, b: number) => {
    const di = Math.min(
      Math.abs(Math.floor(a / L) - Math.floor(b / L)),
      L - Math.abs(Math.floor(a / L) - Math.floor(b / L)),
    );
    const dj = Math.min(Math.abs((a % L) - (b % L)), L - Math.abs((a % L) - (b % L)));
    return Math.hypot(di, dj);
  };
  const pairs: Record<string, unknown>[] = [];
  for (let a = 0; a < sites; a++) {
    for (let b = a + 1; b < sites; b++) {
      const r = distance(a, b);
      pairs.push({
        siteA: a,
        siteB: b,
        euclideanDistance: r,
        manhattanDistance: r,
        levelA: siteLevel(a),
        levelB: siteLevel(b),
        physical: 0.3 / r ** 1.5 + 0.01 * random(),
        latent: 0.01 * (random() - 0.3),
      });
    }
  }
  const distances = [...new Set(pairs.map((p) => p.euclideanDistance as number))].sort(
    (x, y) => x - y,
  );
  const group = (selected: Record<string, unknown>[]) => {
    if (selected.length === 0) return { pairs: 0, physical: null, latent: null };
    const stats = (key: string) => {
      const values = selected.map((p) => p[key] as number);
      const mean = values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
      const std = Math.sqrt(
        values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length),
      );
      return { mean, std };
    };
    return { pairs: selected.length, physical: stats('physical'), latent: stats('latent') };
  };
  const byDistance = (selected: Record<string, unknown>[]) =>
    distances
      .map((d) => ({ distance: d, ...group(selected.filter((p) => p.euclideanDistance === d)) }))
      .filter((g) => g.pairs > 0);
  const levels = Array.from({ length: depth + 1 }, (_, level) => level);
  const latents = [];
  for (let site = 0; site < sites; site++) {
    const level = siteLevel(site);
    const pattern = (sign: number) =>
      Array.from({ length: sites }, (_, s) =>
        distance(s, site) < 2 ** level ? sign * (1 - distance(s, site) / 2 ** (level + 1)) : 0,
      );
    latents.push({
      site,
      row: Math.floor(site / L),
      col: site % L,
      level,
      band: level === depth ? 'approximation' : BANDS[site % 3],
      blockRow: 0,
      blockCol: 0,
      mean: pattern(1).map((v) => v + 0.02 * (random() - 0.5)),
      std: pattern(1).map((v) => Math.abs(v) * 0.2 + 0.01),
      haar: pattern(1),
      cosineToHaar: 0.8 + 0.1 * random(),
      haarSupportWeight: 0.9,
    });
  }
  return {
    format: 'neuralrg-analysis',
    version: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    run: {
      folder: 'fixture',
      step: 300,
      energy: { name: 'ising', L, T: 2.269 },
      flow: { layout: 'mera', depth, symmetric: true },
    },
    lattice: { L, sites, siteIndex: 'i * L + j', periodic: true },
    sampling: {
      samples: 2000,
      seed: 1,
      backend: 'cpu',
      density: 'q_sym',
      description: 'fixture',
      reweighted: false,
      essFraction: 0.85,
    },
    estimator: {
      name: 'KSG',
      algorithm: 1,
      k: 4,
      norm: 'max',
      units: 'nats',
      neighbourSearch: 'kd-tree',
      ties: 'noise',
    },
    levels: { depth, siteLevels: Array.from({ length: sites }, (_, s) => siteLevel(s)) },
    mutualInformation: {
      groupedBy: 'euclidean',
      pairs,
      byDistance: byDistance(pairs),
      byLevel: levels.map((level) => {
        const selected = pairs.filter((p) => p.levelA === level && p.levelB === level);
        return { level, sites: [], ...group(selected), byDistance: byDistance(selected) };
      }),
      betweenLevels: levels.flatMap((a) =>
        levels
          .filter((b) => b >= a)
          .map((b) => ({
            levelA: a,
            levelB: b,
            ...group(pairs.filter((p) => p.levelA === a && p.levelB === b)),
          })),
      ),
      total: { physical: 1, latent: 0.01 },
    },
    jacobian: {
      samples: 200,
      latents,
      cosineToHaarByLevel: levels.map((level) => ({
        level,
        meanAbsoluteCosine: 0.85 - 0.1 * level,
        latents: 1,
      })),
    },
    timings: {
      samplingSeconds: 1,
      mutualInformationSeconds: 1,
      jacobianSeconds: 1,
      totalSeconds: 3,
    },
    versions: { node: 'v20.0.0', neuralrg: '0.1.0', tfjs: '4.22.0' },
  };
}

/** What {@link writeFixtureRun} writes; each optional file can be left out. */
export interface FixtureOptions {
  L?: number;
  steps?: number;
  config?: Record<string, unknown>;
  omit?: string[];
}

/** The plots a report of a complete fixture run must contain (data-plot names). */
export const FULL_RUN_PLOTS = [
  'loss',
  'gap',
  'samples',
  'correlation-vs-distance',
  'mi-vs-distance',
  'mi-by-level',
  'mi-matrices',
  'mi-level-matrix',
  'jacobian-level-0',
  'jacobian-level-1',
  'jacobian-level-2',
  'cosine-to-haar',
  'sampler-acceptance',
  'sampler-tau-int',
  'sampler-ess-per-second',
  'observable-energy',
  'observable-absMagnetization',
  'sampler-autocorrelation',
];

/** Writes a complete synthetic run folder (every input file) into `folder`. */
export function writeFixtureRun(folder: string, options: FixtureOptions = {}): string {
  const L = options.L ?? 4;
  fs.mkdirSync(folder, { recursive: true });
  const files: Record<string, string | Buffer> = {
    'config.json': JSON.stringify(options.config ?? fixtureConfig(L), null, 2),
    'metrics.jsonl': fixtureMetrics(options.steps ?? 300),
    'summary.json': JSON.stringify(fixtureSummary(L), null, 2),
    'samples.png': fixtureSamplesPng(L, 6),
    'estimates.json': JSON.stringify(fixtureEstimates(L), null, 2),
    'analysis.json': JSON.stringify(fixtureAnalysis(L)),
    'samplers.json': JSON.stringify(fixtureSamplers(L), null, 2),
  };
  for (const [name, content] of Object.entries(files)) {
    if (!(options.omit ?? []).includes(name)) fs.writeFileSync(path.join(folder, name), content);
  }
  return folder;
}
