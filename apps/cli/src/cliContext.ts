import type { ConfigSetting, OpspilotConfig } from '@opspilot/config';
import type { Command } from 'commander';
import { type Colors, cliColors } from './cliColors.js';
import type { CliIo, CliRun } from './cliIo.js';
import type { GlobalOptions } from './globalOptions.js';
import { globalOptionsOf } from './globalOptionsOf.js';
import { renderOutput, type TextRenderer } from './renderOutput.js';

/** What every command receives: the process streams, the run outcome and helpers honouring the global options. */
export interface CliContext {
  io: CliIo;
  run: CliRun;
  /** The validated global options for the running command. */
  options(command: Command): GlobalOptions;
  /** Colours for stdout (off unless it is a TTY, `NO_COLOR` is unset and `--no-color` was not given). */
  colors(command: Command): Colors;
  /** Writes `data` to stdout in the `--output` format; `text` renders it for humans. */
  print<T>(command: Command, data: T, text?: TextRenderer<T>): void;
  /** The effective configuration: `--config` file, environment, then `--kubeconfig`/`--context`/`--namespace`. */
  loadConfig(command: Command): Promise<OpspilotConfig>;
}

const FLAG_KEYS = [
  ['kubeconfig', 'kube.kubeconfig'],
  ['context', 'kube.context'],
  ['namespace', 'kube.namespace'],
] as const;

/** Builds the {@link CliContext} shared by the commands of one program. */
export function createCliContext(io: CliIo, run: CliRun): CliContext {
  return {
    io,
    run,
    options: globalOptionsOf,
    colors: (command) => cliColors(io.stdout, io.env, globalOptionsOf(command).color),
    print(command, data, text) {
      io.stdout.write(renderOutput(data, globalOptionsOf(command).output, text));
    },
    async loadConfig(command) {
      const options = globalOptionsOf(command);
      const overrides: ConfigSetting[] = [];
      for (const [flag, key] of FLAG_KEYS) {
        const value = options[flag];
        if (value !== undefined) overrides.push({ key, value, source: `--${flag}` });
      }
      // Loaded here, not at start: `opspilot version` and other commands without configuration never pay for it.
      const { loadConfig } = await import('@opspilot/config');
      return loadConfig({ file: options.config, env: io.env, cwd: io.cwd, overrides });
    },
  };
}
