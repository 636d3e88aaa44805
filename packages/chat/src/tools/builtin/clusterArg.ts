import { z } from 'zod';

/** The optional `cluster` argument of every cluster tool: a name or id; omit when one cluster is in scope. */
export const ClusterArg = z.string().min(1).optional().describe('cluster name or id; omit when only one is in scope');

/** The common reference to one object. */
export const ObjectArgs = z.object({
  cluster: ClusterArg,
  kind: z.string().min(1).describe('Kubernetes kind, e.g. Deployment, Pod, Service, Node'),
  name: z.string().min(1),
  namespace: z.string().min(1).optional(),
});

/** An event as one line of text. */
export function eventLine(event: Record<string, unknown>): string {
  const e = event as {
    type?: string;
    reason?: string;
    message?: string;
    involvedObject?: { kind?: string; name?: string };
  };
  return `${e.type ?? ''} ${e.reason ?? ''} ${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}: ${e.message ?? ''}`;
}
