import type { FastifyInstance } from 'fastify';

/** What readiness needs of the store: a trivial round trip that fails when the database cannot answer. */
export interface StoreHealth {
  /** Resolves when the database answers a trivial query (e.g. `select 1`); rejects otherwise. */
  ping(): Promise<unknown>;
  /**
   * Why this process takes no work although the store answers (e.g. its event bus or job queue is lost), or
   * undefined when it takes work.
   */
  unready?(): string | undefined;
}

/** Body of `/readyz`. */
export type Readiness = { status: 'ready' } | { status: 'unavailable'; reason: string };

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /healthz` (liveness: the process serves HTTP, always 200) and `GET /readyz` (readiness: 200 when the store
 * answers a trivial query within `timeoutMs` and nothing else keeps the process from taking work, else 503 with
 * the reason), for Kubernetes probes.
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
export function registerHealthRoutes(app: FastifyInstance, store: StoreHealth, timeoutMs = 2_000): void {
  app.get('/healthz', async () => ({ status: 'ok' as const }));
  app.get('/readyz', async (request, reply) => {
    try {
      await withTimeout(
        Promise.resolve().then(() => store.ping()),
        timeoutMs,
        'store',
      );
    } catch (error) {
      const reason = `store: ${error instanceof Error ? error.message : String(error)}`;
      request.log.warn({ reason }, 'not ready');
      return reply.status(503).send({ status: 'unavailable', reason } satisfies Readiness);
    }
    const reason = store.unready?.();
    if (reason === undefined) return { status: 'ready' } satisfies Readiness;
    request.log.warn({ reason }, 'not ready');
    return reply.status(503).send({ status: 'unavailable', reason } satisfies Readiness);
  });
}
