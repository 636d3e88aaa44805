import { randomUUID } from 'node:crypto';
import { InputError, NotAllowedError, type Subscription } from '@opspilot/core';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { UnauthenticatedError } from '../api/apiError.js';
import type { ApiServices } from '../api/apiServices.js';
import { authenticateRequest } from '../auth/authenticateRequest.js';
import type { Principal } from '../auth/principal.js';
import { toHttpError } from '../errorResponse.js';
import { canSeeEvent } from './canSeeEvent.js';
import { type BatchMembership, createBatchedDelivery } from './createBatchedDelivery.js';
import { createFrameFlusher } from './createFrameFlusher.js';
import { SubscribeMessage } from './eventSocketMessages.js';
import { originAllowed } from './originAllowed.js';

/** Path of the live event stream. */
export const EVENTS_PATH = '/api/events';
/** How often a connection's credentials are checked again (a revoked token or ended session closes it). */
export const RECHECK_MS = 15_000;
/** Close code sent when the credentials stop being valid. */
export const CLOSE_UNAUTHENTICATED = 4401;
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * The WebSocket event stream (seed 003 §6): after the handshake (credentials by session cookie or
 * `Authorization: Bearer ops_…`, `Origin` checked against the public URL or own host), the client sends a
 * Subscription (`{event_types, cluster_filter, namespace_filter}`), the server answers with the stored Subscription
 * (id, client_id, created_at) and then sends every matching Event the caller may see, one JSON object per message.
 * A subscription with `batch: { max_delay_ms }` receives arrays of events instead, one message per window
 * ({@link createBatchedDelivery}); its acknowledgement echoes `batch`. A malformed message gets a seed 003 §8.3 error
 * object; delivery is at most once. Each event (or batch) is serialised and framed once and the frames of one turn of
 * the event loop leave each socket in one write ({@link createFrameFlusher}).
 */
export function registerEventSocket(app: FastifyInstance, services: ApiServices): void {
  const flusher = createFrameFlusher();
  const batches = createBatchedDelivery(services.bus);
  app.get(
    EVENTS_PATH,
    {
      websocket: true,
      preValidation: async (request) => {
        if (!originAllowed(request.headers.origin, services.config.server.public_url, request.headers.host)) {
          throw new NotAllowedError(`origin ${request.headers.origin} may not open the event stream`, {
            hint: 'open the dashboard at server.public_url, or set server.public_url to the address users reach',
          });
        }
        const principal = await authenticateRequest(request, services.auth);
        if (!principal) throw new UnauthenticatedError('sign in, or send Authorization: Bearer ops_… to subscribe');
        (request as { principal?: Principal }).principal = principal;
      },
    },
    (socket: WebSocket, request) => {
      let principal = (request as { principal?: Principal }).principal as Principal;
      let unsubscribe: (() => void) | undefined;
      let batched: BatchMembership | undefined;
      const writer = flusher.writerFor(socket, MAX_BUFFERED_BYTES);
      const { send } = writer;
      const recheck = setInterval(async () => {
        const again = await authenticateRequest(request, services.auth).catch(() => undefined);
        if (again) {
          principal = again;
          batched?.setPrincipal(again);
        } else socket.close(CLOSE_UNAUTHENTICATED, 'credentials no longer valid');
      }, RECHECK_MS);
      recheck.unref();
      socket.on('message', (data) => {
        let message: unknown;
        try {
          message = JSON.parse(String(data));
        } catch {
          message = undefined;
        }
        const parsed = SubscribeMessage.safeParse(message);
        if (!parsed.success) {
          const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`);
          const error = new InputError(`invalid subscription: ${problems.join('; ')}`, {
            hint: 'send {"event_types": [...], "cluster_filter": [...], "namespace_filter": [...]}, optionally "batch": {"max_delay_ms": 25}',
          });
          send(toHttpError(error, request.id, services.clock.now()).body);
          return;
        }
        unsubscribe?.();
        unsubscribe = undefined;
        batched?.leave();
        batched = undefined;
        const { batch } = parsed.data;
        const subscription: Subscription = {
          id: randomUUID(),
          client_id: parsed.data.client_id ?? request.id,
          event_types: parsed.data.event_types ?? [],
          cluster_filter: parsed.data.cluster_filter ?? [],
          namespace_filter: parsed.data.namespace_filter ?? [],
          created_at: services.clock.now().toISOString(),
        };
        if (batch) {
          batched = batches.join(subscription, principal, batch.max_delay_ms, writer);
          send({ ...subscription, batch });
          return;
        }
        unsubscribe = services.bus.subscribe(subscription, (event) => {
          if (canSeeEvent(principal, event)) send(event);
        });
        send(subscription);
      });
      socket.on('close', () => {
        clearInterval(recheck);
        unsubscribe?.();
        batched?.leave();
      });
    },
  );
}
