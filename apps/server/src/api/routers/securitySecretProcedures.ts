import { NotFoundError, ObjectRef, Operation } from '@opspilot/core';
import { liveSecretAges, RotationRequest, secretRotation } from '@opspilot/security';
import { z } from 'zod';
import { proposeSecurityPlan } from '../../security/proposeSecurityPlan.js';
import { SecretMaxAgePolicy, saveGate, secretPolicyOf } from '../../security/securityGates.js';
import { BoolParam } from '../apiSchemas.js';
import { audit, procedureFor } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

const SecretAgeRow = z.object({
  namespace: z.string(),
  name: z.string(),
  type: z.string(),
  keys: z.array(z.string()),
  created_at: z.string().optional(),
  rotated_at: z.string().optional(),
  age_days: z.number(),
  max_age_days: z.number(),
  overdue: z.boolean(),
  consumers: z.array(ObjectRef),
});

/**
 * The secret procedures of the security router (seed 004 `rotateSecrets`): Secret ages against the maximum-age
 * policy, the policy itself, and a Secret's rotation (new random or supplied values, its consumers restarted) proposed
 * as one operation through review. Values are never returned, logged or audited.
 */
export const securitySecretProcedures = {
  secrets: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/secrets', tags: ['security'], protect: true } })
    .input(
      z.object({
        cluster_id: z.uuid(),
        namespace: z.string().min(1).max(253).optional(),
        max_age_days: z.coerce.number().int().min(1).max(3650).optional(),
        overdue: BoolParam.optional(),
      }),
    )
    .output(z.object({ max_age_days: z.number(), items: z.array(SecretAgeRow) }))
    .query(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const maxAgeDays = input.max_age_days ?? (await secretPolicyOf(ctx.services, cluster.id)).max_age_days;
      const gateway = await ctx.services.gateways.get(cluster.id);
      const items = await liveSecretAges(gateway, {
        now: ctx.services.clock.now(),
        maxAgeDays,
        ...(input.namespace ? { namespace: input.namespace } : {}),
      });
      return { max_age_days: maxAgeDays, items: input.overdue ? items.filter((i) => i.overdue) : items };
    }),

  setSecretPolicy: procedureFor('APPROVER')
    .meta({ openapi: { method: 'PUT', path: '/security/gates/secrets', tags: ['security'], protect: true } })
    .input(SecretMaxAgePolicy.extend({ cluster_id: z.uuid().optional(), enabled: z.boolean().default(true) }))
    .output(z.object({ scope: z.string(), enabled: z.boolean(), max_age_days: z.number() }))
    .mutation(async ({ ctx, input }) => {
      if (input.cluster_id) await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const row = await saveGate(ctx.services, {
        kind: 'SECRET_MAX_AGE',
        ...(input.cluster_id ? { clusterId: input.cluster_id } : {}),
        settings: { max_age_days: input.max_age_days },
        enabled: input.enabled,
        user: ctx.principal.user.username,
      });
      await audit(ctx, {
        action: 'security.gate.secrets',
        target: `gate/secrets/${row.scope}`,
        details: { enabled: input.enabled, max_age_days: input.max_age_days },
      });
      return { scope: row.scope, enabled: row.enabled, max_age_days: input.max_age_days };
    }),

  rotateSecret: procedureFor('OPERATOR')
    .meta({ openapi: { method: 'POST', path: '/security/secrets/rotate', tags: ['security'], protect: true } })
    .input(
      RotationRequest.extend({
        cluster_id: z.uuid(),
        namespace: z.string().min(1).max(253),
        name: z.string().min(1).max(253),
      }),
    )
    .output(Operation)
    .mutation(async ({ ctx, input }) => {
      const { cluster_id, namespace, name, ...request } = input;
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, cluster_id);
      const gateway = await ctx.services.gateways.get(cluster.id);
      const policy = await secretPolicyOf(ctx.services, cluster.id);
      const now = ctx.services.clock.now();
      const ages = await liveSecretAges(gateway, { now, maxAgeDays: policy.max_age_days, namespace });
      const secret = ages.find((a) => a.name === name);
      if (!secret)
        throw new NotFoundError(`no rotatable Secret ${namespace}/${name}`, {
          hint: 'list them with security.secrets (service-account tokens and Helm releases are not rotated here)',
        });
      const rotation = secretRotation(secret, request, { now });
      const operation = await proposeSecurityPlan(ctx.services, cluster.id, ctx.principal, {
        request: `rotate secret ${namespace}/${name}`,
        summary: rotation.summary,
        steps: rotation.steps,
        assumptions: [
          `${secret.age_days} days since the last rotation (maximum ${secret.max_age_days})`,
          request.values ? 'values supplied by the user' : 'new random values',
        ],
        planner: 'security:rotate-secret',
      });
      await ctx.services.bus.publish({
        event_type: 'SECRET_ROTATION_PROPOSED',
        cluster_id: cluster.id,
        namespace,
        timestamp: now.toISOString(),
        payload: { namespace, name, keys: rotation.keys, restarts: rotation.restarted, operation_id: operation.id },
      });
      await audit(ctx, {
        action: 'security.secret.rotation.proposed',
        target: `secret/${namespace}/${name}`,
        details: {
          keys: rotation.keys,
          restarts: rotation.restarted,
          operation_id: operation.id,
          supplied: !!request.values,
        },
      });
      return operation;
    }),
};
