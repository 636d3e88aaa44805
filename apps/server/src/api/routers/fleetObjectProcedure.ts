import { Finding, KubeObject, NotFoundError, ObjectRef, Uuid } from '@opspilot/core';
import {
  browserTable,
  EVENT_COLUMNS,
  fleetKindOf,
  maskSecretData,
  objectEvents,
  relatedObjects,
} from '@opspilot/fleet';
import { stringify } from 'yaml';
import { z } from 'zod';
import { procedureFor } from '../trpc.js';
import { requireWatch } from './requireWatch.js';

const ObjectInput = z.object({
  cluster: Uuid,
  /** A kind as kubectl takes it: `pod`, `deploy`, `Service`, ... */
  kind: z.string().min(1).max(64),
  name: z.string().min(1).max(253),
  namespace: z.string().min(1).max(253).optional(),
});

const ObjectOutput = z.object({
  cluster_id: z.string(),
  kind: z.string(),
  /** The object as the live model holds it (Secret values masked). */
  object: KubeObject,
  /** The same object as YAML, for the drawer. */
  yaml: z.string(),
  /** Kubernetes Events about it, newest first: `EVENT_COLUMNS` then one row per event. */
  events: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  /** Owners, owned objects, Services selecting it, ... */
  related: z.array(z.object({ relation: z.string(), ref: ObjectRef })),
  /** The current findings about it. */
  findings: z.array(Finding),
});

/**
 * `fleet.get`: one live object for the browser's detail drawer, with its YAML, its events, the objects related to it
 * and the findings about it — all from the fleet's watcher (no request reaches the cluster). An object the model does
 * not hold is a NotFoundError naming it.
 */
export const fleetObjectProcedure = procedureFor('VIEWER')
  .meta({
    openapi: { method: 'GET', path: '/fleet/object', tags: ['fleet'], protect: true, summary: 'One live object' },
  })
  .input(ObjectInput)
  .output(ObjectOutput)
  .query(async ({ ctx, input }) => {
    const kind = fleetKindOf(input.kind);
    const { cluster, watch } = await requireWatch(ctx.services, ctx.principal, input.cluster);
    const found = watch.model
      .objects(kind, input.namespace)
      .find((o) => o.metadata.name === input.name && (input.namespace !== undefined || !o.metadata.namespace));
    if (!found) {
      const where = input.namespace ? ` in namespace "${input.namespace}"` : '';
      throw new NotFoundError(`${kind.toLowerCase()} "${input.name}"${where} not found in cluster ${cluster.name}`, {
        hint: 'it may have just been deleted; list the objects again',
      });
    }
    const object = maskSecretData({ ...found, kind, apiVersion: found.apiVersion ?? 'v1' });
    const ref = { kind, name: input.name, ...(input.namespace ? { namespace: input.namespace } : {}) };
    const events = browserTable('Event', objectEvents(watch.model, ref), ctx.services.clock.now());
    const findings = watch
      .findings()
      .filter(
        (f) => f.resource.kind === kind && f.resource.name === input.name && f.resource.namespace === input.namespace,
      );
    return {
      cluster_id: cluster.id,
      kind,
      object,
      yaml: stringify(object),
      events: { columns: EVENT_COLUMNS, rows: events.rows },
      related: relatedObjects(watch.model, kind, found),
      findings,
    };
  });
