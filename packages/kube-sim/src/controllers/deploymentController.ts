import { createHash } from 'node:crypto';
import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';
import { controllerRef, isOwnedBy, unversioned } from './ownership.js';

type Json = Record<string, unknown>;
const REVISION = 'deployment.kubernetes.io/revision';

/** Drops nulls and empty maps/lists and sorts keys, so equal templates hash equally (`rollout undo` sends nulls). */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === 'object') {
    const out: Json = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonicalize((value as Json)[key]);
      if (v === null || v === undefined) continue;
      if (typeof v === 'object' && Object.keys(v as object).length === 0) continue;
      out[key] = v;
    }
    return out;
  }
  return value;
}

/** The `pod-template-hash` of a pod template (10 lowercase alphanumerics). */
export function templateHash(template: unknown): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(canonicalize(template)))
    .digest();
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return [...digest.subarray(0, 10)].map((b) => alphabet[b % alphabet.length]).join('');
}

function templateWithoutHash(rs: KubeObject): unknown {
  const template = structuredClone((rs.spec as Json).template as Json);
  const labels = ((template.metadata as Json | undefined)?.labels as Json | undefined) ?? {};
  delete labels['pod-template-hash'];
  return template;
}

/**
 * Rolls Deployments out through ReplicaSets: one ReplicaSet per pod template (`<name>-<hash>`, labelled with
 * `pod-template-hash`, annotated with its revision), the new one scaled up and the old ones down as new pods become
 * ready (RollingUpdate) or after they are gone (Recreate); history trimmed to revisionHistoryLimit; status and the
 * Available/Progressing conditions as `kubectl rollout status` reads them. Paused deployments are left alone.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
 */
export function reconcileDeployments(ctx: ControllerContext): void {
  const depType = ctx.type('Deployment');
  const rsType = ctx.type('ReplicaSet');
  const allRs = ctx.store.list(rsType).items;
  for (let dep of ctx.store.list(depType).items) {
    if (!ctx.begin(dep)) continue;
    if (dep.metadata.deletionTimestamp) continue;
    const spec = dep.spec as {
      replicas?: number;
      paused?: boolean;
      template: Json;
      strategy?: { type?: string };
      revisionHistoryLimit?: number;
      selector?: Json;
    };
    const want = spec.replicas ?? 1;
    const owned = allRs.filter((rs) => rs.metadata.namespace === dep.metadata.namespace && isOwnedBy(rs, dep));
    const hash = templateHash(spec.template);
    let current = owned.find((rs) => templateHash(templateWithoutHash(rs)) === hash);
    const maxRevision = Math.max(0, ...owned.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)));
    if (!spec.paused) {
      if (!current) {
        const template = structuredClone(spec.template) as { metadata?: { labels?: Record<string, string> } };
        template.metadata = {
          ...template.metadata,
          labels: { ...template.metadata?.labels, 'pod-template-hash': hash },
        };
        const selector = structuredClone(spec.selector ?? {}) as { matchLabels?: Record<string, string> };
        selector.matchLabels = { ...selector.matchLabels, 'pod-template-hash': hash };
        current = ctx.store.create(rsType, {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: {
            name: `${dep.metadata.name}-${hash}`,
            namespace: dep.metadata.namespace,
            labels: { ...template.metadata.labels },
            annotations: {
              [REVISION]: String(maxRevision + 1),
              'deployment.kubernetes.io/desired-replicas': String(want),
            },
            ownerReferences: [controllerRef(dep)],
          },
          spec: { replicas: 0, selector, template },
        });
        owned.push(current);
        ctx.event(
          dep,
          'Normal',
          'ScalingReplicaSet',
          `Scaled up replica set ${current.metadata.name} from 0 to ${want}`,
          'deployment-controller',
        );
      } else if (Number(current.metadata.annotations?.[REVISION] ?? 0) < maxRevision) {
        current = ctx.store.update(rsType, {
          ...unversioned(current),
          metadata: {
            ...unversioned(current).metadata,
            annotations: { ...current.metadata.annotations, [REVISION]: String(maxRevision + 1) },
          },
        });
      }
      dep = annotateRevision(ctx, dep, current);
      const old = owned.filter((rs) => rs !== current && rs.metadata.uid !== current?.metadata.uid);
      const oldPods = old.reduce((n, rs) => n + Number((rs.status as Json | undefined)?.replicas ?? 0), 0);
      const newReady = Number((current.status as Json | undefined)?.readyReplicas ?? 0);
      const recreate = spec.strategy?.type === 'Recreate';
      const newTarget = recreate && oldPods > 0 ? 0 : want;
      const scale = (rs: KubeObject, replicas: number) => {
        if ((rs.spec as Json).replicas === replicas) return;
        ctx.store.update(rsType, { ...unversioned(rs), spec: { ...(rs.spec as Json), replicas } });
      };
      scale(current, newTarget);
      let budget = recreate ? 0 : Math.max(0, want - newReady);
      for (const rs of old) {
        const keep = Math.min(Number((rs.spec as Json).replicas ?? 0), budget);
        budget -= keep;
        scale(rs, keep);
      }
      const limit = spec.revisionHistoryLimit ?? 10;
      const history = old.filter(
        (rs) =>
          Number((rs.spec as Json).replicas ?? 0) === 0 && Number((rs.status as Json | undefined)?.replicas ?? 0) === 0,
      );
      history.sort(
        (a, b) => Number(a.metadata.annotations?.[REVISION] ?? 0) - Number(b.metadata.annotations?.[REVISION] ?? 0),
      );
      for (const rs of history.slice(0, Math.max(0, history.length - limit)))
        ctx.store.delete(rsType, rs.metadata.namespace, rs.metadata.name);
    }
    writeStatus(
      ctx,
      dep,
      ctx.store.list(rsType, { namespace: dep.metadata.namespace }).items.filter((rs) => isOwnedBy(rs, dep)),
      current,
      want,
    );
  }
}

