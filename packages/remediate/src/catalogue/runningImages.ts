import type { ClusterGateway } from '@opspilot/core';

/** The repository of an image reference (`nginx:1.27` → `nginx`, `reg:5000/a/b@sha256:…` → `reg:5000/a/b`). */
export function repositoryOf(image: string): string {
  const noDigest = image.split('@')[0]!;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

/** An image of the same repository that running, ready containers use, with how many pods run it. */
export interface RunningImage {
  image: string;
  pods: number;
  /** A pod running it, as evidence (`pod/ns/name`). */
  source: string;
}

/**
 * The other tags of `image`'s repository that ready containers anywhere in the cluster run now — images the
 * cluster's history proves exist — most used first.
 */
export async function runningImages(gateway: ClusterGateway, image: string): Promise<RunningImage[]> {
  const repository = repositoryOf(image);
  const found = new Map<string, RunningImage>();
  for (const pod of await gateway.list('Pod')) {
    const statuses = ((pod as { status?: { containerStatuses?: { image?: string; ready?: boolean }[] } }).status
      ?.containerStatuses ?? []) as { image?: string; ready?: boolean }[];
    for (const s of statuses) {
      if (!s.ready || !s.image || s.image === image || repositoryOf(s.image) !== repository) continue;
      const entry = found.get(s.image) ?? {
        image: s.image,
        pods: 0,
        source: `pod/${pod.metadata.namespace}/${pod.metadata.name}`,
      };
      entry.pods += 1;
      found.set(s.image, entry);
    }
  }
  return [...found.values()].sort((a, b) => b.pods - a.pods);
}
