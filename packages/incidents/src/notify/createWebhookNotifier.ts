import type { Clock, Incident } from '@opspilot/core';
import type { IncidentNotice } from '../incidentDeps.js';
import { signPayload } from './signPayload.js';
import { type WebhookEndpoint, webhookPayload } from './webhookPayload.js';

/** Sends one HTTP POST; the server wires `fetch`. Resolves to the status, rejects on a network failure. */
export type HttpPost = (url: string, headers: Record<string, string>, body: string) => Promise<number>;

/** The outcome of delivering one notification to one endpoint. */
export interface Delivery {
  url: string;
  notice: IncidentNotice;
  ok: boolean;
  attempts: number;
  status?: number;
  error?: string;
}

/** Tuning of the notifier: attempts per delivery and the first back-off (doubled each time). */
export interface NotifierOptions {
  attempts?: number;
  backoffMs?: number;
  /** The incident page's URL, for links in the messages. */
  linkOf?(incident: Incident): string | undefined;
  /** Told about every delivery (logged, counted). */
  onDelivery?(delivery: Delivery): void;
}

const retryable = (status: number) => status === 429 || status >= 500;

/**
 * Outgoing incident notifications: for each endpoint that wants the notice, the JSON or Slack payload, signed with
 * the endpoint's secret, POSTed with retries (on network errors, 429 and 5xx; back-off 1 s, 2 s, 4 s by default).
 * Returns every delivery's outcome and never throws: a receiver being down does not stop the incident engine.
 */
export function createWebhookNotifier(
  endpoints: WebhookEndpoint[],
  post: HttpPost,
  clock: Clock,
  options: NotifierOptions = {},
) {
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 1000;
  async function deliver(endpoint: WebhookEndpoint, notice: IncidentNotice, incident: Incident): Promise<Delivery> {
    const body = JSON.stringify(webhookPayload(endpoint.format, notice, incident, options.linkOf?.(incident)));
    let last: Delivery = { url: endpoint.url, notice, ok: false, attempts: 0 };
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        'User-Agent': 'opspilot-incidents',
        'X-Opspilot-Event': `incident.${notice}`,
        ...(endpoint.secret ? signPayload(endpoint.secret, body, Math.floor(clock.now().getTime() / 1000)) : {}),
      };
      try {
        const status = await post(endpoint.url, headers, body);
        last = { url: endpoint.url, notice, ok: status >= 200 && status < 300, attempts: attempt, status };
        if (last.ok || !retryable(status)) break;
      } catch (error) {
        last = {
          url: endpoint.url,
          notice,
          ok: false,
          attempts: attempt,
          error: error instanceof Error ? error.message : String(error),
        };
      }
      if (attempt < attempts) await clock.sleep(backoff * 2 ** (attempt - 1));
    }
    options.onDelivery?.(last);
    return last;
  }
  return {
    /** Sends `notice` about `incident` to every endpoint that wants it. */
    async notify(notice: IncidentNotice, incident: Incident): Promise<Delivery[]> {
      return Promise.all(endpoints.filter((e) => e.events.includes(notice)).map((e) => deliver(e, notice, incident)));
    },
  };
}
