import { z } from 'zod';

/**
 * The `Status` body an API server answers a failed request with (the fields opspilot reads).
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
 */
export const KubeStatus = z
  .object({
    kind: z.literal('Status'),
    message: z.string().optional(),
    reason: z.string().optional(),
    code: z.number().optional(),
    details: z
      .object({
        name: z.string().optional(),
        group: z.string().optional(),
        kind: z.string().optional(),
        causes: z
          .array(
            z.object({ reason: z.string().optional(), message: z.string().optional(), field: z.string().optional() }),
          )
          .optional(),
        retryAfterSeconds: z.number().optional(),
      })
      .optional(),
  })
  .loose();
export type KubeStatus = z.infer<typeof KubeStatus>;

/** The Status in `body` (a JSON string, as client-node's `ApiException.body` holds it, or an object); else undefined. */
export function parseKubeStatus(body: unknown): KubeStatus | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const parsed = KubeStatus.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
