import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { configShowCommand } from './configShowCommand.js';
import { configValidateCommand } from './configValidateCommand.js';

/** Registers the `opspilot config` group: `show` and `validate`. */
export function configCommand(parent: Command, ctx: CliContext): Command {
  const group = parent.command('config').description('inspect and check the opspilot configuration');
  configShowCommand(group, ctx);
  configValidateCommand(group, ctx);
  return group;
}