/**
 * Copies the current ReplicaSet's revision onto the Deployment (`deployment.kubernetes.io/revision`), as the real
 * controller does: `kubectl rollout undo` replaces `/metadata/annotations` with a JSON patch, which needs them there.
 */
function annotateRevision(ctx: ControllerContext, dep: KubeObject, current: KubeObject): KubeObject {
  const revision = current.metadata.annotations?.[REVISION];
  if (!revision || dep.metadata.annotations?.[REVISION] === revision) return dep;
  const base = unversioned(dep);
  return ctx.store.update(ctx.type('Deployment'), {
    ...base,
    metadata: { ...base.metadata, annotations: { ...dep.metadata.annotations, [REVISION]: revision } },
  });
}

function writeStatus(
  ctx: ControllerContext,
  dep: KubeObject,
  owned: KubeObject[],
  current: KubeObject | undefined,
  want: number,
): void {
  const sum = (field: string, list = owned) =>
    list.reduce((n, rs) => n + Number((rs.status as Json | undefined)?.[field] ?? 0), 0);
  const fresh = current ? owned.find((rs) => rs.metadata.uid === current.metadata.uid) : undefined;
  const replicas = sum('replicas');
  const updated = fresh ? sum('replicas', [fresh]) : 0;
  const ready = sum('readyReplicas');
  const available = sum('availableReplicas');
  const now = ctx.timestamp();
  const previous = ((dep.status as Json | undefined)?.conditions as Json[] | undefined) ?? [];
  const complete = updated === want && replicas === want && available === want;
  const progressing = {
    type: 'Progressing',
    status: 'True',
    reason: complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
    message: complete
      ? `ReplicaSet "${fresh?.metadata.name}" has successfully progressed.`
      : `ReplicaSet "${fresh?.metadata.name}" is progressing.`,
  };
  const availableCondition = {
    type: 'Available',
    status: available >= want - maxUnavailable(dep, want) ? 'True' : 'False',
    reason: available >= want - maxUnavailable(dep, want) ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
    message:
      available >= want - maxUnavailable(dep, want)
        ? 'Deployment has minimum availability.'
        : 'Deployment does not have minimum availability.',
  };
  const conditions = [availableCondition, progressing].map((c) => {
    const old = previous.find((p) => p.type === c.type);
    const same = old && old.status === c.status && old.reason === c.reason;
    return {
      ...c,
      lastUpdateTime: same ? old.lastUpdateTime : now,
      lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime : now,
    };
  });
  const status: Json = {
    observedGeneration: dep.metadata.generation,
    replicas,
    updatedReplicas: updated,
    readyReplicas: ready,
    availableReplicas: available,
    ...(replicas - available > 0 ? { unavailableReplicas: replicas - available } : {}),
    conditions,
  };
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas'] as const)
    if (status[k] === 0) delete status[k];
  if (JSON.stringify(status) !== JSON.stringify(dep.status ?? {})) {
    ctx.store.update(ctx.type('Deployment'), { ...unversioned(dep), status }, { subresource: 'status' });
  }
}

function maxUnavailable(dep: KubeObject, want: number): number {
  const strategy = (dep.spec as Json).strategy as
    | { type?: string; rollingUpdate?: { maxUnavailable?: string | number } }
    | undefined;
  if (strategy?.type === 'Recreate') return want;
  const raw = strategy?.rollingUpdate?.maxUnavailable ?? '25%';
  return typeof raw === 'number' ? raw : Math.floor((want * Number.parseInt(String(raw), 10)) / 100);
}
