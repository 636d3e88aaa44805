import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TRPCError } from '@trpc/server';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fastifyTRPCOpenApiPlugin, generateOpenApiDocument } from 'trpc-to-openapi';
import { ErrorResponse } from '../errorResponse.js';
import { errorHeaders, toApiError } from './apiError.js';
import type { ApiServices } from './apiServices.js';
import { type AppRouter, appRouter } from './routers/appRouter.js';
import { type ApiContext, createApiContext } from './trpc.js';
import { allowPackedAnswers, registerPackedAnswerWriting } from './writePackedAnswer.js';

/** Where the API lives. */
export const API_PATHS = {
  trpc: '/api/trpc',
  rest: '/api/v1',
  openapi: '/api/openapi.json',
  docs: '/api/docs',
} as const;

const ERROR_FIELDS = Object.keys(ErrorResponse.shape);

/** Builds the OpenAPI 3 document of the REST mapping (served at `/api/openapi.json`). */
export function buildOpenApiDocument(baseUrl: string) {
  return generateOpenApiDocument(appRouter, {
    title: 'opspilot API',
    description:
      'The opspilot HTTP API. Authenticate with `Authorization: Bearer ops_…` (an API token) or a session cookie ' +
      '(from POST /auth/login; changes then need the `x-csrf-token` header). Errors are seed 003 §8.3 bodies.',
    version: '0.1.0',
    baseUrl: `${baseUrl}${API_PATHS.rest}`,
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'ops_…' } },
  });
}

/**
 * Serves the API: tRPC at `/api/trpc` (what the web app and typed clients use), the REST mapping of the same
 * procedures at `/api/v1` (trpc-to-openapi), its OpenAPI document at `/api/openapi.json` and Swagger UI at
 * `/api/docs`. Both transports share the context, the role checks and the seed 003 §8.3 error bodies.
 */
export async function registerApi(app: FastifyInstance, services: ApiServices): Promise<void> {
  const createContext = ({ req, res }: { req: unknown; res: unknown }) => {
    allowPackedAnswers(req as FastifyRequest);
    return createApiContext(services, req as never, res as never);
  };
  registerPackedAnswerWriting(app);

  await app.register(fastifyTRPCPlugin, {
    prefix: API_PATHS.trpc,
    trpcOptions: {
      router: appRouter,
      createContext,
      responseMeta: ({ errors }) => (errors[0] ? { headers: errorHeaders(errors[0]) } : {}),
      onError: ({ error, ctx }) => {
        if (toApiError(error, ctx?.traceId ?? '-', new Date()).status >= 500) {
          services.logger.error({ err: error.cause ?? error, trace_id: ctx?.traceId }, 'procedure failed');
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  await app.register(async (rest) => {
    // The REST adapter answers with tRPC's error shape; keep exactly the seed 003 §8.3 fields.
    rest.addHook('onSend', async (_request, reply, payload) => {
      if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
      try {
        const body = JSON.parse(payload) as Record<string, unknown>;
        if (typeof body.error_code !== 'string') return payload;
        return JSON.stringify(Object.fromEntries(ERROR_FIELDS.filter((k) => k in body).map((k) => [k, body[k]])));
      } catch {
        return payload;
      }
    });
    await rest.register(fastifyTRPCOpenApiPlugin, {
      basePath: API_PATHS.rest,
      router: appRouter,
      createContext,
      onError: ({ error, ctx, req }: { error: TRPCError; ctx?: ApiContext; req: { id?: string } }) => {
        const traceId = ctx?.traceId ?? req.id;
        if (toApiError(error, traceId ?? '-', new Date()).status >= 500) {
          services.logger.error({ err: error.cause ?? error, trace_id: traceId }, 'REST request failed');
        }
      },
      responseMeta: ({ errors, ctx }: { errors: TRPCError[]; ctx?: ApiContext }) => {
        const error = errors[0];
        if (!error) return {};
        const status = toApiError(error, ctx?.traceId ?? '-', new Date()).status;
        return { status, headers: errorHeaders(error) };
      },
    });
  });

  const document = buildOpenApiDocument(services.config.server.public_url ?? '');
  app.get(API_PATHS.openapi, async () => document);
  await app.register(swagger, { mode: 'static', specification: { document: document as never } });
  await app.register(swaggerUi, { routePrefix: API_PATHS.docs });
}
