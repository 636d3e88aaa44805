import { type Cluster, InputError, NotFoundError } from '@opspilot/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { UnauthenticatedError } from '../api/apiError.js';
import type { ApiServices } from '../api/apiServices.js';
import { authenticateRequest, csrfSatisfied } from '../auth/authenticateRequest.js';
import { canSeeCluster, type Principal, requireRole } from '../auth/principal.js';
import { publishAudit } from '../events/publishAudit.js';
import { AlertmanagerWebhook, toNewAlert } from './alertmanagerPayload.js';

/** Path of the Alertmanager webhook receiver. */
export const ALERTMANAGER_WEBHOOK_PATH = '/api/webhooks/alertmanager';

const Query = z.object({ cluster: z.string().min(1).optional() });

async function clusterOf(services: ApiServices, principal: Principal, ref: string | undefined) {
  if (!ref) return undefined;
  const byId = z.uuid().safeParse(ref).success ? await services.store.clusters.find(ref) : undefined;
  const cluster: Cluster | undefined = byId ?? (await services.store.clusters.findByName(ref));
  if (!cluster || !canSeeCluster(principal, cluster.id)) {
    throw new NotFoundError(`cluster ${ref} not found`, {
      hint: 'register the cluster first, or fix ?cluster= / the cluster label in the Alertmanager configuration',
    });
  }
  return cluster;
}

/**
 * `POST /api/webhooks/alertmanager[?cluster=<name|id>]`: an Alertmanager-compatible webhook receiver (payload version
 * 4, parsed with zod). Each alert is upserted by fingerprint (and cluster: the `?cluster=` parameter, else the
 * alert's `cluster` label) and published as `ALERT_FIRED` / `ALERT_RESOLVED`; the notification is audited. Needs an
 * OPERATOR (or higher) API token with a grant on the cluster: configure Alertmanager's `http_config.authorization`.
 */
export function registerAlertmanagerWebhook(app: FastifyInstance, services: ApiServices): void {
  app.post(ALERTMANAGER_WEBHOOK_PATH, async (request) => {
    const principal = await authenticateRequest(request, services.auth);
    if (!principal) throw new UnauthenticatedError('send Authorization: Bearer ops_… (an OPERATOR API token)');
    if (!csrfSatisfied(request, principal)) {
      throw new InputError('a cookie session must send the x-csrf-token header', { hint: 'use an API token' });
    }
    requireRole(principal, 'OPERATOR', 'receiving alerts');
    const query = Query.parse(request.query ?? {});
    const parsed = AlertmanagerWebhook.safeParse(request.body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
      throw new InputError(`not an Alertmanager webhook payload (version 4): ${problems.slice(0, 5).join('; ')}`, {
        hint: 'point an Alertmanager webhook_config at this URL; see the Alertmanager documentation for the format',
        details: {
          issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String), message: i.message })),
        },
      });
    }
    const now = services.clock.now();
    const byRef = new Map<string, Cluster | undefined>();
    const stored = [];
    for (const alert of parsed.data.alerts) {
      const ref = query.cluster ?? alert.labels.cluster;
      if (ref !== undefined && !byRef.has(ref)) byRef.set(ref, await clusterOf(services, principal, ref));
      const cluster = ref === undefined ? undefined : byRef.get(ref);
      if (!cluster && principal.clusterIds !== 'all') {
        throw new NotFoundError('the alert names no cluster you have access to', {
          hint: 'add ?cluster=<name> to the webhook URL, or a cluster label to the alert',
        });
      }
      const saved = await services.store.alerts.upsert(
        toNewAlert(alert, { id: cluster?.id, name: cluster?.name ?? ref }, now),
      );
      stored.push(saved);
      await services.bus.publish({
        event_type: saved.state === 'RESOLVED' ? 'ALERT_RESOLVED' : 'ALERT_FIRED',
        cluster_id: saved.cluster_id,
        namespace: saved.labels.namespace,
        timestamp: now.toISOString(),
        payload: {
          alert_id: saved.id,
          alertname: saved.alertname,
          severity: saved.severity,
          state: saved.state,
          fingerprint: saved.fingerprint,
        },
      });
    }
    const clusterIds = [...new Set(stored.map((a) => a.cluster_id).filter((id) => id !== undefined))];
    await publishAudit(services, {
      user_id: principal.user.id,
      action: 'alerts.receive',
      target: `alertmanager:${parsed.data.receiver}`,
      cluster_id: clusterIds.length === 1 ? clusterIds[0] : undefined,
      details: { username: principal.user.username, count: stored.length, group_key: parsed.data.groupKey },
    });
    return { received: stored.length, alert_ids: stored.map((a) => a.id) };
  });
}
