import {
  Cluster,
  ClusterEnvironment,
  HttpsUrl,
  InputError,
  NewCluster,
  PublicClusterCredentials,
} from '@opspilot/core';
import { z } from 'zod';
import { IdInput, PageInput, pageInMemory, pageOf } from '../apiSchemas.js';
import { ClusterAccessFields, connectionError, resolveAccess } from '../clusterAccessInput.js';
import { audit, procedureFor, router } from '../trpc.js';
import { visibleCluster, visibleClusters } from '../visibleClusters.js';
import { testClusterConnection, testKubeconfig, updateCluster } from './clusterManagement.js';
import { ClusterStatusOutput, watchedCluster } from './fleetRouter.js';

const RegisterInput = NewCluster.extend({
  /** Taken from the kubeconfig's context when left out; required with a service-account token. */
  api_server_url: HttpsUrl.optional(),
  /** The credentials (a kubeconfig and context, or a service-account token); sealed with AES-256-GCM when stored. */
  ...ClusterAccessFields,
  /** Test the credentials first and register nothing when the test fails (its typed error is returned). */
  check_connection: z.boolean().default(false),
});

const ClusterDetail = Cluster.extend({ credentials: PublicClusterCredentials.optional() });

/**
 * The cluster registry (seed 003 §2): list and get what the caller may see; administrators register clusters from
 * a kubeconfig and context or a service-account token with the API URL and CA (the kubeconfig may run only the
 * credential commands of `clusters.allowed_exec_commands`, and is encrypted at rest; OIDC is not supported yet),
 * test credentials before saving, update and remove them (closing the cluster's gateway and stopping its watcher). Every change is audited and announced as
 * `CLUSTER_STATUS_CHANGED`. `status` is the live health report of the fleet's watcher.
 */
export const clustersRouter = router({
  list: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/clusters', tags: ['clusters'], protect: true, summary: 'List clusters' },
    })
    .input(z.object({ ...PageInput, environment: ClusterEnvironment.optional() }))
    .output(pageOf(Cluster))
    .query(async ({ ctx, input }) => {
      const { store } = ctx.services;
      if (ctx.principal.clusterIds === 'all') {
        const filter = input.environment ? { environment: input.environment } : {};
        return store.clusters.list(filter, { page: input.page, page_size: input.page_size });
      }
      const clusters = (await visibleClusters(store, ctx.principal)).filter(
        (c) => !input.environment || c.environment === input.environment,
      );
      return pageInMemory(clusters, input.page, input.page_size);
    }),

  get: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/clusters/{id}', tags: ['clusters'], protect: true, summary: 'Get a cluster' },
    })
    .input(IdInput)
    .output(ClusterDetail)
    .query(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.id);
      const credentials = await ctx.services.store.clusters.getPublicCredentials(cluster.id).catch(() => undefined);
      return { ...cluster, credentials };
    }),

  status: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/clusters/{id}/status',
        tags: ['clusters'],
        protect: true,
        summary: 'Live health of a cluster',
      },
    })
    .input(IdInput)
    .output(ClusterStatusOutput)
    .query(async ({ ctx, input }) => {
      const { cluster, watch } = await watchedCluster(ctx.services, ctx.principal, input.id);
      return { cluster_id: cluster.id, name: cluster.name, watched: !!watch, report: watch?.report() };
    }),

  register: procedureFor('ADMIN')
    .meta({
      openapi: { method: 'POST', path: '/clusters', tags: ['clusters'], protect: true, summary: 'Register a cluster' },
    })
    .input(RegisterInput)
    .output(Cluster)
    .mutation(async ({ ctx, input }) => {
      const { kubeconfig, context, service_account, auth_type, check_connection, ...fields } = input;
      const { store, bus, clock, config } = ctx.services;
      const access = resolveAccess(input, input.name, config.clusters.allowed_exec_commands);
      const api_server_url = fields.api_server_url ?? access?.server;
      if (!api_server_url) {
        throw new InputError('api_server_url is required without a kubeconfig', {
          hint: 'give the API server URL, or a kubeconfig (its context names the server)',
        });
      }
      if (access && check_connection) {
        const tested = await testKubeconfig(ctx.services, access.kubeconfig);
        if (!tested.ok) throw connectionError(tested);
      }
      const cluster = await store.transaction(async (tx) => {
        const created = await tx.clusters.create({ ...fields, api_server_url });
        if (access) {
          await tx.clusters.setCredentials(created.id, { auth_type: access.auth_type, kubeconfig: access.kubeconfig });
        }
        return created;
      });
      await audit(ctx, {
        action: 'cluster.register',
        target: `cluster:${cluster.name}`,
        cluster_id: cluster.id,
        ...(access ? { details: { auth_type: access.auth_type } } : {}),
      });
      await bus.publish({
        event_type: 'CLUSTER_STATUS_CHANGED',
        cluster_id: cluster.id,
        timestamp: clock.now().toISOString(),
        payload: { name: cluster.name, state: cluster.status.state, change: 'REGISTERED' },
      });
      return cluster;
    }),

  remove: procedureFor('ADMIN')
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/clusters/{id}',
        tags: ['clusters'],
        protect: true,
        summary: 'Remove a cluster',
      },
    })
    .input(IdInput)
    .output(z.object({ removed: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const { store, bus, clock } = ctx.services;
      const cluster = await visibleCluster(store, ctx.principal, input.id);
      await store.clusters.delete(cluster.id);
      ctx.services.gateways.forget(cluster.id);
      await audit(ctx, {
        action: 'cluster.remove',
        target: `cluster:${cluster.name}`,
        details: { cluster_id: cluster.id },
      });
      await bus.publish({
        event_type: 'CLUSTER_STATUS_CHANGED',
        cluster_id: cluster.id,
        timestamp: clock.now().toISOString(),
        payload: { name: cluster.name, change: 'REMOVED' },
      });
      return { removed: true };
    }),

  update: updateCluster,
  test: testClusterConnection,
});
