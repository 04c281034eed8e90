export { renderReport } from './render-report';
export type { ReportOptions } from './render-report';
export { readRunFolder } from './inputs/read-run-folder';
export { INPUT_FILES } from './inputs/input-files';
export type { InputFileName } from './inputs/input-files';
export type { Problem } from './inputs/problem';
export type {
  AnalysisData,
  EstimatesData,
  MetricPoint,
  PngImage,
  RenormalisedFields,
  RunData,
  RunSummary,
  SamplersData,
} from './inputs/run-data';
export type { GeneratorInfo } from './sections/software';
export { escapeHtml } from './html/escape';
export { formatNumber, formatWithError } from './format-number';
