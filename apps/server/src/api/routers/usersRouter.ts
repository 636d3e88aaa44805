import { ConflictError, InputError, User, Username, UserRole, UserWithGrants } from '@opspilot/core';
import { hashPassword, MIN_PASSWORD_LENGTH } from '@opspilot/store';
import { z } from 'zod';
import { IdInput, NoInput, PageInput, pageOf } from '../apiSchemas.js';
import { audit, procedureFor, router } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

const Password = z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1024);
const GrantInput = z.object({ user_id: z.uuid(), cluster_id: z.uuid() });

/**
 * Users: anyone reads themselves (`me`); administrators list, create, change roles, disable, and grant or revoke
 * access to clusters. Disabling a user ends their sessions; their API tokens stop working at once.
 */
export const usersRouter = router({
  me: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/users/me', tags: ['users'], protect: true, summary: 'The caller' } })
    .input(NoInput)
    .output(UserWithGrants)
    .query(async ({ ctx }) => ({
      ...ctx.principal.user,
      cluster_ids: await ctx.services.store.users.clusterIdsOf(ctx.principal.user.id),
    })),

  list: procedureFor('ADMIN')
    .meta({ openapi: { method: 'GET', path: '/users', tags: ['users'], protect: true, summary: 'List users' } })
    .input(z.object({ ...PageInput, role: UserRole.optional() }))
    .output(pageOf(User))
    .query(({ ctx, input }) =>
      ctx.services.store.users.list(input.role ? { role: input.role } : {}, {
        page: input.page,
        page_size: input.page_size,
      }),
    ),

  create: procedureFor('ADMIN')
    .meta({ openapi: { method: 'POST', path: '/users', tags: ['users'], protect: true, summary: 'Create a user' } })
    .input(
      z.object({
        username: Username,
        display_name: z.string().max(128).optional(),
        role: UserRole,
        password: Password,
      }),
    )
    .output(User)
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.services.store.users.create({
        username: input.username,
        display_name: input.display_name,
        role: input.role,
        password_hash: await hashPassword(input.password),
      });
      await audit(ctx, { action: 'user.create', target: `user:${user.username}`, details: { role: user.role } });
      return user;
    }),

  setRole: procedureFor('ADMIN')
    .meta({
      openapi: {
        method: 'POST',
        path: '/users/{id}/role',
        tags: ['users'],
        protect: true,
        summary: "Change a user's role",
      },
    })
    .input(IdInput.extend({ role: UserRole }))
    .output(User)
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.principal.user.id && input.role !== 'ADMIN') {
        throw new ConflictError('you cannot take the ADMIN role from yourself', {
          hint: 'ask another administrator to change your role',
        });
      }
      const user = await ctx.services.store.users.update(input.id, { role: input.role });
      await audit(ctx, { action: 'user.set_role', target: `user:${user.username}`, details: { role: input.role } });
      return user;
    }),

  disable: procedureFor('ADMIN')
    .meta({
      openapi: {
        method: 'POST',
        path: '/users/{id}/disable',
        tags: ['users'],
        protect: true,
        summary: 'Disable or enable a user',
      },
    })
    .input(IdInput.extend({ disabled: z.boolean().default(true) }))
    .output(User)
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.principal.user.id) {
        throw new InputError('you cannot disable yourself', { hint: 'ask another administrator' });
      }
      const { store } = ctx.services;
      const user = await store.users.update(input.id, { disabled: input.disabled });
      if (input.disabled) await store.sessions.deleteForUser(user.id);
      await audit(ctx, {
        action: input.disabled ? 'user.disable' : 'user.enable',
        target: `user:${user.username}`,
      });
      return user;
    }),

  grantCluster: procedureFor('ADMIN')
    .meta({
      openapi: {
        method: 'POST',
        path: '/users/{user_id}/clusters/{cluster_id}',
        tags: ['users'],
        protect: true,
        summary: 'Grant a cluster',
      },
    })
    .input(GrantInput)
    .output(UserWithGrants)
    .mutation(async ({ ctx, input }) => {
      const { store } = ctx.services;
      const user = await store.users.get(input.user_id);
      const cluster = await visibleCluster(store, ctx.principal, input.cluster_id);
      await store.users.grantCluster(user.id, cluster.id);
      await audit(ctx, { action: 'user.grant_cluster', target: `user:${user.username}`, cluster_id: cluster.id });
      return { ...user, cluster_ids: await store.users.clusterIdsOf(user.id) };
    }),

  revokeCluster: procedureFor('ADMIN')
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/users/{user_id}/clusters/{cluster_id}',
        tags: ['users'],
        protect: true,
        summary: 'Revoke a cluster',
      },
    })
    .input(GrantInput)
    .output(UserWithGrants)
    .mutation(async ({ ctx, input }) => {
      const { store } = ctx.services;
      const user = await store.users.get(input.user_id);
      await store.users.revokeCluster(user.id, input.cluster_id);
      await audit(ctx, {
        action: 'user.revoke_cluster',
        target: `user:${user.username}`,
        cluster_id: input.cluster_id,
      });
      return { ...user, cluster_ids: await store.users.clusterIdsOf(user.id) };
    }),
});
