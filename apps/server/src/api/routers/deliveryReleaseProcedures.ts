import { basename, resolve } from 'node:path';
import { NotFoundError } from '@opspilot/core';
import { buildReleaseNotes, chartDetailsOf, GitCommit, renderReleaseNotes } from '@opspilot/delivery';
import { readGitHistory } from '@opspilot/git';
import { createHelmReleaser } from '@opspilot/helm';
import { z } from 'zod';
import type { ApiServices } from '../apiServices.js';
import { procedureFor } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

const meta = (path: `/${string}`, summary: string) => ({
  openapi: { method: 'GET' as const, path, tags: ['delivery'], protect: true, summary },
});

const PIPELINE_TYPES = ['GitHubWorkflow', 'GitLabCI'] as const;

const Release = z.object({
  release: z.string(),
  namespace: z.string(),
  chart: z.string(),
  /** helm's status of the current revision (`deployed`, `failed`, …), or `unknown` when helm could not say. */
  status: z.string(),
  revision: z.number().optional(),
  updated: z.string().optional(),
  last_operation: z.object({
    id: z.string(),
    state: z.string(),
    action: z.enum(['install', 'rollback']),
    proposed_by: z.string(),
    updated_at: z.string(),
  }),
});

const Note = z.object({ type: z.string(), scope: z.string().optional(), description: z.string(), hash: z.string() });

/** The repositories of `delivery.repositories`, by name (the last segment of each folder). */
function repositories(services: ApiServices): Map<string, string> {
  return new Map(services.config.delivery.repositories.map((path) => [basename(resolve(path)), resolve(path)]));
}

/**
 * The read side of delivery for the web's Delivery page: the chart releases opspilot made per cluster and namespace
 * with helm's status, the generated CI pipelines with their review state and schema findings, the repositories the
 * server may read and their release notes (`delivery.repositories`, read with git).
 */
