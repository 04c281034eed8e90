import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseCsv } from './csv';
import { encodeNpy, parseNpy } from './npy';
import { readSampleFile } from './sample-file';
import { SampleSet } from './sample-set';
import { Rng } from '@neuralrg/tensor';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neuralrg-data-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const lattice = { name: 'ising', shape: [2, 2], size: 4 };

function write(name: string, content: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** A version 2.0 header, as NumPy writes for very long headers. */
function npyVersion2(values: Float64Array, shape: number[]): Uint8Array {
  const header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${shape.join(', ')}), }`.padEnd(116) + '\n';
  const bytes = new Uint8Array(12 + header.length + values.byteLength);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 2, 0], 0);
  new DataView(bytes.buffer).setUint32(8, header.length, true);
  for (let i = 0; i < header.length; i++) bytes[12 + i] = header.charCodeAt(i);
  bytes.set(new Uint8Array(values.buffer), 12 + header.length);
  return bytes;
}

describe('.npy files', () => {
  test('float32 and float64 round trip, 64-byte aligned data', () => {
    const f32 = Float32Array.from([1.5, -2, 3.25, 4, 5, 6]);
    const bytes = encodeNpy(f32, [3, 2]);
    expect((bytes.length - f32.byteLength) % 64).toBe(0);
    const back = parseNpy(bytes, 'a.npy');
    expect(back.shape).toEqual([3, 2]);
    expect(back.values).toBeInstanceOf(Float32Array);
    expect(Array.from(back.values)).toEqual(Array.from(f32));

    const f64 = Float64Array.from([Math.PI, -1e-300, 7]);
    const one = parseNpy(encodeNpy(f64, [3]), 'b.npy');
    expect(one.shape).toEqual([3]);
    expect(Array.from(one.values)).toEqual(Array.from(f64));

    const v2 = parseNpy(npyVersion2(Float64Array.from([1, 2, 3, 4]), [1, 2, 2]), 'c.npy');
    expect(v2.shape).toEqual([1, 2, 2]);
    expect(Array.from(v2.values)).toEqual([1, 2, 3, 4]);
  });

  test('reads a Node Buffer that shares its memory, as fs.readFileSync returns', () => {
    const f32 = Float32Array.from([0.5, -1, 2, 8]);
    const file = encodeNpy(f32, [2, 2]);
    // A Buffer whose bytes start 3 bytes into a larger ArrayBuffer, like a
    // small file read into Node's shared pool.
    const pool = Buffer.alloc(file.length + 3, 0xff);
    pool.set(file, 3);
    const buffer = pool.subarray(3);
    expect(buffer.byteOffset).toBe(3);
    expect(Array.from(parseNpy(buffer, 'pooled.npy').values)).toEqual([0.5, -1, 2, 8]);
    const written = path.join(dir, 'read-back.npy');
    fs.writeFileSync(written, file);
    expect(Array.from(parseNpy(fs.readFileSync(written), written).values)).toEqual([0.5, -1, 2, 8]);
  });

  test('rejects other dtypes, big-endian, Fortran order, truncation and non-npy', () => {
    const good = encodeNpy(Float32Array.from([1, 2]), [2]);
    const text = new TextDecoder('latin1').decode(good);
    const variant = (from: string, to: string): Uint8Array =>
      Uint8Array.from(text.replace(from, to), (c) => c.charCodeAt(0));
    expect(() => parseNpy(variant("'<f4'", "'>f4'"), 'x.npy')).toThrow(
      "x.npy: dtype '>f4' is not supported; expected little-endian float32 ('<f4') or float64 ('<f8')",
    );
    expect(() => parseNpy(variant("'<f4'", "'<i4'"), 'x.npy')).toThrow("dtype '<i4' is not supported");
    expect(() => parseNpy(variant('False', 'True '), 'x.npy')).toThrow(/Fortran-ordered arrays are not supported/);
    expect(() => parseNpy(good.subarray(0, good.length - 1), 'x.npy')).toThrow(
      'x.npy: shape (2) needs 8 bytes of data, the file has 7',
    );
    expect(() => parseNpy(new TextEncoder().encode('1,2,3\n'), 'x.npy')).toThrow(/is not a .npy file/);
  });
});

describe('CSV files', () => {
  test('reads rows with any separator, skipping a header, comments and blank lines', () => {
    const parsed = parseCsv('x0,x1,x2\n# comment\n1, 2 ,3\n\n4;5;6\n7 8\t9\n', 'a.csv');
    expect(parsed.shape).toEqual([3, 3]);
    expect(Array.from(parsed.values)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('rejects ragged rows and non-numbers after the first line', () => {
    expect(() => parseCsv('1,2\n3\n', 'a.csv')).toThrow('a.csv: line 2 has 1 values, the first data line has 2');
    expect(() => parseCsv('1,2\n3,x\n', 'a.csv')).toThrow("a.csv: line 2, column 2 is not a number: 'x'");
    expect(() => parseCsv('a,b\n', 'a.csv')).toThrow('a.csv holds no data rows');
  });
});

describe('readSampleFile', () => {
  test('accepts [n, ...shape] and [n, size], from .npy and .csv', () => {
    const values = Float32Array.from({ length: 12 }, (_, i) => i / 4);
    for (const shape of [[3, 2, 2], [3, 4]]) {
      const file = write(`ok-${shape.length}.npy`, encodeNpy(values, shape));
      const read = readSampleFile(file, lattice);
      expect(read.rows).toBe(3);
      expect(Array.from(read.values)).toEqual(Array.from(values));
    }
    const csv = write('ok.csv', '0,1,2,3\n4,5,6,7\n');
    expect(readSampleFile(csv, lattice).rows).toBe(2);
  });

  test('says what shape was expected when it does not match', () => {
    const file = write('bad.npy', encodeNpy(new Float32Array(18), [2, 3, 3]));
    expect(() => readSampleFile(file, lattice)).toThrow(
      `data file ${file} has shape [2, 3, 3]; expected [n, 2, 2] or [n, 4] with n >= 1 for energy ` +
        "'ising' (configuration shape [2, 2])",
    );
    const csv = write('bad.csv', '1,2,3\n');
    expect(() => readSampleFile(csv, { name: 'ring', shape: [2], size: 2 })).toThrow(
      /has shape \[1, 3\]; expected \[n, 2\] with n >= 1 for energy 'ring'/,
    );
    const nan = write('nan.csv', '1,2,3,nan\n');
    expect(() => readSampleFile(nan, lattice)).toThrow(/sample 0, variable 3 is NaN/);
    expect(() => readSampleFile(path.join(dir, 'absent.npy'), lattice)).toThrow(/does not exist/);
    const other = write('data.parquet', 'x');
    expect(() => readSampleFile(other, lattice)).toThrow("has extension '.parquet'; expected .npy, .csv, .h5 or .hdf5");
  });
});

describe('SampleSet', () => {
  test('splits by a seeded shuffle, keeping every row once', () => {
    const rows = 50;
    const values = Float32Array.from({ length: rows * 2 }, (_, i) => Math.floor(i / 2));
    const source = { file: 'f', rows, size: 2, values };
    const set = new SampleSet(source, 0.2, 7);
    expect(set.heldOutRows).toBe(10);
    expect(set.trainRows).toBe(40);
    const seen = [...set.heldOut, ...set.train].filter((_, i) => i % 2 === 0).sort((a, b) => a - b);
    expect(seen).toEqual(Array.from({ length: rows }, (_, i) => i));
    expect(Array.from(new SampleSet(source, 0.2, 7).heldOut)).toEqual(Array.from(set.heldOut));
    const batch = set.minibatch(8, new Rng(1));
    expect(batch.length).toBe(16);
    for (let b = 0; b < 8; b++) expect(batch[2 * b]).toBe(batch[2 * b + 1]);
    // One row keeps itself for training.
    expect(new SampleSet({ ...source, rows: 1, values: values.subarray(0, 2) }, 0.5, 1).trainRows).toBe(1);
  });
});

describe('HDF5 files', () => {
  // Written by h5py (tools/make-hdf5-fixtures.py), a writer independent of
  // the reader, next to .npy copies of the same arrays.
  const fixture = (name: string) => path.join(__dirname, '..', 'test-data', name);

  test('the only dataset of a file is read, float64 and contiguous', () => {
    const h5 = readSampleFile(fixture('single.h5'), lattice);
    const npy = readSampleFile(fixture('single.npy'), lattice);
    expect(h5.rows).toBe(40);
    expect(h5.values).toEqual(npy.values);
  });

  test('a named dataset in a group, float32, chunked and gzip-compressed', () => {
    const h5 = readSampleFile(`${fixture('several.h5')}:runs/hot`, lattice);
    const npy = readSampleFile(fixture('several-hot.npy'), lattice);
    expect(h5.rows).toBe(40);
    expect(h5.values).toEqual(npy.values);
    expect(readSampleFile(`${fixture('several.h5')}:/runs/cold`, lattice).rows).toBe(3);
  });

  test('several datasets without a name, a missing one, a bad shape and a non-HDF5 file are named', () => {
    expect(() => readSampleFile(fixture('several.h5'), lattice)).toThrow(
      /holds 3 datasets \(labels, runs\/cold, runs\/hot\); name one as .*several\.h5:DATASET/,
    );
    expect(() => readSampleFile(`${fixture('several.h5')}:runs/warm`, lattice)).toThrow(
      /has no dataset 'runs\/warm'; it holds labels, runs\/cold, runs\/hot/,
    );
    expect(() => readSampleFile(`${fixture('several.h5')}:labels`, lattice)).toThrow(/has shape \[40\]; expected \[n, 2, 2\] or \[n, 4\]/);
    const fake = write('fake.h5', 'not an HDF5 file at all, just text that is long enough to look at');
    expect(() => readSampleFile(fake, lattice)).toThrow(/fake\.h5 is not a readable HDF5 file/);
    expect(() => readSampleFile(path.join(dir, 'absent.h5:x'), lattice)).toThrow(/absent\.h5 does not exist/);
  });
});
