import { CommanderError } from 'commander';
import type { CliIo, CliRun } from './cliIo.js';
import { loadCommands } from './commandCatalog.js';
import { EXIT_CODES } from './exitCodes.js';
import { requestedFormat } from './outputFormats.js';
import { buildProgram } from './program.js';
import { reportError } from './reportError.js';

/**
 * Runs `opspilot` with `argv` (the arguments after the command name) and returns the exit code: 0 ok, 1 findings
 * or refused, 2 usage or runtime error. Typed errors map through `exitCodeOf`; usage errors (reported by commander)
 * are 2; `--help` and `--version` are 0. Only the modules of the commands named in `argv` are imported (and
 * @opspilot/core only when a command fails).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const run: CliRun = { exitCode: EXIT_CODES.ok };
  const program = buildProgram(io, run, await loadCommands(argv));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return run.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.error;
    const { errorOutputOf, exitCodeOf } = await import('./errorOutput.js');
    reportError(errorOutputOf(error), io, requestedFormat(program), program.opts().color !== false);
    return exitCodeOf(error);
  }
}
