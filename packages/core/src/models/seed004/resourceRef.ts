import { z } from 'zod';

/**
 * Names one Kubernetes object an incident, recommendation or healing action is about, e.g.
 * `{ kind: 'Deployment', namespace: 'todo', name: 'backend' }`. Leave `namespace` out for cluster-scoped kinds
 * such as Node or PersistentVolume.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */
export const ResourceRef = z.object({
  kind: z.string().min(1),
  namespace: z.string().min(1).optional(),
  name: z.string().min(1),
});
export type ResourceRef = z.infer<typeof ResourceRef>;
