import { CiProvider, type CiRun, InputError, NotFoundError, PipelineRunStatus } from '@opspilot/core';
import { listAll } from '@opspilot/delivery';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { reviewActor } from './reviewActor.js';

const ListOptions = z.object({
  provider: z.enum(['github', 'gitlab']).optional(),
  repo: z.string().min(1).optional(),
  status: PipelineRunStatus.optional(),
  commit: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/, 'a commit id is 7 to 64 hex digits')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const SecretOptions = z.object({
  source: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .default('default'),
  user: z.string().min(1).optional(),
});

function parse<T>(schema: z.ZodType<T>, raw: unknown, hint: string): T {
  const r = schema.safeParse(raw);
  if (!r.success)
    throw new InputError(`invalid option: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`, {
      hint,
    });
  return r.data;
}

const duration = (ms?: number) =>
  ms === undefined ? '-' : ms >= 60_000 ? `${Math.round(ms / 60_000)}m` : `${Math.round(ms / 1000)}s`;

/** The kubectl-style table of runs. */
export function runsTable(runs: readonly CiRun[]): string {
  if (runs.length === 0) return 'no pipeline runs';
  return renderColumns([
    ['ID', 'PROVIDER', 'REPOSITORY', 'PIPELINE', 'STATUS', 'REF', 'COMMIT', 'AUTHOR', 'DURATION', 'STARTED'],
    ...runs.map((r) => [
      r.id.slice(0, 8),
      r.provider.toLowerCase(),
      r.repository,
      r.kind === 'JOB' ? `↳ ${r.pipeline}` : r.pipeline,
      r.status,
      r.ref ?? '-',
      r.commit_sha?.slice(0, 7) ?? '-',
      r.author ?? '-',
      duration(r.duration_ms),
      r.started_at?.slice(0, 19) ?? '-',
    ]),
  ]);
}

/**
 * Registers `opspilot runs list` (pipeline runs reported by CI webhooks, newest first, filtered by provider,
 * repository, status or commit prefix), `opspilot runs show <id>` (a run with its jobs, the deployments it was
 * linked to and its test reports; an id prefix is enough) and `opspilot runs secret set github|gitlab` (the webhook
 * secret of a source, read from OPSPILOT_WEBHOOK_SECRET and sealed in the store; audited).
 */
export function runsCommand(parent: Command, ctx: CliContext): Command {
  const group = parent
    .command('runs')
    .description('pipeline runs from GitHub and GitLab webhooks, linked to deployments');
  group
    .command('list')
    .description('pipeline runs, newest first')
    .option('--provider <name>', 'github or gitlab')
    .option('--repo <name>', 'repository (owner/name or GitLab project path)')
    .option('--status <status>', 'QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED')
    .option('--commit <sha>', 'commit id or its prefix')
    .option('--limit <n>', 'how many runs', '20')
    .action(async (raw: unknown, command: Command) => {
      const o = parse(ListOptions, raw, 'e.g. opspilot runs list --provider github --status FAILED');
      const config = await ctx.loadConfig(command);
      const runs = await withStore(
        config,
        ctx.io.cwd,
        async (store) =>
          (
            await store.ciRuns.list(
              {
                ...(o.provider ? { provider: CiProvider.parse(o.provider.toUpperCase()) } : {}),
                ...(o.repo ? { repository: o.repo } : {}),
                ...(o.status ? { status: o.status } : {}),
                ...(o.commit ? { commit_sha: { gte: o.commit, lt: `${o.commit}g` } } : {}),
              },
              { page_size: o.limit },
            )
          ).items,
      );
      ctx.print(command, runs, runsTable);
    });
  group
    .command('show')
    .description('a run with its jobs, linked deployments and test reports')
    .argument('<id>', 'run id (or its first characters)')
    .action(async (id: string, _o: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      const shown = await withStore(config, ctx.io.cwd, async (store) => {
        const run =
          (z.uuid().safeParse(id).success ? await store.ciRuns.find(id) : undefined) ??
          (await listAll(store.ciRuns, {}, 5_000)).find((r) => r.id.startsWith(id.toLowerCase()));
        if (!run) throw new NotFoundError(`pipeline run ${id} not found`, { hint: 'list them: opspilot runs list' });
        return {
          run,
          jobs: await listAll(store.ciRuns, { parent_key: run.run_key }, 200),
          deployments: await listAll(store.deploymentRecords, { run_id: run.id }, 200),
          test_reports: await listAll(store.testReports, { run_id: run.id }, 100),
        };
      });
      ctx.print(command, shown, (s) =>
        [
          `Run:         ${s.run.id} (${s.run.provider.toLowerCase()} ${s.run.kind.toLowerCase().replace('_', ' ')})`,
          `Pipeline:    ${s.run.repository} · ${s.run.pipeline}`,
          `Status:      ${s.run.status}${s.run.conclusion ? ` (${s.run.conclusion})` : ''}`,
          `Commit:      ${s.run.commit_sha ?? '-'}${s.run.commit_message ? ` ${s.run.commit_message.split('\n')[0]}` : ''}`,
          `Author:      ${s.run.author ?? '-'}`,
          `Ref:         ${s.run.ref ?? '-'}${s.run.tag ? ' (tag)' : ''}`,
          `Started:     ${s.run.started_at ?? '-'}   Duration: ${duration(s.run.duration_ms)}`,
          ...(s.run.url ? [`URL:         ${s.run.url}`] : []),
          ...(s.run.suite_key ? [`Check suite: ${s.run.suite_key.split(':').pop()}`] : []),
          ...(s.run.stages.length
            ? ['', 'STAGES', renderColumns(s.run.stages.map((st) => [st.name, st.status, duration(st.duration_ms)]))]
            : []),
          ...(s.jobs.length ? ['', 'JOBS', runsTable(s.jobs)] : []),
          '',
          s.deployments.length
            ? `DEPLOYMENTS\n${renderColumns([
                ['CLUSTER', 'NAMESPACE', 'WORKLOAD', 'IMAGES', 'ROLLBACK', 'DEPLOYED'],
                ...s.deployments.map((d) => [
                  d.cluster_id.slice(0, 8),
                  d.namespace,
                  d.workload,
                  d.images.join(','),
                  d.rollback ? 'yes' : 'no',
                  d.deployed_at.slice(0, 19),
                ]),
              ])}`
            : 'not deployed anywhere yet',
          ...(s.test_reports.length
            ? [
                '',
                'TESTS',
                ...s.test_reports.map(
                  (t) => `${t.run}: ${t.tests} tests, ${t.failures} failed, ${t.errors} errors, ${t.skipped} skipped`,
                ),
              ]
            : []),
        ].join('\n'),
      );
    });
  const secret = group.command('secret').description('the webhook secrets runs are verified with');
  secret
    .command('set')
    .description('seal and store a CI source’s webhook secret, read from OPSPILOT_WEBHOOK_SECRET')
    .argument('<provider>', 'github or gitlab')
    .option('--source <name>', 'source name (the webhook URL’s ?source=)', 'default')
    .option('--user <name>', 'acting user for the audit log')
    .action(async (provider: string, raw: unknown, command: Command) => {
      const p = parse(z.enum(['github', 'gitlab']), provider, 'opspilot runs secret set github');
      const o = parse(SecretOptions, raw, 'e.g. --source acme');
      const value = ctx.io.env.OPSPILOT_WEBHOOK_SECRET;
      if (!value || value.length < 16) {
        throw new InputError('OPSPILOT_WEBHOOK_SECRET must hold the secret (at least 16 characters)', {
          hint: 'OPSPILOT_WEBHOOK_SECRET="$(openssl rand -hex 32)" opspilot runs secret set github',
        });
      }
      const user = reviewActor(o.user, ctx.io.env);
      const config = await ctx.loadConfig(command);
      const info = await withStore(config, ctx.io.cwd, async (store) => {
        const saved = await store.webhookSecrets.set(CiProvider.parse(p.toUpperCase()), o.source, value, user);
        await store.audit.append({
          user_id: user,
          action: 'delivery.webhook_secret.set',
          target: `webhook/${p}/${o.source}`,
          details: { via: 'cli' },
        });
        return saved;
      });
      ctx.print(
        command,
        info,
        (i) =>
          `${p} webhook secret for source ${i.name} stored (sealed); point the webhook at /api/webhooks/${p}${i.name === 'default' ? '' : `?source=${i.name}`}`,
      );
    });
  return group;
}
