import { Command, Option } from 'commander';
import { createCliContext } from './cliContext.js';
import type { CliIo, CliRun } from './cliIo.js';
import { CLI_VERSION } from './cliVersion.js';
import { analyzeCommand } from './commands/analyzeCommand.js';
import { askCommand } from './commands/askCommand.js';
import { auditCommand } from './commands/auditCommand.js';
import { configCommand } from './commands/configCommand.js';
import { dbCommand } from './commands/dbCommand.js';
import { generateCommand } from './commands/generateCommand.js';
import { reviewCommand } from './commands/reviewCommand.js';
import { simCommand } from './commands/simCommand.js';
import { usersCommand } from './commands/usersCommand.js';
import { validateCommand } from './commands/validateCommand.js';
import { versionCommand } from './commands/versionCommand.js';
import { EXIT_CODES_HELP } from './exitCodes.js';
import { ACCEPTED_OUTPUT_FORMATS, requestedFormat } from './globalOptions.js';
import { reportError } from './reportError.js';

const USAGE_HINT = 'Run `opspilot --help` (or `opspilot <command> --help`) for usage.';

/**
 * Builds the `opspilot` commander program writing to `io` instead of the process, so tests run it in-process.
 * It never exits: commander's exits become thrown `CommanderError`s (see {@link runCli}), and commands record
 * findings in `run.exitCode`. A new command is one file under `commands/`, registered here.
 */
export function buildProgram(io: CliIo, run: CliRun = { exitCode: 0 }): Command {
  const program = new Command('opspilot');
  program
    .description('opspilot: AI operations for Kubernetes fleets, with review, dry-run and an audit trail')
    .version(CLI_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(new Option('-o, --output <format>', 'output format').choices(ACCEPTED_OUTPUT_FORMATS).default('text'))
    .option('--kubeconfig <file>', 'kubeconfig file (overrides kube.kubeconfig and KUBECONFIG)')
    .option('--context <name>', 'kubeconfig context (overrides kube.context)')
    .option('-n, --namespace <ns>', 'namespace (overrides kube.namespace)')
    .option('--config <file>', 'configuration file (default ./opspilot.yaml)')
    .option('--no-color', 'disable colour (also NO_COLOR)')
    .addHelpText('afterAll', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (message) => {
        const text = message.replace(/^error:\s*/, '').trim();
        const color = program.opts().color !== false;
        reportError({ error_code: 'INPUT', message: text, hint: USAGE_HINT }, io, requestedFormat(program), color);
      },
    });

  const ctx = createCliContext(io, run);
  askCommand(program, ctx);
  analyzeCommand(program, ctx);
  auditCommand(program, ctx);
  configCommand(program, ctx);
  dbCommand(program, ctx);
  generateCommand(program, ctx);
  reviewCommand(program, ctx);
  simCommand(program, ctx);
  usersCommand(program, ctx);
  validateCommand(program, ctx);
  versionCommand(program, ctx);
  return program;
}
