import * as fs from 'fs';
import type { StepMetrics } from '@neuralrg/trainer';
import { writeFileAtomic } from '@neuralrg/trainer';
import { RunError } from './errors';

/**
 * The complete lines of a metrics.jsonl text. A last line without its
 * newline was cut off by a crash mid-write and is left out.
 */
function completeLines(text: string): string[] {
  const lines = text.split('\n');
  lines.pop();
  return lines.filter((line) => line.trim() !== '');
}

/** One line of metrics.jsonl, as written and as parsed. */
interface MetricsLine {
  text: string;
  record: StepMetrics;
}

/**
 * Reads the lines of a metrics.jsonl file; none when it does not exist.
 *
 * @throws RunError naming the file and line when a complete line is not a
 *   JSON object with a numeric `step`.
 */
function readLines(file: string): MetricsLine[] {
  if (!fs.existsSync(file)) return [];
  return completeLines(fs.readFileSync(file, 'utf8')).map((line, i) => {
    let record: Partial<StepMetrics> | null = null;
    try {
      record = JSON.parse(line) as Partial<StepMetrics>;
    } catch {
      record = null;
    }
    if (record === null || typeof record !== 'object' || typeof record.step !== 'number') {
      throw new RunError(`metrics file ${file} line ${i + 1} is not a step record: '${line}'`);
    }
    return { text: line, record: record as StepMetrics };
  });
}

/** The step records of a metrics.jsonl file, in order. */
export function readMetrics(file: string): StepMetrics[] {
  return readLines(file).map((line) => line.record);
}

/** The per-step metrics of a run, one JSON object a line, appended as training goes. */
export class MetricsLog {
  private constructor(
    readonly file: string,
    private readonly fd: number,
  ) {}

  /** Starts the log of a new run. */
  static create(file: string): MetricsLog {
    return new MetricsLog(file, fs.openSync(file, 'a'));
  }

  /**
   * Opens the log of a resumed run after dropping every record past the
   * checkpoint's `step` (steps that are about to be trained again), so that
   * the log holds each step once.
   */
  static resumeAt(file: string, step: number): MetricsLog {
    const kept = readLines(file).filter((line) => line.record.step <= step);
    writeFileAtomic(file, kept.map((line) => `${line.text}\n`).join(''));
    return new MetricsLog(file, fs.openSync(file, 'a'));
  }

  append(metrics: StepMetrics): void {
    fs.writeSync(this.fd, `${JSON.stringify(metrics)}\n`);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
