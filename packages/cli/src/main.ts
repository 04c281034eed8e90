import { Command, CommanderError } from 'commander';
import { addAnalyzeCommand } from './commands/analyze';
import { addCompareSamplersCommand } from './commands/compare-samplers';
import { addDatasetCommand } from './commands/dataset';
import { addEstimateCommand } from './commands/estimate';
import { addExactCommand } from './commands/exact';
import { addReportCommand } from './commands/report';
import { addSampleCommand } from './commands/sample';
import { addTrainCommand } from './commands/train';
import type { CommandContext } from './commands/context';
import { EXIT, errorLine, exitCodeOf, oneLine } from './errors';
import { CliIo, processIo } from './io';
import { packageVersion } from './versions';

/** The root command with its subcommands; commander never exits the process. */
function buildProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('neuralrg');
  program
    .description(
      'Neural network renormalization group: train a hierarchical flow on the 2D Ising model',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true);
  addTrainCommand(program, context);
  addExactCommand(program, context);
  addReportCommand(program, context);
  addAnalyzeCommand(program, context);
  addEstimateCommand(program, context);
  addSampleCommand(program, context);
  addCompareSamplersCommand(program, context);
  addDatasetCommand(program, context);
  return program;
}

/**
 * Runs the neuralrg command line and returns its exit code: 0 on success,
 * 1 for a runtime failure, 2 for a usage error, 130 after Ctrl-C. Every
 * error becomes one line `neuralrg: error: ...` on stderr. Never calls
 * process.exit, so that tests can run it in-process.
 *
 * @param argv - as process.argv: the node binary, the script, then the arguments.
 * @param io - where to write; the process's streams by default.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const context: CommandContext = { io, setExitCode: (code) => (exitCode = code) };
  const program = buildProgram(context);
  const args = argv.slice(2);

  if (args.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version output end with exit code 0; anything else is a usage error.
      if (error.exitCode === 0) return EXIT.ok;
      io.stderr.write(errorLine(oneLine(error).replace(/^error: /, '')));
      return EXIT.usage;
    }
    io.stderr.write(errorLine(oneLine(error)));
    return exitCodeOf(error);
  }
}
