import type { Analysis } from './analysis-schema';

/**
 * analysis-pairs.csv: one line per pair of sites,
 * site_a,site_b,row_a,col_a,row_b,col_b,euclidean_distance,
 * manhattan_distance,level_a,level_b,mi_physical,mi_latent.
 */
export function pairsCsv(analysis: Analysis): string {
  const L = analysis.lattice.L;
  const lines = [
    'site_a,site_b,row_a,col_a,row_b,col_b,euclidean_distance,manhattan_distance,' +
      'level_a,level_b,mi_physical,mi_latent',
  ];
  for (const p of analysis.mutualInformation.pairs) {
    lines.push(
      [
        p.siteA,
        p.siteB,
        Math.floor(p.siteA / L),
        p.siteA % L,
        Math.floor(p.siteB / L),
        p.siteB % L,
        p.euclideanDistance,
        p.manhattanDistance,
        p.levelA,
        p.levelB,
        p.physical,
        p.latent,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * analysis-jacobian.csv: one line per latent site and physical site,
 * latent_site,latent_row,latent_col,level,band,block_row,block_col,
 * physical_site,physical_row,physical_col,jacobian_mean,jacobian_std,haar.
 */
export function jacobianCsv(analysis: Analysis): string {
  const L = analysis.lattice.L;
  const lines = [
    'latent_site,latent_row,latent_col,level,band,block_row,block_col,' +
      'physical_site,physical_row,physical_col,jacobian_mean,jacobian_std,haar',
  ];
  for (const e of analysis.jacobian.latents) {
    for (let t = 0; t < e.mean.length; t++) {
      lines.push(
        [
          e.site,
          e.row,
          e.col,
          e.level,
          e.band,
          e.blockRow,
          e.blockCol,
          t,
          Math.floor(t / L),
          t % L,
          e.mean[t],
          e.std[t],
          e.haar[t],
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
