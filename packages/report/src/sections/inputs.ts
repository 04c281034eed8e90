import { element, text } from '../svg/element';
import { INPUT_FILES } from '../inputs/input-files';
import type { RunData } from '../inputs/run-data';
import { table } from '../html/table';
import { paragraph, Section } from './section';

/** Which input files were found and, for the missing ones, the command that makes each. */
export function inputsSection(data: RunData): Section {
  const rows = INPUT_FILES.map(({ file, from }) => [
    file,
    data.present.includes(file) ? 'read' : data.missing.includes(file) ? 'missing' : 'unreadable',
    from,
  ]);
  return {
    id: 'inputs',
    title: 'Inputs',
    body: paragraph(`Run folder: ${data.folder}`) + table(['file', 'status', 'written by'], rows),
  };
}

/** Every problem met while reading the inputs; always present, so that "none" is said. */
export function problemsSection(data: RunData): Section {
  if (data.problems.length === 0) {
    return {
      id: 'problems',
      title: 'Problems',
      body: paragraph('None: every input file that exists was read in full.'),
    };
  }
  const items = data.problems.map((problem) =>
    element('li', {}, [element('code', {}, text(problem.file)), text(`: ${problem.message}`)]),
  );
  return {
    id: 'problems',
    title: `Problems (${data.problems.length})`,
    body:
      paragraph('These parts of the inputs were left out of the plots and tables above:') +
      element('ul', { class: 'problems' }, items),
  };
}
