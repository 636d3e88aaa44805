import { createJobQueue } from '@opspilot/jobs';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';

const Limit = z.coerce.number().int().min(1, 'must be 1 or more').max(500, 'must be at most 500');

/** Shortens an error message to one table cell. */
const cell = (text: string, width = 60) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
};

/**
 * Registers `opspilot jobs parked` (background jobs parked after every attempt failed, from the queue `jobs.queue`
 * selects, newest first) and `opspilot jobs leases` (which server process watches which cluster), both with
 * `-o json|yaml`. With the in-process queue, parked jobs live in the server process: see `GET /api/v1/jobs/parked`.
 */
export function jobsCommand(parent: Command, ctx: CliContext): Command {
  const group = parent
    .command('jobs')
    .description('background jobs: those parked after failing, and which server watches which cluster');
  group
    .command('parked')
    .description('list jobs parked after every attempt failed, newest first')
    .option('--limit <n>', 'at most this many (1-500)', '50')
    .action(async (raw: { limit: string }, command: Command) => {
      const limit = Limit.safeParse(raw.limit);
      if (!limit.success) {
        command.error(`--limit ${limit.error.issues[0]?.message}`);
        return;
      }
      const config = await ctx.loadConfig(command);
      if (config.jobs.queue === 'memory') {
        ctx.io.stderr.write(
          'jobs.queue is memory: parked jobs are kept by the server process (GET /api/v1/jobs/parked)\n',
        );
      }
      const queue = await createJobQueue({
        ...config.jobs,
        database_url: config.database.url,
        events_redis_url: config.events.redis_url,
      });
      const items = await queue.parked({ limit: limit.data }).finally(() => queue.close());
      ctx.print(command, { apiVersion: 'v1', kind: 'ParkedJobList', queue: queue.kind, items }, (list) =>
        list.items.length === 0
          ? 'No parked jobs.\n'
          : `${renderColumns([
              ['NAME', 'ID', 'ATTEMPTS', 'PARKED', 'ERROR'],
              ...list.items.map((j) => [j.name, j.id, String(j.attempts), j.failed_at ?? '-', cell(j.error)]),
            ])}\n`,
      );
    });
  group
    .command('leases')
    .description('list which server process watches which cluster (several servers sharing the database)')
    .action(async (_options: unknown, command: Command) => {
      const rows = await withStore(await ctx.loadConfig(command), ctx.io.cwd, async (store) => {
        const leases = (await store.db
          .selectFrom('watcher_leases' as never)
          .selectAll()
          .execute()) as unknown as { cluster_id: string; owner: string; expires_at: number | string }[];
        const names = new Map<string, string>();
        for (const lease of leases)
          names.set(lease.cluster_id, (await store.clusters.find(lease.cluster_id))?.name ?? '-');
        return leases.map((l) => ({
          cluster_id: l.cluster_id,
          cluster: names.get(l.cluster_id) ?? '-',
          owner: l.owner,
          expires_at: new Date(Number(l.expires_at)).toISOString(),
        }));
      });
      ctx.print(command, { apiVersion: 'v1', kind: 'WatcherLeaseList', items: rows }, (list) =>
        list.items.length === 0
          ? 'No leases: one server watches every cluster (jobs.queue memory), or none runs.\n'
          : `${renderColumns([
              ['CLUSTER', 'OWNER', 'EXPIRES'],
              ...list.items.map((l) => [l.cluster, l.owner, l.expires_at]),
            ])}\n`,
      );
    });
  return group;
}
