import * as fs from 'fs';
import * as path from 'path';
import { INPUT_FILES } from '@neuralrg/report';

/**
 * A fingerprint of a run folder's input files: size and modification time
 * of each (or "absent"). It changes whenever training appends a step or a
 * command writes or replaces a file (atomic writes replace the file, so
 * its time changes too).
 */
export function inputSignature(folder: string): string {
  // checkpoint.json too: the renormalised variables come from the flow it holds.
  return [...INPUT_FILES.map(({ file }) => file as string), 'checkpoint.json']
    .map((file) => {
      try {
        const stat = fs.statSync(path.join(folder, file));
        return `${file}:${stat.size}:${stat.mtimeMs}`;
      } catch {
        return `${file}:absent`;
      }
    })
    .join('|');
}
