import {
  type ClusterGateway,
  type ClusterSnapshot,
  isOpspilotError,
  type KubeObject,
  NotAllowedError,
  NotFoundError,
  type SnapshotOptions,
  UpstreamError,
} from '@opspilot/core';

const NAMESPACE = { kind: 'Namespace', apiVersion: 'v1' } as const;
const SHOWN_NAMESPACES = 20;

const FORBIDDEN = Symbol('forbidden');

/** A call the user may not make (RBAC) proves nothing about the cluster: the check it served is skipped. */
async function unlessForbidden<T>(call: Promise<T>): Promise<T | typeof FORBIDDEN> {
  try {
    return await call;
  } catch (error) {
    if (isOpspilotError(error) && error.code === 'NOT_ALLOWED') return FORBIDDEN;
    throw error;
  }
}

async function requireNamespace(
  gateway: Pick<ClusterGateway, 'get' | 'list'>,
  namespace: string,
  signal?: AbortSignal,
): Promise<void> {
  const found = await unlessForbidden(gateway.get({ ...NAMESPACE, name: namespace }, signal ? { signal } : {}));
  if (found !== undefined) return;
  const all = await unlessForbidden<KubeObject[]>(gateway.list('Namespace', signal ? { signal } : {}));
  const names = all === FORBIDDEN ? [] : all.map((n) => n.metadata.name).sort();
  throw new NotFoundError(`namespace "${namespace}" not found`, {
    hint:
      names.length > 0
        ? `existing namespaces: ${names.slice(0, SHOWN_NAMESPACES).join(', ')}${names.length > SHOWN_NAMESPACES ? ', …' : ''}`
        : 'check the name (`kubectl get namespaces`) and the kubeconfig context',
    details: { namespace, existing: names },
  });
}

/**
 * A custom-resource kind (named with its apiVersion, e.g. `gateway.networking.k8s.io/v1/Gateway`) the server does
 * not serve is an API that is not installed, not an error: it is listed as empty, so the analyzers of it say
 * nothing and the report does not warn about every cluster without the Gateway API.
 */
function withoutAbsentApis(snapshot: ClusterSnapshot): ClusterSnapshot {
  const absent = snapshot.errors.filter((e) => e.kind.includes('/') && e.error.startsWith('not found:'));
  if (absent.length === 0) return snapshot;
  const objects = { ...snapshot.objects };
  for (const e of absent) objects[e.kind.slice(e.kind.lastIndexOf('/') + 1)] ??= [];
  return { ...snapshot, objects, errors: snapshot.errors.filter((e) => !absent.includes(e)) };
}

/**
 * Takes the snapshot a diagnosis needs, and refuses to let an empty one pass for a healthy cluster: a namespace that
 * does not exist is a `NotFoundError` naming it (the existing ones in the hint), an API server that cannot be reached
 * is the gateway's `UpstreamError` (with its hint), and a snapshot in which no kind at all could be listed is an
 * `UpstreamError` (or a `NotAllowedError` when every kind was forbidden) — never "no problems found".
 */
export async function snapshotForAnalysis(
  gateway: Pick<ClusterGateway, 'get' | 'list' | 'snapshot'>,
  options: SnapshotOptions = {},
): Promise<ClusterSnapshot> {
  if (options.namespace) await requireNamespace(gateway, options.namespace, options.signal);
  else await unlessForbidden(gateway.list('Namespace', options.signal ? { signal: options.signal } : {}));
  const snapshot = withoutAbsentApis(await gateway.snapshot(options));
  const listed = Object.keys(snapshot.objects).length;
  if (listed > 0 || snapshot.errors.length === 0) return snapshot;
  const reasons = snapshot.errors.map((e) => `${e.kind}: ${e.error}`);
  if (snapshot.errors.every((e) => e.error.startsWith('forbidden:'))) {
    throw new NotAllowedError(`may not list any of the ${reasons.length} kinds the analyzers need`, {
      hint: `grant get/list on them (kubectl auth can-i list pods${options.namespace ? ` -n ${options.namespace}` : ' -A'}); first: ${reasons[0]}`,
      details: { errors: snapshot.errors },
    });
  }
  throw new UpstreamError(`could not list anything from cluster ${snapshot.cluster}: ${reasons[0]}`, {
    source: 'kubernetes',
    retryable: true,
    hint: 'check that the API server is up and reachable from here (`kubectl cluster-info`) and that the kubeconfig points at it',
    details: { errors: snapshot.errors },
  });
}
