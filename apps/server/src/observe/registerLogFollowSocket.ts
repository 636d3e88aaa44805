import { InputError, isOpspilotError, NotAllowedError } from '@opspilot/core';
import { followKubeLogs } from '@opspilot/observe';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { UnauthenticatedError } from '../api/apiError.js';
import type { ApiServices } from '../api/apiServices.js';
import { authenticateRequest } from '../auth/authenticateRequest.js';
import type { Principal } from '../auth/principal.js';
import { originAllowed } from '../events/originAllowed.js';
import { logClustersFor } from './logSourceFor.js';

/** Path of the live log stream. */
export const LOG_FOLLOW_PATH = '/api/logs/follow';

const Query = z.object({
  query: z.string().trim().min(1).max(4096),
  cluster: z.union([z.uuid(), z.array(z.uuid())]).optional(),
  poll_ms: z.coerce.number().int().min(20).max(60_000).optional(),
});

/**
 * `GET /api/logs/follow?query=<LogQL subset>[&cluster=<id>...]` upgraded to a WebSocket: sends `{entries:[...]}`
 * messages with the new lines of the selected pod containers as they appear (polled through the Kubernetes API,
 * every 2 s by default), `{warning}` when a stream cannot be read, and `{error}` (then closes) for a bad query.
 * Credentials and origin are checked as for the event stream. Ends when the client closes.
 */
export function registerLogFollowSocket(app: FastifyInstance, services: ApiServices): void {
  app.get(
    LOG_FOLLOW_PATH,
    {
      websocket: true,
      preValidation: async (request) => {
        if (!originAllowed(request.headers.origin, services.config.server.public_url, request.headers.host)) {
          throw new NotAllowedError(`origin ${request.headers.origin} may not follow logs`, {
            hint: 'open the dashboard at server.public_url',
          });
        }
        const principal = await authenticateRequest(request, services.auth);
        if (!principal) throw new UnauthenticatedError('sign in, or send Authorization: Bearer ops_… to follow logs');
        (request as { principal?: Principal }).principal = principal;
      },
    },
    (socket: WebSocket, request) => {
      const principal = (request as { principal?: Principal }).principal as Principal;
      const stop = new AbortController();
      const send = (message: unknown) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
      };
      socket.on('close', () => stop.abort());
      const parsed = Query.safeParse(request.query ?? {});
      if (!parsed.success) {
        send({ error: `invalid follow request: ${parsed.error.issues[0]?.message}`, hint: 'give ?query=<LogQL>' });
        socket.close(1008, 'invalid request');
        return;
      }
      const ids = parsed.data.cluster === undefined ? [] : [parsed.data.cluster].flat();
      followKubeLogs({
        query: parsed.data.query,
        clusters: () => logClustersFor(services, principal, ids),
        onEntries: (entries) => send({ entries }),
        onError: (warning) => send({ warning }),
        signal: stop.signal,
        pollMs: parsed.data.poll_ms,
        now: () => services.clock.now(),
      }).catch((error: unknown) => {
        const known = isOpspilotError(error);
        send({ error: known ? error.message : 'following logs failed', hint: known ? error.hint : undefined });
        if (!(error instanceof InputError)) services.logger.error({ err: error }, 'log follow failed');
        socket.close(1008, 'query refused');
      });
    },
  );
}
