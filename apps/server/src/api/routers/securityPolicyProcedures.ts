import { InputError } from '@opspilot/core';
import {
  auditCluster,
  mapPolicySentence,
  POLICY_TEMPLATES,
  PolicyMatch,
  PolicyViolation,
  policyFromRow,
  policyRow,
  preparePolicy,
  SecurityPolicy,
  violationLine,
} from '@opspilot/security';
import { z } from 'zod';
import { IdInput } from '../apiSchemas.js';
import { audit, procedureFor } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

const Mapping = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    template: z.string(),
    title: z.string(),
    parameters: z.record(z.string(), z.unknown()),
    match: PolicyMatch,
    explanation: z.string(),
  }),
  z.object({
    ok: z.literal(false),
    reason: z.string(),
    closest: z.array(z.object({ template: z.string(), title: z.string(), description: z.string(), score: z.number() })),
  }),
]);

const NewPolicyInput = z.object({
  name: z.string().min(1).max(255),
  /** A library template with parameters… */
  template: z.string().min(1).max(100).optional(),
  parameters: z.record(z.string(), z.unknown()).default({}),
  match: PolicyMatch.default({}),
  /** …or a plain-English sentence mapped onto one. */
  sentence: z.string().min(1).max(1000).optional(),
  enforcement: z.enum(['audit', 'warn', 'deny']).default('audit'),
});

async function allPolicies(store: Parameters<typeof visibleCluster>[0]): Promise<SecurityPolicy[]> {
  const rows = await store.securityPolicies.list({}, { page_size: 100 });
  return rows.items.filter((r) => r.rules.length === 1).map(policyFromRow);
}

/** The policy procedures of the security router: the template library, stored policies and audits. */
export const securityPolicyProcedures = {
  templates: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/templates', tags: ['security'], protect: true } })
    .input(z.object({}).optional())
    .output(
      z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), kinds: z.array(z.string()) })),
    )
    .query(() =>
      POLICY_TEMPLATES.map((t) => ({ id: t.id, title: t.title, description: t.description, kinds: [...t.kinds] })),
    ),

  mapPolicy: procedureFor('VIEWER')
    .meta({ openapi: { method: 'POST', path: '/security/policies/map', tags: ['security'], protect: true } })
    .input(z.object({ sentence: z.string().min(1).max(1000) }))
    .output(Mapping)
    .mutation(({ input }) => mapPolicySentence(input.sentence)),

  policies: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/policies', tags: ['security'], protect: true } })
    .input(z.object({}).optional())
    .output(z.array(SecurityPolicy))
    .query(({ ctx }) => allPolicies(ctx.services.store)),

  createPolicy: procedureFor('APPROVER')
    .meta({ openapi: { method: 'POST', path: '/security/policies', tags: ['security'], protect: true } })
    .input(NewPolicyInput)
    .output(SecurityPolicy)
    .mutation(async ({ ctx, input }) => {
      let template = input.template;
      let parameters = input.parameters;
      let match = input.match;
      if (!template) {
        if (!input.sentence)
          throw new InputError('give a template or a sentence', {
            hint: 'e.g. "all deployments must have an owner label"',
          });
        const mapped = mapPolicySentence(input.sentence);
        if (!mapped.ok) {
          throw new InputError(`${mapped.reason}`, {
            hint: `closest templates: ${mapped.closest.map((c) => c.template).join(', ') || 'none'}`,
          });
        }
        ({ template, parameters, match } = mapped);
      }
      const policy = {
        name: input.name,
        template,
        parameters,
        match,
        enforcement: input.enforcement,
        enabled: true,
        ...(input.sentence ? { sentence: input.sentence } : {}),
      };
      preparePolicy({ ...policy, id: 'new' });
      const row = await ctx.services.store.securityPolicies.create(policyRow(policy));
      const stored = policyFromRow(row);
      await audit(ctx, {
        action: 'security.policy.created',
        target: `securitypolicy/${stored.name}`,
        details: { policy: stored },
      });
      return stored;
    }),

  deletePolicy: procedureFor('APPROVER')
    .meta({ openapi: { method: 'DELETE', path: '/security/policies/{id}', tags: ['security'], protect: true } })
    .input(IdInput)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.services.store.securityPolicies.get(input.id);
      await ctx.services.store.securityPolicies.delete(input.id);
      await audit(ctx, { action: 'security.policy.deleted', target: `securitypolicy/${row.name}`, details: {} });
      return { deleted: true as const };
    }),

  audit: procedureFor('VIEWER')
    .meta({ openapi: { method: 'POST', path: '/security/audit', tags: ['security'], protect: true } })
    .input(
      z.object({
        cluster_id: z.uuid(),
        namespace: z.string().min(1).max(253).optional(),
        /** Audit only these stored policies (all enabled ones when missing)… */
        policy_ids: z.array(z.uuid()).optional(),
        /** …or one plain-English policy, not stored. */
        sentence: z.string().min(1).max(1000).optional(),
      }),
    )
    .output(
      z.object({
        status: z.enum(['completed', 'offline']),
        policies: z.array(z.string()),
        violations: z.array(PolicyViolation),
        lines: z.array(z.string()),
        errors: z.array(z.string()),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      let policies: SecurityPolicy[];
      if (input.sentence) {
        const mapped = mapPolicySentence(input.sentence);
        if (!mapped.ok) {
          throw new InputError(mapped.reason, {
            hint: `closest templates: ${mapped.closest.map((c) => c.template).join(', ') || 'none'}`,
          });
        }
        policies = [
          {
            id: 'sentence',
            name: mapped.template,
            template: mapped.template,
            parameters: mapped.parameters,
            match: mapped.match,
            enforcement: 'audit',
            enabled: true,
            sentence: input.sentence,
          },
        ];
      } else {
        const stored = await allPolicies(ctx.services.store);
        policies = input.policy_ids ? stored.filter((p) => input.policy_ids?.includes(p.id)) : stored;
      }
      const gateway = await ctx.services.gateways.get(cluster.id);
      const result = await auditCluster(gateway, policies, {
        cluster: cluster.name,
        ...(input.namespace ? { namespace: input.namespace } : {}),
      });
      return { ...result, policies: policies.map((p) => p.name), lines: result.violations.map(violationLine) };
    }),
};
