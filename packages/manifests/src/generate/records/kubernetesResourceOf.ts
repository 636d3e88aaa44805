import type { NewKubernetesResource } from '@opspilot/core';

type Json = Record<string, unknown>;

const asObject = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const asArray = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

function podSpecOf(obj: Json): Json | undefined {
  const spec = asObject(obj.spec);
  if (obj.kind === 'CronJob') return asObject(asObject(asObject(asObject(spec.jobTemplate).spec).template).spec);
  if (spec.template) return asObject(asObject(spec.template).spec);
  return undefined;
}

function stringMap(v: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(asObject(v)).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * The seed-001 Kubernetes Resource record of a generated manifest object: kind, apiVersion, name, namespace, the
 * configuration parameters (replicas, the first container's requests and limits, container or service ports),
 * labels, selector and the images it references.
 */
export function kubernetesResourceOf(object: Json): NewKubernetesResource {
  const metadata = asObject(object.metadata);
  const spec = asObject(object.spec);
  const pod = podSpecOf(object);
  const containers = asArray(pod?.containers);
  const first = asObject(containers[0]);
  const resources = asObject(first.resources);
  const ports =
    object.kind === 'Service'
      ? asArray(spec.ports).map((p) => p.port)
      : containers.flatMap((c) => asArray(c.ports).map((p) => p.containerPort));
  const selector =
    object.kind === 'Service' ? stringMap(spec.selector) : stringMap(asObject(spec.selector).matchLabels);
  return {
    kind: String(object.kind),
    api_version: String(object.apiVersion),
    name: String(metadata.name),
    ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}),
    parameters: {
      ...(typeof spec.replicas === 'number' ? { replicas: spec.replicas } : {}),
      ...(containers.length
        ? { resources: { requests: stringMap(resources.requests), limits: stringMap(resources.limits) } }
        : {}),
      ...(ports.length ? { ports: ports.filter((p): p is number => typeof p === 'number') } : {}),
    },
    labels: stringMap(metadata.labels),
    selector,
    image_refs: containers.map((c) => c.image).filter((i): i is string => typeof i === 'string'),
  };
}
