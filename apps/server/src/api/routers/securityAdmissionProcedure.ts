import { admissionPolicyFor, policyFromRow } from '@opspilot/security';
import { stringify } from 'yaml';
import { z } from 'zod';
import { IdInput } from '../apiSchemas.js';
import { procedureFor } from '../trpc.js';

/**
 * `security.admissionPolicy`: a stored policy compiled to a ValidatingAdmissionPolicy (CEL) and its binding, as
 * objects and as YAML to review and apply (`kubectl apply -f`, or `opspilot review`). The simulated cluster does not
 * enforce admission policies; a real API server (1.30+) does.
 */
export const securityAdmissionProcedure = {
  admissionPolicy: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/policies/{id}/admission', tags: ['security'], protect: true } })
    .input(IdInput)
    .output(
      z.object({
        policy: z.record(z.string(), z.unknown()),
        binding: z.record(z.string(), z.unknown()),
        yaml: z.string(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const policy = policyFromRow(await ctx.services.store.securityPolicies.get(input.id));
      const compiled = admissionPolicyFor(policy);
      return { ...compiled, yaml: `${stringify(compiled.policy)}---\n${stringify(compiled.binding)}` };
    }),
};
