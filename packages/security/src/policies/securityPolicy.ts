import { z } from 'zod';

/** Which objects a policy looks at (Gatekeeper's `match`). */
export const PolicyMatch = z.object({
  kinds: z.array(z.string().min(1)).optional(),
  namespaces: z.array(z.string().min(1)).optional(),
  excludedNamespaces: z.array(z.string().min(1)).optional(),
});
export type PolicyMatch = z.infer<typeof PolicyMatch>;

/**
 * A policy (seed 004 `security_policies`): a library template with parameters and a match. `sentence` keeps the
 * plain-English request it was mapped from, so the user sees which template was chosen for what.
 */
export const SecurityPolicy = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  template: z.string().min(1),
  parameters: z.record(z.string(), z.unknown()).default({}),
  match: PolicyMatch.default({}),
  enforcement: z.enum(['audit', 'warn', 'deny']).default('audit'),
  enabled: z.boolean().default(true),
  sentence: z.string().optional(),
});
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;

/** One object violating one policy, with every reason. */
export const PolicyViolation = z.object({
  policy: z.string(),
  template: z.string(),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  reasons: z.array(z.string()).min(1),
});
export type PolicyViolation = z.infer<typeof PolicyViolation>;

/** `VIOLATING: Deployment/shop/web — reason; reason` (the audit line of `ask`, the CLI and the API). */
export function violationLine(v: PolicyViolation): string {
  const ref = v.namespace ? `${v.kind}/${v.namespace}/${v.name}` : `${v.kind}/${v.name}`;
  return `VIOLATING: ${ref} — ${v.reasons.join('; ')}`;
}
