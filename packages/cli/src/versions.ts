import * as fs from 'fs';
import * as path from 'path';
import { tf } from '@neuralrg/tensor';

/**
 * The version of this package, from its package.json (one folder above
 * both src/ and dist/).
 */
export function packageVersion(): string {
  const file = path.join(__dirname, '..', 'package.json');
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : 'unknown';
}

/** Versions that a result depends on, for summary.json. */
export interface Versions {
  node: string;
  neuralrg: string;
  tfjs: string;
}

export function versions(): Versions {
  const tfVersions = tf.version as Record<string, string>;
  return {
    node: process.version,
    neuralrg: packageVersion(),
    tfjs: tfVersions.tfjs ?? tfVersions['tfjs-core'] ?? 'unknown',
  };
}
