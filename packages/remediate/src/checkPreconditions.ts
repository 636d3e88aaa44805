import type { ClusterGateway } from '@opspilot/core';
import type { Precondition } from './remediation.js';

/**
 * The preconditions of a candidate that no longer hold (the object changed since the plan, was deleted, or now
 * exists), each as a sentence; empty when the plan may still be applied.
 */
export async function brokenPreconditions(gateway: ClusterGateway, preconditions: Precondition[]): Promise<string[]> {
  const broken: string[] = [];
  for (const p of preconditions) {
    const live = await gateway.get(p.ref);
    const name = `${p.ref.kind} ${p.ref.namespace ? `${p.ref.namespace}/` : ''}${p.ref.name}`;
    if (p.absent) {
      if (live) broken.push(`${name} exists now (${p.description})`);
      continue;
    }
    if (!live) {
      broken.push(`${name} no longer exists (${p.description})`);
      continue;
    }
    const moved = Object.entries(p.fields ?? {}).filter(
      ([path, value]) => JSON.stringify(fieldAt(live, path) ?? null) !== JSON.stringify(value ?? null),
    );
    if (moved.length > 0) {
      broken.push(`${name} changed since the plan: ${moved.map(([path]) => path).join(', ')} (${p.description})`);
      continue;
    }
    const generation = (live.metadata as { generation?: number }).generation;
    if (p.generation !== undefined && generation !== p.generation) {
      broken.push(`${name} changed since the plan: generation ${p.generation} → ${generation} (${p.description})`);
    } else if (p.resourceVersion !== undefined && live.metadata.resourceVersion !== p.resourceVersion) {
      broken.push(
        `${name} changed since the plan: resourceVersion ${p.resourceVersion} → ${live.metadata.resourceVersion} (${p.description})`,
      );
    }
  }
  return broken;
}

/** The value at a dot path of an object (`spec.taints`), undefined when a part is missing. */
function fieldAt(object: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
      object,
    );
}
