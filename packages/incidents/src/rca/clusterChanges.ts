import { indexSnapshot } from '@opspilot/analyzers';
import type { ClusterSnapshot, KubeObject } from '@opspilot/core';
import type { Change } from './change.js';
import { type IncidentScope, keyOf } from './incidentScope.js';

// biome-ignore lint/suspicious/noExplicitAny: objects from the cluster are read field by field
type Any = Record<string, any>;

const revisionOf = (rs: KubeObject) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
const imagesOf = (obj: KubeObject) =>
  (((obj.spec as Any | undefined)?.template?.spec?.containers ?? []) as Any[]).map((c) => String(c.image));

/** When an object was last written: the newest `managedFields[].time`, else its creation. */
export function lastWrite(obj: KubeObject): string | undefined {
  const times = ((obj.metadata.managedFields ?? []) as Any[]).map((f) => f.time).filter((t) => typeof t === 'string');
  return times.sort().at(-1) ?? obj.metadata.creationTimestamp;
}

/**
 * The changes the cluster itself shows in the scope of an incident within `[since, until]`: a Deployment's newest
 * ReplicaSet revision (with the images before and after), the last write of a ConfigMap or Secret its pods read,
 * a node going NotReady or cordoned, and scaling events — so a change made outside opspilot (kubectl, CI) is seen too.
 */
export function clusterChanges(
  snapshot: ClusterSnapshot,
  scope: IncidentScope,
  since: string,
  until: string,
): Change[] {
  const index = indexSnapshot(snapshot);
  const inWindow = (t: string | undefined): t is string => t !== undefined && t >= since && t <= until;
  const out: Change[] = [];
  for (const w of scope.workloads) {
    if (w.kind !== 'Deployment') continue;
    const sets = index
      .ownedBy(w)
      .filter((o) => o.kind === 'ReplicaSet')
      .sort((a, b) => revisionOf(b) - revisionOf(a));
    const [newest, previous] = sets;
    if (!newest || !previous || !inWindow(newest.metadata.creationTimestamp)) continue;
    const to = imagesOf(newest);
    const from = imagesOf(previous);
    const imageChanged = to.join() !== from.join();
    out.push({
      kind: imageChanged ? 'image' : 'rollout',
      subject: { kind: 'Deployment', namespace: w.metadata.namespace, name: w.metadata.name },
      at: newest.metadata.creationTimestamp,
      summary: imageChanged
        ? `rollout to revision ${revisionOf(newest)} changed the image ${from.join(', ')} → ${to.join(', ')}`
        : `rollout to revision ${revisionOf(newest)} (pod template changed, same images)`,
      source: 'cluster',
      ...(imageChanged ? { images: { from, to } } : {}),
    });
  }
  for (const ref of [...scope.configMaps, ...scope.secrets]) {
    const obj = index.get(ref.kind, ref.namespace, ref.name);
    const at = obj ? lastWrite(obj) : undefined;
    if (!obj || !inWindow(at) || at === obj.metadata.creationTimestamp) continue;
    out.push({
      kind: ref.kind === 'Secret' ? 'secret' : 'config',
      subject: ref,
      at,
      summary: `${ref.kind} ${ref.namespace}/${ref.name} was updated`,
      source: 'cluster',
    });
  }
  for (const name of scope.nodes) {
    const node = index.get('Node', undefined, name);
    if (!node) continue;
    const ready = (((node.status as Any | undefined)?.conditions ?? []) as Any[]).find((c) => c.type === 'Ready');
    if (ready && ready.status !== 'True' && inWindow(ready.lastTransitionTime ?? until)) {
      out.push({
        kind: 'node',
        subject: { kind: 'Node', name },
        at: ready.lastTransitionTime ?? until,
        summary: `node ${name} is NotReady (${ready.reason ?? ready.status}${ready.message ? `: ${ready.message}` : ''})`,
        source: 'cluster',
      });
    }
  }
  for (const event of index.of('Event')) {
    const e = event as Any;
    const at: string | undefined = e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp;
    const about: Any | undefined = e.involvedObject ?? e.regarding;
    if (!about?.kind || !about.name || !inWindow(at)) continue;
    const ownerKey = keyOf({ kind: 'Deployment', namespace: about.namespace, name: about.name });
    if (e.reason === 'ScalingReplicaSet' && scope.keys.has(ownerKey) && /scaled down/i.test(e.message ?? '')) {
      out.push({
        kind: 'scaling',
        subject: { kind: 'Deployment', namespace: about.namespace, name: about.name },
        at,
        summary: e.message ?? 'scaled',
        source: 'cluster',
      });
    }
  }
  return out;
}
