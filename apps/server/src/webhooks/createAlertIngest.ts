import { type Clock, type EventBus, RateLimitedError } from '@opspilot/core';
import type { Store } from '@opspilot/store';
import type { FastifyBaseLogger } from 'fastify';
import { publishAudit } from '../events/publishAudit.js';
import { type AlertmanagerAlert, toNewAlert } from './alertmanagerPayload.js';

/** Alerts stored between two turns of the event loop. */
export const INGEST_BATCH_SIZE = 100;
/** Alerts that may wait to be stored; a notification that would exceed it is refused with 429 (Alertmanager retries). */
export const MAX_QUEUED_ALERTS = 100_000;

/** One accepted notification: its alerts with the cluster each belongs to, and who sent it. */
export interface AlertReceipt {
  id: string;
  alerts: { alert: AlertmanagerAlert; cluster: { id?: string; name?: string } }[];
  receivedAt: Date;
  receiver: string;
  groupKey: string;
  user: { id: string; username: string };
}

/** The queue between the webhook route and the store. */
export interface AlertIngest {
  /** Queues a notification; throws `RateLimitedError` when {@link MAX_QUEUED_ALERTS} would be exceeded. */
  enqueue(receipt: AlertReceipt): void;
  /** Alerts accepted and not stored yet. */
  pending(): number;
  /** Resolves once everything accepted so far is stored (tests; shutdown). */
  idle(): Promise<void>;
}

/** What the ingest stores, publishes and logs with (a subset of the server's services). */
export interface AlertIngestDeps {
  store: Store;
  bus: EventBus;
  clock: Clock;
  logger: FastifyBaseLogger;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Stores accepted Alertmanager notifications off the request path, one at a time, in batches of
 * {@link INGEST_BATCH_SIZE} alerts with a turn of the event loop between batches, so a notification of thousands of
 * alerts never holds up other requests (on SQLite every statement runs on the event loop). Each alert is upserted
 * and published as `ALERT_FIRED` / `ALERT_RESOLVED`; each notification is audited once stored. A failure is logged
 * with the receipt id and the rest of the queue goes on.
 */
export function createAlertIngest(services: AlertIngestDeps, batchSize = INGEST_BATCH_SIZE): AlertIngest {
  const queue: AlertReceipt[] = [];
  let pending = 0;
  let running: Promise<void> | undefined;

  const store = async (receipt: AlertReceipt, progress: { stored: number }) => {
    const { store, bus } = services;
    const clusterIds = new Set<string>();
    for (let start = 0; start < receipt.alerts.length; start += batchSize) {
      for (const { alert, cluster } of receipt.alerts.slice(start, start + batchSize)) {
        const saved = await store.alerts.upsert(toNewAlert(alert, cluster, receipt.receivedAt));
        progress.stored++;
        pending--;
        if (saved.cluster_id) clusterIds.add(saved.cluster_id);
        await bus.publish({
          event_type: saved.state === 'RESOLVED' ? 'ALERT_RESOLVED' : 'ALERT_FIRED',
          cluster_id: saved.cluster_id,
          namespace: saved.labels.namespace,
          timestamp: receipt.receivedAt.toISOString(),
          payload: {
            alert_id: saved.id,
            alertname: saved.alertname,
            severity: saved.severity,
            state: saved.state,
            fingerprint: saved.fingerprint,
          },
        });
      }
      await nextTurn();
    }
    await publishAudit(services, {
      user_id: receipt.user.id,
      action: 'alerts.receive',
      target: `alertmanager:${receipt.receiver}`,
      cluster_id: clusterIds.size === 1 ? [...clusterIds][0] : undefined,
      details: {
        username: receipt.user.username,
        count: progress.stored,
        group_key: receipt.groupKey,
        receipt_id: receipt.id,
      },
    });
  };

  const drain = async () => {
    for (let receipt = queue.shift(); receipt; receipt = queue.shift()) {
      const progress = { stored: 0 };
      const { id, alerts } = receipt;
      await store(receipt, progress).catch((error: unknown) => {
        pending -= alerts.length - progress.stored;
        services.logger.error({ err: error, receipt_id: id }, 'storing alerts failed');
      });
    }
    running = undefined;
  };

  return {
    enqueue(receipt) {
      if (pending + receipt.alerts.length > MAX_QUEUED_ALERTS) {
        throw new RateLimitedError(`${pending} alerts are waiting to be stored; try again shortly`, {
          retryAfterSeconds: 10,
          hint: 'Alertmanager retries on its own; lower group sizes if this persists',
          details: { retry_after_seconds: 10, pending },
        });
      }
      queue.push(receipt);
      pending += receipt.alerts.length;
      running ??= nextTurn().then(drain);
    },
    pending: () => pending,
    idle: async () => {
      while (running) await running;
    },
  };
}
