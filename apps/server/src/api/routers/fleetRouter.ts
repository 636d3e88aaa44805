import { ClusterState, InputError, KubeObject, NotFoundError, ObjectRef, Uuid } from '@opspilot/core';
import { browserTable, ClusterHealthReport, fleetKindOf, maskSecretData } from '@opspilot/fleet';
import { z } from 'zod';
import type { ApiServices } from '../apiServices.js';
import { procedureFor, router } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';
import { fleetFindingsProcedure } from './fleetFindingsProcedure.js';
import { fleetObjectProcedure } from './fleetObjectProcedure.js';
import { fleetOverviewProcedure } from './fleetOverviewProcedure.js';

const ListInput = z.object({
  /** The cluster's id. */
  cluster: Uuid,
  /** A kind as kubectl takes it: `pods`, `po`, `Deployment`, ... */
  kind: z.string().min(1).max(64),
  namespace: z.string().min(1).max(253).optional(),
  /** At most this many objects (the first ones in kubectl's order); `truncated` says when more exist. */
  limit: z.coerce.number().int().min(1).max(10_000).default(2_000),
});

const ListOutput = z.object({
  cluster_id: z.string(),
  kind: z.string(),
  namespace: z.string().optional(),
  /** The cluster's state: objects of an OFFLINE cluster are the last ones seen. */
  state: ClusterState,
  last_error: z.string().optional(),
  /** Every kind has been listed once. */
  ready: z.boolean(),
  /** The objects (Secret values masked), in the order of the table's rows. */
  items: z.array(KubeObject),
  /** How many objects there are in all, and whether `limit` left some out. */
  total: z.number().int(),
  truncated: z.boolean(),
  /**
   * The objects as `kubectl get -A -o wide` prints them (pods and deployments exactly; events with type, reason,
   * object, message, count and last seen): column names, one row per object, and per row the object it opens.
   */
  table: z.object({
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    refs: z.array(ObjectRef),
  }),
});

/** The live watcher of a cluster the caller may see, or a NotFoundError saying it is not watched. */
export async function watchedCluster(
  services: ApiServices,
  principal: Parameters<typeof visibleCluster>[1],
  id: string,
) {
  const cluster = await visibleCluster(services.store, principal, id);
  return { cluster, watch: services.fleet.get(cluster.id) };
}

/**
 * The cluster browser's data: the live objects of one kind of one cluster (`list`, bounded by `limit`), one object
 * with its YAML, events, related objects and findings (`get`), a cluster's findings (`findings`) and every cluster's
 * summary (`overview`), all from the fleet's watchers (no request reaches the cluster). Per-cluster grants apply as everywhere (a cluster without a grant is "not found"); a
 * namespace the cluster does not have is a NotFoundError naming it.
 */
export const fleetRouter = router({
  list: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/fleet/objects', tags: ['fleet'], protect: true, summary: 'Live objects' },
    })
    .input(ListInput)
    .output(ListOutput)
    .query(async ({ ctx, input }) => {
      const kind = fleetKindOf(input.kind);
      const { cluster, watch } = await watchedCluster(ctx.services, ctx.principal, input.cluster);
      if (!watch) {
        throw new NotFoundError(`cluster ${cluster.name} is not watched`, {
          hint: 'the server watches every registered cluster once started; check its kubeconfig and the server log',
        });
      }
      const report = watch.report();
      if (
        input.namespace &&
        watch.model.ready &&
        !watch.model.objects('Namespace').some((n) => n.metadata.name === input.namespace)
      ) {
        throw new NotFoundError(`namespace "${input.namespace}" not found in cluster ${cluster.name}`, {
          hint: 'list the namespaces with kind "namespaces"',
        });
      }
      if (!watch.model.store(kind)) throw new InputError(`kind ${kind} is not watched`, { hint: 'see FLEET_KINDS' });
      const all = watch.model.objects(kind, input.namespace);
      const table = browserTable(kind, all, ctx.services.clock.now());
      const byKey = new Map(all.map((o) => [`${o.metadata.namespace ?? ''}/${o.metadata.name}`, o]));
      const rows = table.rows.slice(0, input.limit);
      const refs = table.refs.slice(0, input.limit);
      // Events open the object they are about, so their own items follow the model's order.
      const items = (
        kind === 'Event' ? all.slice(0, input.limit) : refs.map((r) => byKey.get(`${r.namespace ?? ''}/${r.name}`))
      )
        .filter((o): o is KubeObject => o !== undefined)
        .map(maskSecretData);
      return {
        cluster_id: cluster.id,
        kind,
        ...(input.namespace ? { namespace: input.namespace } : {}),
        state: report.status.state,
        ...(report.status.last_error ? { last_error: report.status.last_error } : {}),
        ready: watch.model.ready,
        items,
        total: all.length,
        truncated: all.length > input.limit,
        table: { columns: table.columns, rows, refs },
      };
    }),
  get: fleetObjectProcedure,
  findings: fleetFindingsProcedure,
  overview: fleetOverviewProcedure,
});

/** `clusters.status`: the live health report of a cluster, or none while it is not watched. */
export const ClusterStatusOutput = z.object({
  cluster_id: z.string(),
  name: z.string(),
  watched: z.boolean(),
  report: ClusterHealthReport.optional(),
});
