import type { EventsOptions, KubeObject } from '@opspilot/core';
import { type GatewayContext, resolveKind } from './gatewayContext.js';
import { listObjects } from './listObjects.js';

/**
 * Core v1 Events of a namespace (all namespaces when missing), or only those about `options.involved` (by
 * `involvedObject` field selectors, in the object's namespace), oldest first and newest last.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/
 */
export async function listEvents(ctx: GatewayContext, options: EventsOptions = {}): Promise<KubeObject[]> {
  const info = await resolveKind(ctx, 'Event');
  const involved = options.involved;
  let namespace = options.namespace;
  let fieldSelector: string | undefined;
  if (involved) {
    const kind =
      (await resolveKind(ctx, involved.kind, involved.apiVersion).catch(() => undefined))?.kind ?? involved.kind;
    const parts = [`involvedObject.kind=${kind}`, `involvedObject.name=${involved.name}`];
    namespace = involved.namespace ?? namespace;
    if (namespace) parts.push(`involvedObject.namespace=${namespace}`);
    fieldSelector = parts.join(',');
  }
  const events = await listObjects(ctx, info, { namespace, fieldSelector, signal: options.signal });
  return events
    .map((event, index) => ({ event, index, at: eventTime(event) }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.index - b.index)
    .map((e) => e.event);
}

/** When an event last happened: `lastTimestamp`, else `eventTime`, else `firstTimestamp`, else its creation. */
export function eventTime(event: KubeObject): string {
  const e = event as Record<string, unknown>;
  for (const key of ['lastTimestamp', 'eventTime', 'firstTimestamp']) {
    const value = e[key];
    if (typeof value === 'string' && value.length > 0) return normalise(value);
  }
  return normalise(event.metadata.creationTimestamp ?? '');
}

/** RFC 3339 with or without fractions, as one sortable string. */
function normalise(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}
