import { z } from 'zod';

/** Metadata every Kubernetes object carries (the fields opspilot reads). */
export const ObjectMeta = z
  .object({
    name: z.string(),
    namespace: z.string().optional(),
    uid: z.string().optional(),
    resourceVersion: z.string().optional(),
    generation: z.number().optional(),
    creationTimestamp: z.string().optional(),
    deletionTimestamp: z.string().optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
    ownerReferences: z
      .array(
        z.object({
          apiVersion: z.string(),
          kind: z.string(),
          name: z.string(),
          uid: z.string(),
          controller: z.boolean().optional(),
        }),
      )
      .optional(),
  })
  .loose();

/**
 * Any Kubernetes object as it crosses the cluster boundary: parsed loosely (unknown fields kept), typed strictly
 * where opspilot reads it.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/
 */
export const KubeObject = z
  .object({
    apiVersion: z.string(),
    kind: z.string(),
    metadata: ObjectMeta,
    spec: z.unknown().optional(),
    status: z.unknown().optional(),
  })
  .loose();
export type KubeObject = z.infer<typeof KubeObject>;

/** Names one object: `kind` plus `name`, and `namespace` for namespaced kinds. */
export const ObjectRef = z.object({
  kind: z.string().min(1),
  name: z.string().min(1),
  namespace: z.string().optional(),
  apiVersion: z.string().optional(),
});
export type ObjectRef = z.infer<typeof ObjectRef>;

/** `deployment/todo/backend` for namespaced objects, `node/worker-1` for cluster-scoped ones. */
export function formatRef(ref: ObjectRef): string {
  const kind = ref.kind.toLowerCase();
  return ref.namespace ? `${kind}/${ref.namespace}/${ref.name}` : `${kind}/${ref.name}`;
}

/** The {@link ObjectRef} of an object. */
export function refOf(obj: KubeObject): ObjectRef {
  return { kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace, apiVersion: obj.apiVersion };
}
