import { AuditChainReport, type AuditFilter, AuditTrailEntry, NotFoundError } from '@opspilot/core';
import { z } from 'zod';
import { canSeeCluster } from '../../auth/principal.js';
import { NoInput, PageInput, pageOf } from '../apiSchemas.js';
import { procedureFor, router } from '../trpc.js';

const EMPTY_PAGE = { items: [], total: 0, total_pages: 0 };

/**
 * The audit log: list (newest first, filtered by user, action, cluster or target), get one entry, verify the hash
 * chain. Administrators see every entry; others see the entries of their clusters when they filter by one, and
 * otherwise their own.
 */
export const auditRouter = router({
  list: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/audit', tags: ['audit'], protect: true, summary: 'List audit entries' } })
    .input(
      z.object({
        ...PageInput,
        user_id: z.string().min(1).optional(),
        action: z.string().min(1).optional(),
        cluster_id: z.uuid().optional(),
        target: z.string().min(1).optional(),
      }),
    )
    .output(pageOf(AuditTrailEntry))
    .query(async ({ ctx, input }) => {
      const { page, page_size, ...rest } = input;
      const filter: AuditFilter = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
      const principal = ctx.principal;
      if (principal.clusterIds !== 'all') {
        if (filter.cluster_id !== undefined) {
          if (!canSeeCluster(principal, filter.cluster_id)) return { ...EMPTY_PAGE, page, page_size };
        } else {
          filter.user_id = principal.user.id;
        }
      }
      return ctx.services.store.audit.list(filter, { page, page_size });
    }),

  get: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/audit/{sequence}',
        tags: ['audit'],
        protect: true,
        summary: 'Get an audit entry',
      },
    })
    .input(z.object({ sequence: z.coerce.number().int().min(1) }))
    .output(AuditTrailEntry)
    .query(async ({ ctx, input }) => {
      const [entry] = (await ctx.services.store.audit.list({ sequence: input.sequence }, { page_size: 1 })).items;
      const mine = entry?.user_id === ctx.principal.user.id;
      if (
        !entry ||
        !(
          mine ||
          (entry.cluster_id && canSeeCluster(ctx.principal, entry.cluster_id)) ||
          ctx.principal.clusterIds === 'all'
        )
      ) {
        throw new NotFoundError(`audit entry #${input.sequence} not found`, {
          hint: 'list the audit log to see the entries you may read',
        });
      }
      return entry;
    }),

  verify: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/audit/chain/verify',
        tags: ['audit'],
        protect: true,
        summary: 'Verify the audit chain',
      },
    })
    .input(NoInput)
    .output(AuditChainReport)
    .query(({ ctx }) => ctx.services.store.audit.verify()),
});
