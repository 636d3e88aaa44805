import { type AuditTrailEntry, type NewAuditTrailEntry, NotAllowedError, type UserRole } from '@opspilot/core';
import { initTRPC, TRPCError } from '@trpc/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { authenticateRequest, csrfSatisfied } from '../auth/authenticateRequest.js';
import { type Principal, requireRole } from '../auth/principal.js';
import { publishAudit } from '../events/publishAudit.js';
import { assertSafeJsonInput } from '../safeJsonInput.js';
import { toApiError } from './apiError.js';
import type { ApiServices } from './apiServices.js';

/** What every procedure sees: the services, the caller (if authenticated) and the HTTP exchange. */
export interface ApiContext {
  services: ApiServices;
  principal: Principal | undefined;
  /** Whether a cookie-session caller presented the CSRF token (always true for token callers). */
  csrfOk: boolean;
  request: FastifyRequest;
  reply: FastifyReply;
  traceId: string;
  ip: string;
}

/** Builds the context of one request (tRPC and REST alike). */
export async function createApiContext(
  services: ApiServices,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<ApiContext> {
  const principal = await authenticateRequest(request, services.auth);
  return {
    services,
    principal,
    csrfOk: principal ? csrfSatisfied(request, principal) : false,
    request,
    reply,
    traceId: request.id,
    ip: request.ip,
  };
}

const t = initTRPC
  .context<ApiContext>()
  .meta<OpenApiMeta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const { status, body } = toApiError(error, ctx?.traceId ?? 'unknown', ctx?.services.clock.now() ?? new Date());
      return { ...body, code: shape.code, data: { ...shape.data, stack: undefined, httpStatus: status, ...body } };
    },
  });

/** Every procedure's input, parsed by tRPC or assembled by the REST mapping: bounded depth, no NUL characters. */
const safeInput = t.middleware(async ({ getRawInput, next }) => {
  assertSafeJsonInput(await getRawInput(), 'input');
  return next();
});

/** tRPC's router and middleware builders, typed with {@link ApiContext}. */
export const router = t.router;
/** Procedures anyone may call (sign-in, health of the session). */
export const publicProcedure = t.procedure.use(safeInput);

const authenticated = t.middleware(({ ctx, type, next }) => {
  if (!ctx.principal) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'sign in, or send Authorization: Bearer ops_… with an API token',
    });
  }
  if (type === 'mutation' && !ctx.csrfOk) {
    throw new NotAllowedError('this change needs the CSRF token of the session', {
      hint: 'send the value of the opspilot_csrf cookie in the x-csrf-token header',
      details: { reason: 'CSRF_TOKEN_MISSING' },
    });
  }
  return next({ ctx: { ...ctx, principal: ctx.principal } });
});

/**
 * A procedure for callers with at least `role`: VIEWER reads, OPERATOR proposes and applies non-destructive changes,
 * APPROVER approves, ADMIN manages users. Cookie sessions must present the CSRF token on mutations.
 */
export function procedureFor(role: UserRole) {
  return t.procedure
    .use(authenticated)
    .use(safeInput)
    .use(({ ctx, path, next }) => {
      requireRole(ctx.principal, role, path);
      return next();
    });
}

/** Appends an audit entry for an action of the caller and announces it on the event bus. */
export async function audit(
  ctx: ApiContext & { principal: Principal },
  entry: Omit<NewAuditTrailEntry, 'user_id' | 'timestamp'>,
): Promise<AuditTrailEntry> {
  return publishAudit(ctx.services, {
    ...entry,
    user_id: ctx.principal.user.id,
    details: { username: ctx.principal.user.username, via: ctx.principal.via, ...entry.details },
  });
}
