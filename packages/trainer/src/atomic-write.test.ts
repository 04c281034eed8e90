import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomic } from './checkpoint';

describe('writeFileAtomic', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neuralrg-atomic-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes text and bytes, replacing the file whole', () => {
    const file = path.join(dir, 'nested', 'a.bin');
    writeFileAtomic(file, 'first version');
    writeFileAtomic(file, Uint8Array.from([1, 2, 3]));
    expect(Array.from(fs.readFileSync(file))).toEqual([1, 2, 3]);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['a.bin']);
  });

  test('a failed rename (a folder in the way) throws, keeps the folder and leaves no temporary file', () => {
    const blocked = path.join(dir, 'blocked');
    fs.mkdirSync(path.join(blocked, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(blocked, 'text')).toThrow();
    expect(fs.statSync(blocked).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
