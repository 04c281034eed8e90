import { page } from './html/page';
import type { RenormalisedFields, RunData } from './inputs/run-data';
import { configurationSection } from './sections/configuration';
import { informationSection } from './sections/information';
import { inputsSection, problemsSection } from './sections/inputs';
import { jacobianSection } from './sections/jacobians';
import { observablesSection } from './sections/observables';
import { renormalisedSection } from './sections/renormalised';
import { samplersSection } from './sections/samplers';
import { samplesSection } from './sections/samples';
import type { Section } from './sections/section';
import { GeneratorInfo, softwareSection } from './sections/software';
import { summarySection } from './sections/summary';
import { trainingSection } from './sections/training';

/** Options of {@link renderReport}. */
export interface ReportOptions {
  /** When the report is written; shown in the header. Now by default. */
  generatedAt?: Date;
  /**
   * Seconds after which the page reloads itself, for a report that is
   * rewritten while a run goes on (`neuralrg report --watch`). Leave
   * undefined for a finished report: it then never reloads.
   */
  refreshSeconds?: number;
  /** Versions of the program writing the report. */
  generator?: GeneratorInfo;
  /** Renormalised variables at each scale, computed from the flow by the caller. */
  renormalised?: RenormalisedFields;
}

function describeRun(data: RunData): string {
  const energy = data.config?.energy;
  if (energy === null || typeof energy !== 'object')
    return 'energy: unknown (no readable config.json)';
  const parts = Object.entries(energy as Record<string, unknown>).map(([key, value]) =>
    key === 'name'
      ? String(value)
      : `${key} = ${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
  return parts.join(', ');
}

function progress(data: RunData): string {
  const last = data.metrics[data.metrics.length - 1];
  const epochs = typeof data.config?.epochs === 'number' ? data.config.epochs : undefined;
  const step =
    last === undefined
      ? 'no steps yet'
      : `step ${last.step}${epochs === undefined ? '' : ` of ${epochs}`}`;
  const state = data.summary === undefined ? 'training not finished (no summary.json)' : 'finished';
  return `${step}; ${state}`;
}

/**
 * The report of a run as one self-contained HTML document: every plot
 * the run's data supports (inline SVG, the sample grid as a data: PNG),
 * the summary numbers with error bars, the config, the software versions
 * and backend, the inputs found and the problems met reading them. No
 * script, no external resource: a Content-Security-Policy forbids both.
 * Every string from the run folder is escaped.
 */
export function renderReport(data: RunData, options: ReportOptions = {}): string {
  const generatedAt = options.generatedAt ?? new Date();
  const sections: Section[] = [
    summarySection(data),
    trainingSection(data),
    samplesSection(data),
    renormalisedSection(options.renormalised),
    observablesSection(data),
    informationSection(data),
    jacobianSection(data),
    samplersSection(data),
    configurationSection(data),
    softwareSection(data, options.generator),
    inputsSection(data),
    problemsSection(data),
  ].filter((section): section is Section => section !== undefined);
  return page(
    {
      title: `neuralrg run ${data.name}`,
      subtitle: [describeRun(data), progress(data), `Report written ${generatedAt.toISOString()}`],
      refreshSeconds: options.refreshSeconds,
    },
    sections,
  );
}
