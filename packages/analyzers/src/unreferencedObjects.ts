import { type Analyzer, defineAnalyzer, type Finding, type KubeObject } from '@opspilot/core';
import { DOCS } from './docsUrls.js';
import { findingOf } from './findingOf.js';
import { templateSpecOf } from './kubeTypes.js';
import { nameOf } from './podHelpers.js';
import { podReferences } from './podReferences.js';
import { indexSnapshot, type SnapshotIndex } from './snapshotIndex.js';

/** Namespaces whose ConfigMaps and Secrets belong to the platform and are read through the API. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);
/** Objects every namespace has or that tools read through the API, never through a pod spec. */
const ALWAYS_USED = new Set(['kube-root-ca.crt', 'istio-ca-root-cert']);
const SYSTEM_SECRET_TYPES = new Set([
  'kubernetes.io/service-account-token',
  'kubernetes.io/dockercfg',
  'kubernetes.io/dockerconfigjson',
  'helm.sh/release.v1',
  'bootstrap.kubernetes.io/token',
]);
const WORKLOADS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'];

function referencedNames(index: SnapshotIndex, kind: 'ConfigMap' | 'Secret'): Set<string> {
  const used = new Set<string>();
  const mark = (ns: string | undefined, name: string) => used.add(`${ns ?? ''}/${name}`);
  for (const workloadKind of WORKLOADS) {
    for (const obj of index.of(workloadKind)) {
      // A pod whose controller is listed runs that controller's template, which is checked instead.
      if (obj.kind === 'Pod' && index.controllerOf(obj)) continue;
      const spec =
        obj.kind === 'Pod'
          ? (obj.spec as Parameters<typeof podReferences>[0])
          : obj.kind === 'CronJob'
            ? templateSpecOf({ ...obj, spec: (obj.spec as { jobTemplate?: { spec?: unknown } }).jobTemplate?.spec })
            : templateSpecOf(obj);
      for (const ref of podReferences({ ...spec, containers: spec?.containers ?? [] })) {
        if (ref.kind === kind) mark(obj.metadata.namespace, ref.name);
      }
    }
  }
  if (kind === 'Secret') {
    for (const ing of index.of('Ingress')) {
      for (const t of (ing.spec as { tls?: { secretName?: string }[] } | undefined)?.tls ?? []) {
        if (t.secretName) mark(ing.metadata.namespace, t.secretName);
      }
    }
    for (const sa of index.of('ServiceAccount')) {
      const s = sa as { secrets?: { name?: string }[]; imagePullSecrets?: { name?: string }[] };
      for (const ref of [...(s.secrets ?? []), ...(s.imagePullSecrets ?? [])])
        if (ref.name) mark(sa.metadata.namespace, ref.name);
    }
  }
  return used;
}

function ignored(obj: KubeObject): boolean {
  if (SYSTEM_NAMESPACES.has(obj.metadata.namespace ?? '') || ALWAYS_USED.has(obj.metadata.name)) return true;
  if ((obj.metadata.ownerReferences ?? []).length > 0) return true;
  return obj.kind === 'Secret' && SYSTEM_SECRET_TYPES.has(String((obj as { type?: string }).type ?? ''));
}

/**
 * Builds the analyzer reporting ConfigMaps or Secrets no pod, workload template, Ingress or ServiceAccount
 * references (system namespaces, owned objects and platform-managed types excepted). Informational: an
 * application may read them through the API, but often they are leftovers, and unused Secrets are exposure.
 */
export function unreferencedObjects(kind: 'ConfigMap' | 'Secret'): Analyzer {
  const id = `${kind.toLowerCase()}-unused`;
  return defineAnalyzer({
    id,
    kinds: [kind, 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'],
    description: `${kind}s nothing references`,
    analyze(snapshot) {
      const index = indexSnapshot(snapshot);
      if (!index.listed('Pod')) return [];
      const used = referencedNames(index, kind);
      const findings: Finding[] = [];
      for (const obj of index.of(kind)) {
        if (ignored(obj) || used.has(`${obj.metadata.namespace ?? ''}/${obj.metadata.name}`)) continue;
        findings.push(
          findingOf({
            analyzer: id,
            severity: 'INFO',
            object: obj,
            message: `${kind} ${nameOf(obj)} is not used by any pod, workload${kind === 'Secret' ? ', Ingress or ServiceAccount' : ''}`,
            evidence: [
              {
                kind: 'field',
                source: `references to ${kind.toLowerCase()}/${nameOf(obj)}`,
                detail: 'none found in pod specs or workload templates',
              },
            ],
            proposedFix: {
              description: `Delete it if no application reads it through the API`,
              command: `kubectl delete ${kind.toLowerCase()} -n ${obj.metadata.namespace ?? 'default'} ${obj.metadata.name}`,
            },
            docsUrl: kind === 'ConfigMap' ? DOCS.configMaps : DOCS.secrets,
          }),
        );
      }
      return findings;
    },
  });
}
