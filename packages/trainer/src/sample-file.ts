import * as fs from 'fs';
import * as path from 'path';
import type { EnergyModel } from '@neuralrg/energies';
import { parseCsv } from './csv';
import { readHdf5 } from './hdf5';
import { parseNpy } from './npy';

/** Samples read from a file and checked against a model: rows x size, float32. */
export interface SampleFile {
  file: string;
  rows: number;
  size: number;
  values: Float32Array;
}

/** An HDF5 path with a dataset after a colon, e.g. 'runs.h5:chains/x'. */
const HDF5_WITH_DATASET = /^(.*\.(?:h5|hdf5|he5)):([^:]+)$/i;

/**
 * Reads samples from a .npy, .csv or HDF5 (.h5, .hdf5; `file.h5:DATASET`
 * names a dataset, needed when the file holds several) file, by
 * extension, and checks them against the model's layout: the array must have shape [n, ...shape] or
 * [n, size] (CSV: n lines of `size` values), n >= 1, every value finite.
 * Values are converted to float32, the precision of the flows.
 *
 * @throws Error naming the file when it is missing or unreadable;
 *   RangeError when its shape does not match, saying what was expected,
 *   or when a value is NaN or infinite.
 */
export function readSampleFile(file: string, model: Pick<EnergyModel, 'name' | 'shape' | 'size'>): SampleFile {
  const named = fs.existsSync(file) ? null : HDF5_WITH_DATASET.exec(file);
  const onDisk = named ? named[1] : file;
  if (!fs.existsSync(onDisk)) throw new Error(`data file ${onDisk} does not exist`);
  const extension = path.extname(onDisk).toLowerCase();
  let array;
  if (extension === '.npy') array = parseNpy(new Uint8Array(fs.readFileSync(file)), `data file ${file}`);
  else if (extension === '.csv' || extension === '.txt') {
    array = parseCsv(fs.readFileSync(file, 'utf8'), `data file ${file}`);
  } else if (['.h5', '.hdf5', '.he5'].includes(extension)) {
    array = readHdf5(onDisk, named?.[2]);
  } else {
    throw new Error(`data file ${file} has extension '${extension}'; expected .npy, .csv, .h5 or .hdf5`);
  }

  const { shape } = array;
  const size = model.size;
  const flat = shape.length === 2 && shape[1] === size;
  const full = shape.length === model.shape.length + 1 && model.shape.every((n, i) => shape[i + 1] === n);
  if (!(flat || full) || shape[0] < 1) {
    const expected =
      model.shape.length === 1
        ? `[n, ${size}]`
        : `[n, ${model.shape.join(', ')}] or [n, ${size}]`;
    throw new RangeError(
      `data file ${file} has shape [${shape.join(', ')}]; expected ${expected} with n >= 1 for ` +
        `energy '${model.name}' (configuration shape [${model.shape.join(', ')}])`,
    );
  }
  const rows = shape[0];
  const values = Float32Array.from(array.values.subarray(0, rows * size));
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(
        `data file ${file}: sample ${Math.floor(i / size)}, variable ${i % size} is ${array.values[i]} ` +
          '(not finite in float32)',
      );
    }
  }
  return { file, rows, size, values };
}
