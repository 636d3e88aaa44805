import type { ClusterGateway, KubeObject, ObjectRef } from '@opspilot/core';
import { containersOf, type KubeObj, podSpecOf } from '@opspilot/manifests';

/** The annotation opspilot sets on a Secret it rotated: when (ISO 8601). */
export const ROTATED_AT_ANNOTATION = 'opspilot.dev/rotated-at';
/** A Secret's own maximum age in days, overriding the policy's (`opspilot.dev/max-age-days: "30"`). */
export const MAX_AGE_ANNOTATION = 'opspilot.dev/max-age-days';

/** Secret types whose values are not ours to rotate (Kubernetes and Helm manage them). */
const NOT_ROTATED = new Set([
  'kubernetes.io/service-account-token',
  'helm.sh/release.v1',
  'bootstrap.kubernetes.io/token',
]);

/** The workload kinds restarted after a rotation (their pods read the new value when they start). */
export const RESTARTABLE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;

/** The rotation age of one Secret (its values are never read into this). */
export interface SecretAge {
  namespace: string;
  name: string;
  type: string;
  /** The keys of `data` (names only). */
  keys: string[];
  created_at?: string;
  /** When opspilot last rotated it. */
  rotated_at?: string;
  /** Days since it was last rotated, or created when never rotated. */
  age_days: number;
  max_age_days: number;
  overdue: boolean;
  /** Workloads that read it (env, envFrom, volumes, projected volumes, image pull secrets). */
  consumers: ObjectRef[];
}

/** Whether a workload's pod spec reads Secret `name` (same namespace). */
export function readsSecret(workload: KubeObject, name: string): boolean {
  const obj = workload as unknown as KubeObj;
  const pod = podSpecOf(obj);
  if (!pod) return false;
  const spec = pod.spec as Record<string, unknown> & { volumes?: unknown; imagePullSecrets?: unknown };
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  for (const v of volumes) {
    if (v?.secret?.secretName === name) return true;
    for (const s of Array.isArray(v?.projected?.sources) ? v.projected.sources : [])
      if (s?.secret?.name === name) return true;
  }
  for (const p of Array.isArray(spec.imagePullSecrets) ? spec.imagePullSecrets : []) if (p?.name === name) return true;
  for (const { c } of containersOf(obj)) {
    for (const e of Array.isArray(c.env) ? c.env : []) if (e?.valueFrom?.secretKeyRef?.name === name) return true;
    for (const e of Array.isArray(c.envFrom) ? c.envFrom : []) if (e?.secretRef?.name === name) return true;
  }
  return false;
}

const DAY = 86_400_000;

/**
 * The age of every rotatable Secret against a maximum age in days (the Secret's `opspilot.dev/max-age-days`
 * annotation wins over `maxAgeDays`), with the workloads that consume it; oldest first. Service-account tokens,
 * bootstrap tokens and Helm release Secrets are left out.
 */
export function secretAges(
  secrets: readonly KubeObject[],
  workloads: readonly KubeObject[],
  options: { now: Date; maxAgeDays: number },
): SecretAge[] {
  const out: SecretAge[] = [];
  for (const s of secrets) {
    const type = String((s as { type?: unknown }).type ?? 'Opaque');
    if (NOT_ROTATED.has(type)) continue;
    const meta = s.metadata;
    const namespace = meta.namespace ?? 'default';
    const annotations = (meta.annotations ?? {}) as Record<string, string>;
    const rotated = annotations[ROTATED_AT_ANNOTATION];
    const created = (meta as { creationTimestamp?: string }).creationTimestamp;
    const since = Date.parse(rotated ?? created ?? '');
    const own = Number(annotations[MAX_AGE_ANNOTATION]);
    const maxAge = Number.isFinite(own) && own > 0 ? own : options.maxAgeDays;
    const age = Number.isFinite(since) ? Math.max(0, Math.floor((options.now.getTime() - since) / DAY)) : 0;
    out.push({
      namespace,
      name: meta.name,
      type,
      keys: Object.keys(((s as { data?: Record<string, unknown> }).data ?? {}) as object).sort(),
      ...(created ? { created_at: created } : {}),
      ...(rotated ? { rotated_at: rotated } : {}),
      age_days: age,
      max_age_days: maxAge,
      overdue: Number.isFinite(since) && age >= maxAge,
      consumers: workloads
        .filter((w) => (w.metadata.namespace ?? 'default') === namespace && readsSecret(w, meta.name))
        .map((w) => ({ kind: w.kind, namespace, name: w.metadata.name })),
    });
  }
  return out.sort(
    (a, b) => b.age_days - a.age_days || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
  );
}

/** {@link secretAges} over the live cluster (one namespace, or all). */
export async function liveSecretAges(
  gateway: ClusterGateway,
  options: { now: Date; maxAgeDays: number; namespace?: string },
): Promise<SecretAge[]> {
  const list = { ...(options.namespace ? { namespace: options.namespace } : {}) };
  const [secrets, ...workloads] = await Promise.all([
    gateway.list('Secret', list),
    ...RESTARTABLE_KINDS.map((k) => gateway.list(k, list)),
  ]);
  return secretAges(secrets ?? [], workloads.flat(), options);
}
