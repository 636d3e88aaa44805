import type { FastifyInstance } from 'fastify';
import { assertJsonTextDepth, assertSafeJsonInput } from './safeJsonInput.js';

/**
 * Checks every request's body and query string before any route sees them: nesting at most `MAX_JSON_DEPTH` levels
 * and no NUL characters, else 400 `INPUT` naming the field. tRPC takes its JSON body as text (its own parser), so that
 * text's depth is checked here and its parsed input by the tRPC procedures (see `trpc.ts`).
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const { body } = request;
    if (typeof body === 'string') {
      if (String(request.headers['content-type'] ?? '').includes('json')) assertJsonTextDepth(body, 'body');
    } else if (body !== undefined && body !== null) {
      assertSafeJsonInput(body, 'body');
    }
    assertSafeJsonInput(request.query, 'query');
  });
}
