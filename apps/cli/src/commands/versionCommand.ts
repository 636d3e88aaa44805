import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { CLI_VERSION } from '../cliVersion.js';

/** What `opspilot version` reports. */
export interface VersionInfo {
  name: 'opspilot';
  version: string;
  node: string;
  platform: string;
}

/** Registers `opspilot version`: the CLI version and its runtime, in any `--output` format. */
export function versionCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('version')
    .description('print the version of opspilot and its runtime')
    .action((_options: unknown, command: Command) => {
      const info: VersionInfo = {
        name: 'opspilot',
        version: CLI_VERSION,
        node: process.version,
        platform: `${process.platform}/${process.arch}`,
      };
      ctx.print(command, info, (v) => `${v.name} ${v.version} (node ${v.node}, ${v.platform})`);
    });
}
