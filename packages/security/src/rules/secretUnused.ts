import {
  containersOf,
  type KubeRuleContext,
  kubeRule,
  namespaceOf,
  podSpecOf,
  WORKLOAD_KINDS,
} from '@opspilot/manifests';

const SKIPPED_TYPES = new Set([
  'kubernetes.io/service-account-token',
  'helm.sh/release.v1',
  'kubernetes.io/dockerconfigjson',
]);

/** Every Secret name a workload, Ingress or ServiceAccount of the run refers to, as `namespace/name`. */
function referenced(ctx: KubeRuleContext): Set<string> {
  return ctx.memo('security:secret-refs', () => {
    const set = new Set<string>();
    for (const kind of WORKLOAD_KINDS) {
      for (const r of ctx.byKind(kind)) {
        const ns = namespaceOf(r.obj);
        const add = (n: unknown) => typeof n === 'string' && set.add(`${ns}/${n}`);
        const pod = podSpecOf(r.obj);
        for (const v of Array.isArray(pod?.spec.volumes) ? pod.spec.volumes : []) {
          add(v?.secret?.secretName);
          for (const s of Array.isArray(v?.projected?.sources) ? v.projected.sources : []) add(s?.secret?.name);
        }
        for (const p of Array.isArray(pod?.spec.imagePullSecrets) ? pod.spec.imagePullSecrets : []) add(p?.name);
        for (const { c } of containersOf(r.obj)) {
          for (const e of Array.isArray(c.env) ? c.env : []) add(e?.valueFrom?.secretKeyRef?.name);
          for (const e of Array.isArray(c.envFrom) ? c.envFrom : []) add(e?.secretRef?.name);
        }
      }
    }
    for (const r of ctx.byKind('Ingress'))
      for (const t of Array.isArray(r.obj.spec?.tls) ? r.obj.spec.tls : [])
        set.add(`${namespaceOf(r.obj)}/${t?.secretName}`);
    for (const r of ctx.byKind('ServiceAccount'))
      for (const s of [...(r.obj.secrets ?? []), ...(r.obj.imagePullSecrets ?? [])])
        set.add(`${namespaceOf(r.obj)}/${s?.name}`);
    return set;
  });
}

/**
 * A Secret nothing uses is a credential kept alive for no one; delete it or rotate it out.
 * @see https://kubernetes.io/docs/concepts/security/secrets-good-practices/
 */
export const secretUnused = kubeRule({
  id: 'secret-unused',
  appliesTo: ['Secret'],
  category: 'security',
  severity: 'INFO',
  description: 'Secrets should be used by a workload, an Ingress or a ServiceAccount',
  fix: 'delete the Secret if nothing needs it',
  check: (obj, ctx) => {
    if (SKIPPED_TYPES.has(String(obj.type))) return [];
    if (referenced(ctx).has(`${namespaceOf(obj)}/${String(obj.metadata?.name)}`)) return [];
    return [{ message: 'no workload, Ingress or ServiceAccount uses this Secret', path: 'metadata.name' }];
  },
});
