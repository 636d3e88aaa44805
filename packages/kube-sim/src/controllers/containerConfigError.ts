import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';

type Json = Record<string, unknown>;

const SOURCES = {
  secretKeyRef: { plural: 'secrets', kind: 'Secret', lower: 'secret' },
  configMapKeyRef: { plural: 'configmaps', kind: 'ConfigMap', lower: 'configmap' },
  secretRef: { plural: 'secrets', kind: 'Secret', lower: 'secret' },
  configMapRef: { plural: 'configmaps', kind: 'ConfigMap', lower: 'configmap' },
} as const;

/** The keys of a Secret (`data` and `stringData`) or ConfigMap (`data` and `binaryData`). */
function keysOf(obj: KubeObject): string[] {
  const o = obj as unknown as Json;
  return [o.data, o.stringData, o.binaryData].flatMap((m) => Object.keys((m as Json | undefined) ?? {}));
}

/**
 * Why the kubelet cannot build a container's environment, with its message, or undefined: a non-optional
 * `valueFrom.secretKeyRef` / `configMapKeyRef` naming an object (`secret "x" not found`) or a key (`couldn't find key
 * K in Secret ns/name`) that does not exist, or an `envFrom` source that does not exist.
 * @see https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/
 */
export function containerConfigError(
  store: ObjectStore,
  registry: ResourceRegistry,
  pod: KubeObject,
  container: Json,
): string | undefined {
  const namespace = pod.metadata.namespace ?? 'default';
  const lookup = (source: keyof typeof SOURCES, ref: Json): string | undefined => {
    if (ref.optional === true) return undefined;
    const { plural, kind, lower } = SOURCES[source];
    const type = registry.find('', 'v1', plural);
    const name = String(ref.name ?? '');
    const obj = type ? store.find(type, namespace, name) : undefined;
    if (!obj) return `${lower} "${name}" not found`;
    if (ref.key !== undefined && !keysOf(obj).includes(String(ref.key)))
      return `couldn't find key ${String(ref.key)} in ${kind} ${namespace}/${name}`;
    return undefined;
  };
  const list = (v: unknown) =>
    (Array.isArray(v) ? (v as unknown[]) : []).filter((e): e is Json => !!e && typeof e === 'object');
  for (const env of list(container.env)) {
    const from = env.valueFrom as Json | undefined;
    for (const source of ['secretKeyRef', 'configMapKeyRef'] as const) {
      const ref = from?.[source] as Json | undefined;
      const problem = ref && typeof ref === 'object' ? lookup(source, ref) : undefined;
      if (problem) return problem;
    }
  }
  for (const envFrom of list(container.envFrom)) {
    for (const source of ['secretRef', 'configMapRef'] as const) {
      const ref = envFrom[source] as Json | undefined;
      const problem = ref && typeof ref === 'object' ? lookup(source, ref) : undefined;
      if (problem) return problem;
    }
  }
  return undefined;
}
