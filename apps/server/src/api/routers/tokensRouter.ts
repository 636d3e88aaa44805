import { ApiToken, NotFoundError, Timestamp } from '@opspilot/core';
import { z } from 'zod';
import { IdInput } from '../apiSchemas.js';
import { audit, procedureFor, router } from '../trpc.js';

/**
 * The caller's API tokens (`Authorization: Bearer ops_…`): create (the secret is in the answer, once, and never
 * stored), list, revoke (the token stops working on the very next request). Administrators may list and revoke
 * anyone's. A token acts with its owner's role and clusters.
 */
export const tokensRouter = router({
  create: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'POST', path: '/tokens', tags: ['tokens'], protect: true, summary: 'Create an API token' },
    })
    .input(z.object({ name: z.string().min(1).max(100), expires_at: Timestamp.optional() }))
    .output(z.object({ token: ApiToken, secret: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const created = await ctx.services.auth.createToken(ctx.principal.user.id, input.name, input.expires_at);
      await audit(ctx, { action: 'token.create', target: `token:${created.token.id}`, details: { name: input.name } });
      return created;
    }),

  list: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/tokens', tags: ['tokens'], protect: true, summary: 'List API tokens' } })
    .input(z.object({ user_id: z.uuid().optional() }))
    .output(z.object({ items: z.array(ApiToken) }))
    .query(async ({ ctx, input }) => {
      const me = ctx.principal.user;
      const userId = input.user_id ?? me.id;
      if (userId !== me.id && me.role !== 'ADMIN') return { items: [] };
      return { items: await ctx.services.store.apiTokens.listForUser(userId) };
    }),

  revoke: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/tokens/{id}',
        tags: ['tokens'],
        protect: true,
        summary: 'Revoke an API token',
      },
    })
    .input(IdInput)
    .output(ApiToken)
    .mutation(async ({ ctx, input }) => {
      const { store, clock } = ctx.services;
      const token = await store.apiTokens.get(input.id);
      if (token.user_id !== ctx.principal.user.id && ctx.principal.user.role !== 'ADMIN') {
        throw new NotFoundError(`API token ${input.id} not found`, { hint: 'list your tokens to see their ids' });
      }
      const revoked = await store.apiTokens.revoke(token.id, clock.now().toISOString());
      await audit(ctx, { action: 'token.revoke', target: `token:${token.id}`, details: { name: token.name } });
      return revoked;
    }),
});
