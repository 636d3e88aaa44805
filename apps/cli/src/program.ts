import { Command, Help, Option } from 'commander';
import type { CliIo, CliRun } from './cliIo.js';
import { CLI_VERSION } from './cliVersion.js';
import { COMMAND_CATALOG, type CommandEntry, type LoadedCommand } from './commandCatalog.js';
import { EXIT_CODES_HELP } from './exitCodes.js';
import { COMMAND_LINE_OUTPUT_FORMATS, requestedFormat } from './outputFormats.js';
import { reportError } from './reportError.js';

const USAGE_HINT = 'Run `opspilot --help` (or `opspilot <command> --help`) for usage.';

/**
 * A stand-in for a command whose module is not loaded: enough for `opspilot --help` to list it. {@link runCli}
 * loads every command named in the arguments, so a stand-in never runs.
 */
function stubCommand(parent: Command, entry: CommandEntry): Command {
  return parent
    .command(entry.name)
    .description(entry.description)
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new Error(`the ${entry.name} command was not loaded`);
    });
}

/**
 * Builds the `opspilot` commander program writing to `io` instead of the process, so tests run it in-process.
 * It never exits: commander's exits become thrown `CommanderError`s (see {@link runCli}), and commands record
 * findings in `run.exitCode`. `commands` holds the loaded commands (see {@link loadCommands}); the others are
 * listed in `--help` only, from the catalog, so their modules (and zod, the configuration…) are not loaded. A
 * new command is one file under `commands/`, listed in `COMMAND_CATALOG`.
 *
 * @example
 * const program = buildProgram(io, run, await loadCommands(argv));
 */
export function buildProgram(
  io: CliIo,
  run: CliRun = { exitCode: 0 },
  commands: ReadonlyMap<string, LoadedCommand> = new Map(),
): Command {
  const stubTerms = new Map<Command, string>();
  const defaultHelp = new Help();
  const program = new Command('opspilot');
  program
    .description('opspilot: AI operations for Kubernetes fleets, with review, dry-run and an audit trail')
    .version(CLI_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(
      new Option('-o, --output <format>', 'output format').choices(COMMAND_LINE_OUTPUT_FORMATS).default('text'),
    )
    .option('--kubeconfig <file>', 'kubeconfig file (overrides kube.kubeconfig and KUBECONFIG)')
    .option('--context <name>', 'kubeconfig context (overrides kube.context)')
    .option('-n, --namespace <ns>', 'namespace (overrides kube.namespace)')
    .option('--config <file>', 'configuration file (default ./opspilot.yaml)')
    .option('--no-color', 'disable colour (also NO_COLOR)')
    .addHelpText('afterAll', EXIT_CODES_HELP)
    .exitOverride()
    .configureHelp({ subcommandTerm: (cmd) => stubTerms.get(cmd) ?? defaultHelp.subcommandTerm(cmd) })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (message) => {
        const text = message.replace(/^error:\s*/, '').trim();
        const color = program.opts().color !== false;
        reportError({ error_code: 'INPUT', message: text, hint: USAGE_HINT }, io, requestedFormat(program), color);
      },
    });

  for (const entry of COMMAND_CATALOG) {
    const register = commands.get(entry.name);
    if (register) register(program, io, run);
    else stubTerms.set(stubCommand(program, entry), entry.term);
  }
  return program;
}
