import { randomUUID } from 'node:crypto';
import { type Cluster, InputError, NotFoundError } from '@opspilot/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { UnauthenticatedError } from '../api/apiError.js';
import type { ApiServices } from '../api/apiServices.js';
import { authenticateRequest, csrfSatisfied } from '../auth/authenticateRequest.js';
import { canSeeCluster, type Principal, requireRole } from '../auth/principal.js';
import { AlertmanagerWebhook } from './alertmanagerPayload.js';

/** Path of the Alertmanager webhook receiver. */
export const ALERTMANAGER_WEBHOOK_PATH = '/api/webhooks/alertmanager';

/** The setting that bounds the body of the Alertmanager webhook. */
export const ALERTMANAGER_MAX_BYTES_SETTING = 'webhooks.alertmanager_max_bytes';

const Query = z.object({
  cluster: z
    .string({ error: 'expected one cluster name or id' })
    .min(1, { error: 'expected a cluster name or id' })
    .optional(),
});

function inputErrorOf(error: z.ZodError, what: string, hint: string): InputError {
  const problems = error.issues.map((i) => `${i.path.join('.') || `(${what})`}: ${i.message}`);
  return new InputError(`invalid ${what}: ${problems.slice(0, 5).join('; ')}`, {
    hint,
    details: {
      issues: error.issues.slice(0, 20).map((i) => ({ path: [what, ...i.path.map(String)], message: i.message })),
    },
  });
}

async function clusterOf(services: ApiServices, principal: Principal, ref: string) {
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
 * 4, parsed with zod, at most `webhooks.alertmanager_max_bytes`, else 413). The caller, the payload and every cluster
 * it names (the `?cluster=` parameter, else each alert's `cluster` label) are checked at once; the alerts are then
 * queued and the answer is `202 {received, receipt_id}`. {@link createAlertIngest} stores them in bounded batches (upsert
 * by fingerprint and cluster, `ALERT_FIRED` / `ALERT_RESOLVED`) and audits the notification. Needs an OPERATOR (or
 * higher) API token with a grant on the cluster: configure Alertmanager's `http_config.authorization`.
 */
export function registerAlertmanagerWebhook(app: FastifyInstance, services: ApiServices): void {
  const bodyLimit = services.config.webhooks.alertmanager_max_bytes;
  const config = { bodyLimitSetting: ALERTMANAGER_MAX_BYTES_SETTING };
  app.post(ALERTMANAGER_WEBHOOK_PATH, { bodyLimit, config }, async (request, reply) => {
    const principal = await authenticateRequest(request, services.auth);
    if (!principal) throw new UnauthenticatedError('send Authorization: Bearer ops_… (an OPERATOR API token)');
    if (!csrfSatisfied(request, principal)) {
      throw new InputError('a cookie session must send the x-csrf-token header', { hint: 'use an API token' });
    }
    requireRole(principal, 'OPERATOR', 'receiving alerts');
    const query = Query.safeParse(request.query ?? {});
    if (!query.success) {
      throw inputErrorOf(query.error, 'query', 'give at most one ?cluster=<name or id>, not empty');
    }
    const parsed = AlertmanagerWebhook.safeParse(request.body);
    if (!parsed.success) {
      throw inputErrorOf(
        parsed.error,
        'body',
        'point an Alertmanager webhook_config at this URL; see the Alertmanager documentation for the format',
      );
    }
    const byRef = new Map<string, Cluster>();
    const alerts = [];
    for (const alert of parsed.data.alerts) {
      const ref = query.data.cluster ?? alert.labels.cluster;
      if (ref !== undefined && !byRef.has(ref)) byRef.set(ref, await clusterOf(services, principal, ref));
      const cluster = ref === undefined ? undefined : byRef.get(ref);
      if (!cluster && principal.clusterIds !== 'all') {
        throw new NotFoundError('the alert names no cluster you have access to', {
          hint: 'add ?cluster=<name> to the webhook URL, or a cluster label to the alert',
        });
      }
      alerts.push({ alert, cluster: { id: cluster?.id, name: cluster?.name ?? ref } });
    }
    const receiptId = randomUUID();
    services.alertIngest.enqueue({
      id: receiptId,
      alerts,
      receivedAt: services.clock.now(),
      receiver: parsed.data.receiver,
      groupKey: parsed.data.groupKey,
      user: { id: principal.user.id, username: principal.user.username },
    });
    return reply.status(202).send({ received: alerts.length, receipt_id: receiptId });
  });
}
