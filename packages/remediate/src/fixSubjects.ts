import type { ClusterGateway, Finding } from '@opspilot/core';
import { podSpecOf } from './cluster/kubeShapes.js';
import { baseName, fitOf } from './fixRequest.js';

/** A finding as a repair request may reach it: how well the request fits it, and the object it is a problem of. */
export interface FixSubject {
  finding: Finding;
  score: number;
  /** `namespace/name` of the workload (or object) the finding is a problem of: findings of one subject are one repair. */
  subject: string;
}

/**
 * How a repair request fits each finding, counting what the named object depends on: a claim's finding is also a
 * problem of the pods that mount it ("the db is stuck pending, fix it" reaches the missing StorageClass of db's
 * claim), scored one below what naming the object itself scores. Findings nothing in the request points at are left
 * out; the rest come best first.
 */
export async function fixSubjects(
  request: string,
  findings: Finding[],
  gateway: ClusterGateway,
): Promise<FixSubject[]> {
  const claims = findings.filter((f) => f.resource.kind === 'PersistentVolumeClaim');
  const mounting = new Map<string, string[]>();
  for (const ns of new Set(claims.map((f) => f.resource.namespace ?? ''))) {
    const pods = await gateway.list('Pod', ns ? { namespace: ns } : {});
    for (const pod of pods) {
      for (const volume of podSpecOf(pod).volumes ?? []) {
        const claim = (volume as { persistentVolumeClaim?: { claimName?: string } }).persistentVolumeClaim?.claimName;
        if (!claim) continue;
        const key = `${pod.metadata.namespace}/${claim}`;
        mounting.set(key, [...(mounting.get(key) ?? []), pod.metadata.name]);
      }
    }
  }
  const scored: FixSubject[] = findings.map((finding) => {
    const own = { finding, score: fitOf(request, finding), subject: subjectOf(finding.resource) };
    const users = mounting.get(`${finding.resource.namespace}/${finding.resource.name}`) ?? [];
    return users.reduce((best, pod) => {
      const via = fitOf(request, { ...finding, resource: { ...finding.resource, kind: 'Pod', name: pod } }) - 1;
      return via > best.score ? { finding, score: via, subject: subjectOf({ ...finding.resource, name: pod }) } : best;
    }, own);
  });
  return scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score);
}

function subjectOf(resource: Finding['resource']): string {
  return `${resource.namespace ?? ''}/${baseName(resource.name)}`;
}