export const deliveryReleaseProcedures = {
  releases: procedureFor('VIEWER')
    .meta(meta('/delivery/releases', 'Chart releases made through opspilot, with helm’s status'))
    .input(z.object({ cluster_id: z.uuid(), namespace: z.string().max(63).optional() }))
    .output(z.array(Release))
    .query(async ({ ctx, input }) => {
      await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const ops = [];
      for (let page = 1; page <= 20; page++) {
        const got = await ctx.services.store.operations.list(
          { cluster_id: input.cluster_id },
          { page, page_size: 100 },
        );
        ops.push(...got.items);
        if (page >= got.total_pages) break;
      }
      const latest = new Map<string, (typeof ops)[number]>();
      for (const op of ops) {
        const d = chartDetailsOf(op);
        if (!d || (input.namespace && d.namespace !== input.namespace)) continue;
        const key = `${d.namespace}/${d.release}`;
        const seen = latest.get(key);
        if (!seen || seen.updated_at < op.updated_at) latest.set(key, op);
      }
      const gateway = await ctx.services.gateways.get(input.cluster_id);
      const releaser = createHelmReleaser({ kubeconfig: gateway.config.kubeConfig.exportConfig() });
      const rows = await Promise.all(
        [...latest.values()].map(async (op) => {
          const d = chartDetailsOf(op)!;
          const history = await releaser.history(d.release, d.namespace).catch(() => undefined);
          const current = history?.ok ? history.value.at(-1) : undefined;
          return {
            release: d.release,
            namespace: d.namespace,
            chart: current?.chart ?? d.chart_name,
            status: current?.status ?? (history?.ok ? 'not installed' : 'unknown'),
            ...(current ? { revision: current.revision, updated: current.updated } : {}),
            last_operation: {
              id: op.id,
              state: op.state,
              action: /rollback/i.test(op.request) ? ('rollback' as const) : ('install' as const),
              proposed_by: op.proposed_by,
              updated_at: op.updated_at,
            },
          };
        }),
      );
      return rows.sort((a, b) => `${a.namespace}/${a.release}`.localeCompare(`${b.namespace}/${b.release}`));
    }),

  pipelines: procedureFor('VIEWER')
    .meta(meta('/delivery/pipelines', 'Generated CI pipelines with their review state and schema findings'))
    .input(z.object({}).optional())
    .output(
      z.array(
        z.object({
          id: z.string(),
          file_path: z.string(),
          ci: z.enum(['github', 'gitlab']),
          state: z.string(),
          valid: z.boolean(),
          problems: z.array(z.object({ severity: z.string(), message: z.string() })),
          content: z.string(),
          created_at: z.string(),
        }),
      ),
    )
    .query(async ({ ctx }) => {
      const found = await Promise.all(
        PIPELINE_TYPES.map(
          async (type) =>
            (await ctx.services.store.generatedConfigs.list({ resource_type: type }, { page_size: 100 })).items,
        ),
      );
      return found
        .flat()
        .sort((a, b) => b.created_at.localeCompare(a.created_at))
        .map((c) => {
          const problems = (c.validation_results ?? []).map((r) => ({
            severity: String((r as { severity?: string }).severity ?? 'ERROR'),
            message: String((r as { message?: string }).message ?? ''),
          }));
          return {
            id: c.id,
            file_path: c.file_path,
            ci: c.resource_type === 'GitHubWorkflow' ? ('github' as const) : ('gitlab' as const),
            state: c.state,
            valid: !problems.some((p) => p.severity === 'ERROR'),
            problems,
            content: c.content,
            created_at: c.created_at,
          };
        });
    }),

  repositories: procedureFor('VIEWER')
    .meta(meta('/delivery/repositories', 'The repositories whose release notes the server may read'))
    .input(z.object({}).optional())
    .output(z.array(z.object({ name: z.string() })))
    .query(({ ctx }) => [...repositories(ctx.services).keys()].map((name) => ({ name }))),

  releaseNotes: procedureFor('VIEWER')
    .meta(meta('/delivery/release-notes', 'Release notes of a configured repository from its git history'))
    .input(
      z.object({
        repository: z.string().min(1).max(255),
        since: z.string().min(1).max(255).optional(),
        until: z.string().min(1).max(255).optional(),
      }),
    )
    .output(
      z.object({
        repository: z.string(),
        range: z.object({ from: z.string().optional(), to: z.string() }),
        commits: z.number(),
        sections: z.array(
          z.object({
            type: z.string(),
            title: z.string(),
            scopes: z.array(z.object({ scope: z.string(), commits: z.array(Note) })),
          }),
        ),
        breaking: z.array(Note),
        issues: z.array(z.string()),
        contributors: z.array(z.object({ name: z.string(), email: z.string(), commits: z.number() })),
        markdown: z.string(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const dir = repositories(ctx.services).get(input.repository);
      if (!dir) {
        throw new NotFoundError(`repository ${input.repository} is not configured`, {
          hint: 'list them with GET /delivery/repositories; the server reads those of delivery.repositories',
        });
      }
      const history = await readGitHistory(dir, { since: input.since, until: input.until });
      const notes = buildReleaseNotes(
        history.commits.map((c) => GitCommit.parse(c)),
        { ...(history.from ? { from: history.from } : {}), to: history.to },
      );
      const note = (c: (typeof notes.breaking)[number]) => ({
        type: c.type,
        ...(c.scope ? { scope: c.scope } : {}),
        description: c.description,
        hash: c.hash,
      });
      return {
        repository: input.repository,
        range: notes.range,
        commits: notes.commits,
        sections: notes.sections.map((s) => ({
          type: s.type,
          title: s.title,
          scopes: s.scopes.map((g) => ({ scope: g.scope, commits: g.commits.map(note) })),
        })),
        breaking: notes.breaking.map(note),
        issues: notes.issues,
        contributors: notes.contributors,
        markdown: renderReleaseNotes(notes),
      };
    }),
};
