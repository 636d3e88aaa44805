import { InputError, NotFoundError, UpstreamError } from '@opspilot/core';
import { z } from 'zod';
import { fetchJson, type HttpEndpoint } from '../http/fetchJson.js';
import {
  AlertmanagerStatus,
  GettableAlert,
  GettableSilence,
  type PostableAlert,
  PostableSilence,
} from './alertmanagerSchemas.js';

/** Which alerts {@link AlertmanagerClient.alerts} returns; every flag defaults to true, as in Alertmanager. */
export interface AlertmanagerAlertQuery {
  active?: boolean;
  silenced?: boolean;
  inhibited?: boolean;
  unprocessed?: boolean;
  /** Matchers in Alertmanager's syntax, e.g. `['alertname="HighCPU"', 'severity=~"critical|warning"']`. */
  filter?: string[];
  receiver?: string;
  signal?: AbortSignal;
}

/** Alertmanager's v2 HTTP API: live alerts, silences and status. */
export interface AlertmanagerClient {
  alerts(query?: AlertmanagerAlertQuery): Promise<GettableAlert[]>;
  /** Pushes alerts, as Prometheus does (tests, synthetic alerts). */
  postAlerts(alerts: PostableAlert[], signal?: AbortSignal): Promise<void>;
  silences(options?: { filter?: string[]; signal?: AbortSignal }): Promise<GettableSilence[]>;
  /** Creates a silence and returns its id. */
  createSilence(silence: PostableSilence, signal?: AbortSignal): Promise<string>;
  /** Expires a silence at once (Alertmanager keeps it, state `expired`). */
  expireSilence(id: string, signal?: AbortSignal): Promise<void>;
  status(signal?: AbortSignal): Promise<AlertmanagerStatus>;
}

const SOURCE = 'alertmanager';
const Anything = z.unknown();

/**
 * A client of Alertmanager's v2 API at `endpoint` (bearer or basic authentication, per-request timeout). Failures
 * are `UpstreamError`s with Alertmanager's own message; a silence that does not validate is an `InputError`.
 * @see https://prometheus.io/docs/alerting/latest/clients/
 */
export function createAlertmanagerClient(endpoint: HttpEndpoint): AlertmanagerClient {
  const call = <T>(request: Parameters<typeof fetchJson>[2], schema: z.ZodType<T>) =>
    fetchJson(SOURCE, endpoint, request, schema);
  return {
    alerts(query = {}) {
      const { signal, filter, receiver, ...flags } = query;
      return call({ path: '/api/v2/alerts', query: { ...flags, filter, receiver }, signal }, z.array(GettableAlert));
    },
    async postAlerts(alerts, signal) {
      await call({ method: 'POST', path: '/api/v2/alerts', body: alerts, signal }, Anything);
    },
    silences(options = {}) {
      return call(
        { path: '/api/v2/silences', query: { filter: options.filter }, signal: options.signal },
        z.array(GettableSilence),
      );
    },
    async createSilence(silence, signal) {
      const valid = PostableSilence.safeParse(silence);
      if (!valid.success) {
        const issue = valid.error.issues[0];
        throw new InputError(`invalid silence: ${issue?.path.join('.') || 'silence'}: ${issue?.message}`, {
          hint: 'give at least one matcher, a comment, and an end after the start',
        });
      }
      if (Date.parse(valid.data.endsAt) <= Date.parse(valid.data.startsAt)) {
        throw new InputError('invalid silence: it ends before it starts', { hint: 'give a positive duration' });
      }
      try {
        const answer = await call(
          { method: 'POST', path: '/api/v2/silences', body: valid.data, signal },
          z.object({ silenceID: z.string() }),
        );
        return answer.silenceID;
      } catch (error) {
        // Alertmanager refuses a silence it finds invalid with 400 and says why: the caller's to fix.
        if (error instanceof UpstreamError && error.status === 400) {
          throw new InputError(
            error.message.replace(/^alertmanager answered 400: /, 'Alertmanager refused the silence: '),
            {
              hint: 'fix the matchers or the times',
              cause: error,
            },
          );
        }
        throw error;
      }
    },
    async expireSilence(id, signal) {
      try {
        await call({ method: 'DELETE', path: `/api/v2/silence/${encodeURIComponent(id)}`, signal }, Anything);
      } catch (error) {
        // Alertmanager 0.25 answers 500 "silence not found" (later versions 404) for an unknown id.
        if (error instanceof UpstreamError && /not found/i.test(error.message)) {
          throw new NotFoundError(`silence ${id} not found in Alertmanager`, {
            hint: 'list the silences to see their ids',
            cause: error,
          });
        }
        throw error;
      }
    },
    status(signal) {
      return call({ path: '/api/v2/status', signal }, AlertmanagerStatus);
    },
  };
}
