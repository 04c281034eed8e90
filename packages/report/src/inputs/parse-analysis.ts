import type { Fields } from './fields';
import type {
  AnalysisData,
  LatentJacobianData,
  MiDistanceGroup,
  MiGroup,
  MiLevelGroup,
} from './run-data';
import { readVersions } from './versions';

/** A group's `{ mean, std }`; null (a group without pairs, by the schema) gives undefined without a problem. */
function meanStd(fields: Fields, key: string): { mean: number; std: number } | undefined {
  if (fields.raw(key) === null) return undefined;
  const inner = fields.child(key, true);
  const mean = inner?.number('mean', { required: true });
  if (inner === undefined || mean === undefined) return undefined;
  return { mean, std: inner.number('std', { min: 0 }) ?? 0 };
}

function group(fields: Fields): MiGroup | undefined {
  const physical = meanStd(fields, 'physical');
  const latent = meanStd(fields, 'latent');
  if (physical === undefined || latent === undefined) return undefined;
  return { pairs: fields.number('pairs', { min: 0 }), physical, latent };
}

function distanceGroup(fields: Fields): MiDistanceGroup | undefined {
  const distance = fields.number('distance', { required: true, min: 0 });
  const values = group(fields);
  return distance === undefined || values === undefined ? undefined : { distance, ...values };
}

function levelGroup(fields: Fields): MiLevelGroup | undefined {
  const level = fields.number('level', { required: true, min: 0 });
  const values = group(fields);
  if (level === undefined || values === undefined) return undefined;
  return {
    level,
    ...values,
    byDistance: fields.objects('byDistance').flatMap((g) => distanceGroup(g) ?? []),
  };
}

function latent(fields: Fields, sites: number): LatentJacobianData | undefined {
  const site = fields.number('site', { required: true, min: 0 });
  const level = fields.number('level', { required: true, min: 0 });
  const mean = fields.numbers('mean', { required: true, length: sites });
  const std = fields.numbers('std', { required: true, length: sites });
  const haar = fields.numbers('haar', { required: true, length: sites });
  if (site === undefined || level === undefined || !mean || !std || !haar) return undefined;
  return {
    site,
    level,
    band: fields.string('band') ?? '?',
    blockRow: fields.number('blockRow') ?? 0,
    blockCol: fields.number('blockCol') ?? 0,
    mean,
    std,
    haar,
    cosineToHaar: fields.number('cosineToHaar'),
  };
}

/**
 * analysis.json (format 'neuralrg-analysis', version 1) of `neuralrg
 * analyze`; undefined when the lattice size is missing, since every
 * per-site array is read against L * L.
 */
export function parseAnalysis(fields: Fields): AnalysisData | undefined {
  const L = fields.child('lattice', true)?.number('L', { required: true, min: 1 });
  if (L === undefined) return undefined;
  const sites = L * L;
  const mi = fields.child('mutualInformation');
  const jacobian = fields.child('jacobian');
  const sampling = fields.child('sampling');

  const pairs: AnalysisData['pairs'] = [];
  for (const pair of mi?.objects('pairs') ?? []) {
    const siteA = pair.number('siteA', { required: true, min: 0 });
    const siteB = pair.number('siteB', { required: true, min: 0 });
    const physical = pair.number('physical', { required: true });
    const latentValue = pair.number('latent', { required: true });
    if (
      siteA === undefined ||
      siteB === undefined ||
      physical === undefined ||
      latentValue === undefined
    )
      continue;
    if (!Number.isInteger(siteA) || !Number.isInteger(siteB) || siteA >= sites || siteB >= sites) {
      pair.problem(`sites ${siteA} and ${siteB} must be integers in 0..${sites - 1}`);
      continue;
    }
    pairs.push({ siteA, siteB, physical, latent: latentValue });
  }
  const betweenLevels: AnalysisData['betweenLevels'] = [];
  for (const entry of mi?.objects('betweenLevels') ?? []) {
    const levelA = entry.number('levelA', { required: true, min: 0 });
    const levelB = entry.number('levelB', { required: true, min: 0 });
    if (levelA === undefined || levelB === undefined) continue;
    // A pair of levels without site pairs has null groups: drawn as missing (NaN).
    const physical = meanStd(entry, 'physical')?.mean ?? NaN;
    const latentMean = meanStd(entry, 'latent')?.mean ?? NaN;
    betweenLevels.push({ levelA, levelB, physical, latent: latentMean });
  }
  const cosineByLevel: AnalysisData['cosineByLevel'] = [];
  for (const entry of jacobian?.objects('cosineToHaarByLevel') ?? []) {
    const level = entry.number('level', { required: true, min: 0 });
    // Mean |cos| over the level's latents; `mean` in files written before the field was renamed.
    const mean = entry.number(entry.has('mean') ? 'mean' : 'meanAbsoluteCosine', {
      required: true,
    });
    if (level !== undefined && mean !== undefined)
      cosineByLevel.push({ level, mean, latents: entry.number('latents') });
  }

  return {
    L,
    depth: fields.child('levels')?.number('depth', { min: 0 }),
    samples: sampling?.number('samples', { min: 0 }),
    backend: sampling?.string('backend'),
    density: sampling?.string('density'),
    essFraction: sampling?.number('essFraction', { min: 0 }),
    groupedBy: mi?.string('groupedBy'),
    pairs,
    byDistance: (mi?.objects('byDistance') ?? []).flatMap((g) => distanceGroup(g) ?? []),
    byLevel: (mi?.objects('byLevel') ?? []).flatMap((g) => levelGroup(g) ?? []),
    betweenLevels,
    latents: (jacobian?.objects('latents') ?? []).flatMap((entry) => latent(entry, sites) ?? []),
    cosineByLevel,
    versions: readVersions(fields),
  };
}
