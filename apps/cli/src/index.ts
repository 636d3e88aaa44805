/**
 * @opspilot/cli — the `opspilot` command. `bin/opspilot.js` runs the compiled `dist/main.js` (or `src/main.ts`);
 * tests drive {@link buildProgram} or {@link runCli} in-process with injected streams.
 */
export { type CliContext, createCliContext } from './cliContext.js';
export type { CliIo, CliRun, OutputStream } from './cliIo.js';
export {
  COMMAND_CATALOG,
  type CommandEntry,
  type CommandRegistrar,
  type LoadedCommand,
  loadCommands,
} from './commandCatalog.js';
export { EXIT_CODES } from './exitCodes.js';
export { GlobalOptions, OUTPUT_FORMATS, type OutputFormat } from './globalOptions.js';
export { buildProgram } from './program.js';
export { renderColumns, renderOutput, type TextRenderer } from './renderOutput.js';
export { runCli } from './runCli.js';
