import { maskDatabaseUrl } from '@opspilot/store';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';

/** Registers `opspilot db migrate`: applies pending migrations to the configured database. */
export function dbCommand(parent: Command, ctx: CliContext): Command {
  const group = parent.command('db').description('manage the opspilot database');
  group
    .command('migrate')
    .description('apply pending migrations to the configured database (SQLite or PostgreSQL)')
    .action(async (_options: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      const result = await withStore(
        config,
        ctx.io.cwd,
        async (store) => ({ dialect: store.dialect, ...(await store.migrate()) }),
        false,
      );
      const database = config.database.url ? maskDatabaseUrl(config.database.url) : config.database.sqlite_path;
      ctx.print(command, { ...result, database }, (r) =>
        r.applied.length === 0
          ? `${r.database} (${r.dialect}) is up to date\n`
          : `${r.database} (${r.dialect}): applied ${r.applied.join(', ')}\n`,
      );
    });
  return group;
}
