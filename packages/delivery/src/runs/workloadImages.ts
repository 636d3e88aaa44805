import type { KubeObject } from '@opspilot/core';
import { commitOf } from './runTime.js';

/** The kinds whose rollouts count as deployments. */
export const DEPLOYED_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;
export type DeployedKind = (typeof DEPLOYED_KINDS)[number];

/** What a workload on the cluster says about what was deployed. */
export interface WorkloadImages {
  kind: DeployedKind;
  namespace: string;
  name: string;
  service: string;
  images: string[];
  imageTag?: string;
  commit?: string;
  chart?: string;
  revision?: string;
}

/** Annotations (on the workload or its pod template) that carry the commit deployed, first match wins. */
export const COMMIT_ANNOTATIONS = ['opspilot.io/commit-sha', 'org.opencontainers.image.revision', 'app.gitlab.com/sha'];

/** The tag of an image reference (`registry:5000/team/app:1.2.3@sha256:…` → `1.2.3`), if it has one. */
export function imageTagOf(image: string): string | undefined {
  const withoutDigest = image.split('@')[0] ?? image;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon > 0 ? withoutDigest.slice(colon + 1) : undefined;
}

/** A commit id carried by an image tag: the whole tag (`3f2a9c1`), or its end (`sha-3f2a9c1`, `main-3f2a9c1d`). */
export function commitOfTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const whole = commitOf(tag);
  if (whole && /[a-f]/.test(whole) && /\d/.test(whole)) return whole;
  const end = /(?:^|[-_.])(?:sha-?)?([0-9a-f]{7,40})$/.exec(tag.toLowerCase())?.[1];
  return end && /[a-f]/.test(end) && /\d/.test(end) ? end : undefined;
}

type Meta = { labels?: Record<string, string>; annotations?: Record<string, string> };

function recordOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/**
 * The deployed images of Deployments, StatefulSets and DaemonSets, with the commit (annotation or image tag), the
 * Helm chart (`helm.sh/chart` label) and the rollout revision. The service is the `app.kubernetes.io/name` (or `app`)
 * label, else the workload's name.
 */
export function workloadImagesOf(objects: readonly KubeObject[]): WorkloadImages[] {
  const out: WorkloadImages[] = [];
  for (const o of objects) {
    if (!(DEPLOYED_KINDS as readonly string[]).includes(o.kind) || !o.metadata.namespace) continue;
    const template = recordOf(recordOf(o.spec).template);
    const podMeta = recordOf(template.metadata) as Meta;
    const podSpec = recordOf(template.spec);
    const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
    const images = containers
      .map((c) => recordOf(c).image)
      .filter((i): i is string => typeof i === 'string' && i.length > 0);
    if (images.length === 0) continue;
    const meta = o.metadata as Meta;
    const labels = { ...podMeta.labels, ...meta.labels };
    const annotations = { ...podMeta.annotations, ...meta.annotations };
    const imageTag = images.map(imageTagOf).find((t) => t !== undefined);
    const annotated = COMMIT_ANNOTATIONS.map((a) => commitOf(annotations[a])).find((c) => c !== undefined);
    const commit = annotated ?? images.map((i) => commitOfTag(imageTagOf(i))).find((c) => c !== undefined);
    const revision = annotations['deployment.kubernetes.io/revision'];
    out.push({
      kind: o.kind as DeployedKind,
      namespace: o.metadata.namespace,
      name: o.metadata.name,
      service: labels['app.kubernetes.io/name'] ?? labels.app ?? o.metadata.name,
      images: [...images].sort(),
      ...(imageTag ? { imageTag } : {}),
      ...(commit ? { commit } : {}),
      ...(labels['helm.sh/chart'] ? { chart: labels['helm.sh/chart'] } : {}),
      ...(revision ? { revision } : {}),
    });
  }
  return out;
}
