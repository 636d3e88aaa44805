import type { KubeObj, KubeRuleContext } from '@opspilot/manifests';
import type { z } from 'zod';

/**
 * A parameterised policy template (the OPA Gatekeeper library's templates, in TypeScript): given an object and the
 * parameters of a policy, the reasons it violates the policy (none when it complies).
 * @see https://open-policy-agent.github.io/gatekeeper-library/website/
 */
export interface PolicyTemplate<S extends z.ZodType = z.ZodType> {
  /** The Gatekeeper library name, e.g. `k8srequiredlabels`. */
  id: string;
  title: string;
  description: string;
  /** Kinds checked when a policy names none. */
  kinds: readonly string[];
  parameters: S;
  /** Words that point at this template, for offering the closest templates to a sentence the mapper cannot map. */
  keywords: readonly string[];
  check(obj: KubeObj, params: z.infer<S>, ctx: KubeRuleContext): string[];
}

/**
 * Declares a policy template (keeps the parameter type of `check` tied to the schema).
 * @example
 * export const blockNodePort = defineTemplate({ id: 'k8sblocknodeport', parameters: z.object({}), ... });
 */
export function defineTemplate<S extends z.ZodType>(template: PolicyTemplate<S>): PolicyTemplate<S> {
  return template;
}
