import { Cluster, ClusterEndpoints, ClusterEnvironment, HttpsUrl, InputError, StringMap, Uuid } from '@opspilot/core';
import { testConnection } from '@opspilot/kube';
import { z } from 'zod';
import type { ApiServices } from '../apiServices.js';
import { ClusterAccessFields, ConnectionTestOutput, connectionError, resolveAccess } from '../clusterAccessInput.js';
import { audit, procedureFor } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

const UpdateInput = z.object({
  id: Uuid,
  /** An empty string clears it. */
  display_name: z.string().max(128, 'must be at most 128 characters').optional(),
  environment: ClusterEnvironment.optional(),
  region: z.string().max(128).optional(),
  /** Replaces every label. */
  labels: StringMap.optional(),
  /** Overrides of the discovered observability endpoints (seed 003 §2.4); replaces the stored ones. */
  endpoints: ClusterEndpoints.optional(),
  api_server_url: HttpsUrl.optional(),
  ...ClusterAccessFields,
  /** Test the new credentials first and change nothing when the test fails (its typed error is returned). */
  check_connection: z.boolean().default(false),
});

const TestInput = z.object({
  /** A registered cluster: its stored credentials are tested unless new ones are given. */
  id: Uuid.optional(),
  api_server_url: HttpsUrl.optional(),
  ...ClusterAccessFields,
});

/** Tests a kubeconfig as the server would connect with it (same allowed credential commands). */
export function testKubeconfig(services: ApiServices, kubeconfigYaml: string) {
  return testConnection({ kubeconfigYaml, allowedExecCommands: services.config.clusters.allowed_exec_commands });
}

/**
 * `clusters.update`: changes what the caller gives (display name, environment, region, labels, endpoints, API URL,
 * credentials), audited as `cluster.update` naming the fields (never a secret) and announced as
 * `CLUSTER_STATUS_CHANGED` — `UPDATED` when the credentials or API URL changed (gateways and watchers restart on
 * every replica), `EDITED` otherwise.
 */
export const updateCluster = procedureFor('ADMIN')
  .meta({
    openapi: {
      method: 'PATCH',
      path: '/clusters/{id}',
      tags: ['clusters'],
      protect: true,
      summary: 'Update a cluster',
    },
  })
  .input(UpdateInput)
  .output(Cluster)
  .mutation(async ({ ctx, input }) => {
    const { store, bus, clock, config } = ctx.services;
    const cluster = await visibleCluster(store, ctx.principal, input.id);
    const { id, check_connection, kubeconfig, context, service_account, auth_type, ...fields } = input;
    if (input.api_server_url && !kubeconfig && !service_account && input.api_server_url !== cluster.api_server_url) {
      throw new InputError('a new API server URL needs the credentials for it', {
        hint: 'pass the service-account token (service_account) or a kubeconfig along with api_server_url',
      });
    }
    const access = resolveAccess(
      {
        kubeconfig,
        context,
        service_account,
        auth_type,
        api_server_url: input.api_server_url ?? cluster.api_server_url,
      },
      cluster.name,
      config.clusters.allowed_exec_commands,
    );
    if (access && check_connection) {
      const tested = await testKubeconfig(ctx.services, access.kubeconfig);
      if (!tested.ok) throw connectionError(tested);
    }
    const patch: Partial<Cluster> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) (patch as Record<string, unknown>)[key] = value;
    }
    if (fields.display_name === '') patch.display_name = undefined;
    if (access && !input.api_server_url) patch.api_server_url = access.server;
    const changed = [...Object.keys(patch), ...(access ? ['credentials'] : [])];
    if (changed.length === 0) {
      throw new InputError('nothing to update', { hint: 'give at least one field to change' });
    }
    const updated = await store.transaction(async (tx) => {
      const next = await tx.clusters.update(id, patch);
      if (access) await tx.clusters.setCredentials(id, { auth_type: access.auth_type, kubeconfig: access.kubeconfig });
      return next;
    });
    const reconnect = !!access;
    await audit(ctx, {
      action: 'cluster.update',
      target: `cluster:${cluster.name}`,
      cluster_id: cluster.id,
      details: { changed, ...(access ? { auth_type: access.auth_type } : {}) },
    });
    await bus.publish({
      event_type: 'CLUSTER_STATUS_CHANGED',
      cluster_id: cluster.id,
      timestamp: clock.now().toISOString(),
      payload: { name: cluster.name, state: updated.status.state, change: reconnect ? 'UPDATED' : 'EDITED', changed },
    });
    return updated;
  });

/**
 * `clusters.test`: tests credentials before they are saved (reachable, version, accepted, RBAC may list pods),
 * or a registered cluster's stored ones. The answer says which check failed, typed, with a hint.
 */
export const testClusterConnection = procedureFor('ADMIN')
  .meta({
    openapi: {
      method: 'POST',
      path: '/clusters/test',
      tags: ['clusters'],
      protect: true,
      summary: 'Test a connection to a cluster',
    },
  })
  .input(TestInput)
  .output(ConnectionTestOutput)
  .mutation(async ({ ctx, input }) => {
    const { store, config } = ctx.services;
    const cluster = input.id ? await visibleCluster(store, ctx.principal, input.id) : undefined;
    const access = resolveAccess(
      { ...input, api_server_url: input.api_server_url ?? cluster?.api_server_url },
      cluster?.name ?? 'cluster',
      config.clusters.allowed_exec_commands,
    );
    if (access) return testKubeconfig(ctx.services, access.kubeconfig);
    if (!cluster) {
      throw new InputError('nothing to test', {
        hint: 'give a kubeconfig, or a service-account token with api_server_url, or the id of a registered cluster',
      });
    }
    return testKubeconfig(ctx.services, await store.clusters.getKubeconfig(cluster.id));
  });
