import { configKeys, describeConfig } from '@opspilot/config';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { renderColumns } from '../renderOutput.js';

function valueAt(tree: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

/**
 * Registers `opspilot config show`: the effective configuration (file, environment and flags merged, defaults
 * filled in) with secrets masked. Text output is a table of key, value and the variable that sets it.
 */
export function configShowCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('show')
    .description('print the effective configuration, secrets masked')
    .action(async (_options: unknown, command: Command) => {
      const shown = describeConfig(await ctx.loadConfig(command));
      const c = ctx.colors(command);
      ctx.print(command, shown, (config) =>
        renderColumns([
          ['KEY', 'VALUE', 'ENV'].map((h) => c.bold(h)),
          ...configKeys.map((k) => {
            const value = valueAt(config, k.path);
            return [k.key, value === undefined ? c.dim('-') : String(value), c.dim(k.env)];
          }),
        ]),
      );
    });
}
