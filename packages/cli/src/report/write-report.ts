import * as fs from 'fs';
import * as path from 'path';
import { readRunFolder, renderReport } from '@neuralrg/report';
import type { Problem, RenormalisedFields, RunData } from '@neuralrg/report';
import type { BackendName } from '@neuralrg/tensor';
import { writeFileAtomic } from '@neuralrg/trainer';
import { RunError, oneLine } from '../errors';
import { loadTrainedRun } from '../estimate/load-run';
import { startBackend } from '../start-backend';
import { packageVersion } from '../versions';
import { renormalisedFields } from './renormalised-fields';
import type { ReportPlan } from './report-plan';

/** What one rendering of the report found. */
export interface WrittenReport {
  file: string;
  problems: Problem[];
  /** Steps recorded in metrics.jsonl. */
  steps: number;
}

/**
 * State kept between the renderings of one `neuralrg report` call: the
 * tensor backend is started once, and the flow's renormalised variables
 * are computed again only when checkpoint.json changes.
 */
export interface ReportSession {
  backendStarted: boolean;
  backend?: BackendName;
  checkpointSignature?: string;
  renormalised?: RenormalisedFields;
  flowProblem?: string;
}

export function newReportSession(): ReportSession {
  return { backendStarted: false };
}

/** Size and time of checkpoint.json, or undefined when there is none. */
function checkpointSignature(folder: string): string | undefined {
  try {
    const stat = fs.statSync(path.join(folder, 'checkpoint.json'));
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** The run's own backend when it is a built-in one, else wasm: the figure does not need a native one. */
function backendFor(data: RunData): BackendName {
  const backend = data.config?.backend;
  return backend === 'cpu' || backend === 'wasm' ? backend : 'wasm';
}

/**
 * The renormalised variables of the run's flow, recomputed when
 * checkpoint.json changed; a failure (a corrupt checkpoint, an energy or
 * layer that cannot be rebuilt) becomes a problem of the page, not an error.
 */
async function flowFields(data: RunData, session: ReportSession): Promise<void> {
  const signature = checkpointSignature(data.folder);
  if (signature === session.checkpointSignature) return;
  session.checkpointSignature = signature;
  session.renormalised = undefined;
  session.flowProblem = undefined;
  if (signature === undefined) return;
  try {
    if (!session.backendStarted) {
      session.backend = backendFor(data);
      await startBackend(session.backend);
      session.backendStarted = true;
    }
    const run = loadTrainedRun(data.folder);
    try {
      session.renormalised = renormalisedFields(run);
    } finally {
      run.dispose();
    }
  } catch (error) {
    session.flowProblem = `the flow could not be loaded for the renormalised variables: ${oneLine(error)}`;
  }
}

/**
 * Reads the run folder, renders its report and writes it atomically to
 * plan.out (a reader never sees half a page). `live` adds the page's
 * self-reload, for watch mode. With plan.flow, the flow is loaded from
 * checkpoint.json for the renormalised-variables figure.
 *
 * @throws RunError when the folder does not exist or holds no config.json.
 */
export async function writeReport(
  plan: ReportPlan,
  live: boolean,
  session: ReportSession,
): Promise<WrittenReport> {
  let data: RunData;
  try {
    data = readRunFolder(plan.folder);
  } catch (error) {
    throw new RunError((error as Error).message);
  }
  if (!fs.existsSync(path.join(plan.folder, 'config.json'))) {
    throw new RunError(
      `${plan.folder} is not a run folder: it has no config.json (neuralrg train writes one)`,
    );
  }
  if (plan.flow) {
    await flowFields(data, session);
    if (session.flowProblem !== undefined)
      data.problems.push({ file: 'checkpoint.json', message: session.flowProblem });
  }
  const html = renderReport(data, {
    refreshSeconds: live ? Math.max(2, plan.intervalSeconds) : undefined,
    generator: {
      versions: { node: process.version, neuralrg: packageVersion() },
      backend: plan.flow && session.backendStarted ? session.backend : undefined,
    },
    renormalised: plan.flow ? session.renormalised : undefined,
  });
  writeFileAtomic(plan.out, html);
  return { file: plan.out, problems: data.problems, steps: data.metrics.length };
}

/** The warning lines for a report's problems, one per problem. */
export function problemLines(problems: readonly Problem[]): string {
  return problems
    .map((problem) => `neuralrg: warning: ${problem.file}: ${problem.message}\n`)
    .join('');
}
