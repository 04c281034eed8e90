import * as fs from 'fs';
import * as path from 'path';

/**
 * Writes binary `bytes` to `file` the way the trainer's writeFileAtomic
 * writes text: into a synced temporary file beside it, then renamed over
 * the target, so that a crash never leaves a half-written file.
 */
export function writeBytesAtomic(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(temporary, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
}
