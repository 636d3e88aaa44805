import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG_FILE } from '@opspilot/config';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';

/** What `opspilot config validate` prints when the configuration is valid. */
export interface ConfigValidation {
  valid: true;
  /** Absolute path of the file that was read, or null when only defaults and the environment apply. */
  file: string | null;
}

/**
 * Registers `opspilot config validate`: exits 0 when the configuration (from `--config`, `./opspilot.yaml` and the
 * environment) is valid; otherwise the config error lists every problem and the exit code is 2.
 */
export function configValidateCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('validate')
    .description('check the configuration file and environment; exit 2 listing every problem')
    .action(async (_options: unknown, command: Command) => {
      await ctx.loadConfig(command);
      const named = ctx.options(command).config ?? (ctx.io.env.OPSPILOT_CONFIG || undefined);
      const file = resolve(ctx.io.cwd, named ?? DEFAULT_CONFIG_FILE);
      const result: ConfigValidation = { valid: true, file: named !== undefined || existsSync(file) ? file : null };
      ctx.print(
        command,
        result,
        (r) => `configuration is valid${r.file ? ` (${r.file})` : ' (defaults and environment)'}`,
      );
    });
}
