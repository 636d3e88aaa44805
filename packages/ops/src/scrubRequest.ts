import { type Plan, REDACTED_VALUE, redactText } from '@opspilot/core';

/**
 * The plan with its request text scrubbed by the secret catalogue of `@opspilot/core` (`redactText`: passwords,
 * tokens, keys, `password VALUE`, `pw=VALUE`, credentials in URLs, …), each value written `<redacted>`. The
 * lifecycle stores, audits, records and announces only this text (operations, AI commands, the audit trail, events),
 * so a value typed into a request is never kept in clear, whether or not the plan carries it. The planner has
 * already read the original; the values a plan carries travel in its (sealed) steps.
 * @example
 * scrubRequest(plan).request; // 'create a secret db with password <redacted> in todo'
 */
export function scrubRequest(plan: Plan): Plan {
  return { ...plan, request: redactText(plan.request, REDACTED_VALUE) };
}
