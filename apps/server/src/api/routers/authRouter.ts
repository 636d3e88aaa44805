import { User } from '@opspilot/core';
import { z } from 'zod';
import { clearSessionCookies, secureCookies, setSessionCookies } from '../../auth/sessionCookies.js';
import { publishAudit } from '../../events/publishAudit.js';
import { NoInput } from '../apiSchemas.js';
import { audit, procedureFor, publicProcedure, router } from '../trpc.js';

/**
 * Browser sign-in. `login` checks the rate limit (per user and per address), the password and the account, then
 * sets the HttpOnly session cookie and the CSRF cookie; `logout` ends the session; `session` tells the page who is
 * signed in and the CSRF token to send with changes.
 */
export const authRouter = router({
  login: publicProcedure
    .meta({ openapi: { method: 'POST', path: '/auth/login', tags: ['auth'], summary: 'Sign in (sets cookies)' } })
    .input(z.object({ username: z.string().min(1).max(128), password: z.string().min(1).max(1024) }))
    .output(z.object({ user: User, csrf_token: z.string(), expires_at: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { auth, config } = ctx.services;
      const started = await auth.login({
        username: input.username,
        password: input.password,
        ip: ctx.ip,
        userAgent: ctx.request.headers['user-agent'],
      });
      setSessionCookies(ctx.reply, secureCookies(config, ctx.request), started);
      await publishAudit(ctx.services, {
        user_id: started.user.id,
        action: 'auth.login',
        target: `user:${started.user.username}`,
        details: { ip: ctx.ip },
      });
      return { user: started.user, csrf_token: started.csrfToken, expires_at: started.expiresAt.toISOString() };
    }),

  logout: procedureFor('VIEWER')
    .meta({ openapi: { method: 'POST', path: '/auth/logout', tags: ['auth'], protect: true, summary: 'Sign out' } })
    .input(NoInput)
    .output(z.object({ signed_out: z.boolean() }))
    .mutation(async ({ ctx }) => {
      if (ctx.principal.sessionId) await ctx.services.auth.logout(ctx.principal.sessionId);
      clearSessionCookies(ctx.reply, secureCookies(ctx.services.config, ctx.request));
      await audit(ctx, { action: 'auth.logout', target: `user:${ctx.principal.user.username}` });
      return { signed_out: ctx.principal.sessionId !== undefined };
    }),

  session: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/auth/session', tags: ['auth'], protect: true, summary: 'Who is signed in' },
    })
    .input(NoInput)
    .output(z.object({ user: User, via: z.enum(['session', 'token']), csrf_token: z.string().optional() }))
    .query(({ ctx }) => ({ user: ctx.principal.user, via: ctx.principal.via, csrf_token: ctx.principal.csrfToken })),
});
