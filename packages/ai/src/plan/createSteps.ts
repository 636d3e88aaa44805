import type { KubeObject } from '@opspilot/core';
import type { Intent } from '../intent/intent.js';
import { SCALABLE_KINDS, WORKLOAD_KINDS } from '../intent/kindWords.js';
import { type Built, describeRef, failed, type PlanContext, question, resolveIn, steps } from './planContext.js';
import { workloadView } from './podTemplate.js';

type Of<A extends Intent['action']> = Extract<Intent, { action: A }>;
type Create = Of<'create'>;

function manifest(
  intent: Create,
  namespace: string,
  target?: { name: string; kind: string; apiVersion: string },
): KubeObject {
  const metadata = { name: intent.name, namespace, labels: { app: intent.name } };
  const container = {
    name: intent.name,
    image: intent.image ?? '',
    ...(intent.port ? { ports: [{ containerPort: intent.port }] } : {}),
  };
  switch (intent.kind) {
    case 'Namespace':
      return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: intent.name } };
    case 'Deployment':
      return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata,
        spec: {
          replicas: intent.replicas ?? 1,
          selector: { matchLabels: { app: intent.name } },
          template: { metadata: { labels: { app: intent.name } }, spec: { containers: [container] } },
        },
      };
    case 'Pod':
      return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [container] } };
    case 'ConfigMap':
      return {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: intent.name, namespace },
        data: intent.data ?? {},
      };
    case 'Secret':
      return {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: intent.name, namespace },
        type: 'Opaque',
        stringData: intent.data ?? {},
      };
    case 'HorizontalPodAutoscaler':
      return {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: intent.name, namespace },
        spec: {
          scaleTargetRef: target,
          minReplicas: intent.minReplicas ?? 1,
          maxReplicas: intent.maxReplicas ?? 10,
          metrics: [
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: intent.cpuPercent ?? 80 } },
            },
          ],
        },
      };
  }
}

/** A new object from a description; the namespace must exist, workloads need an image. */
export async function createSteps(intent: Create, ctx: PlanContext): Promise<Built> {
  if ((intent.kind === 'Deployment' || intent.kind === 'Pod') && !intent.image) {
    return question(
      `Which image should ${intent.kind.toLowerCase()} ${intent.name} run? For example: "create a ${intent.kind.toLowerCase()} ${intent.name} with image nginx:1.27".`,
    );
  }
  const namespace = intent.namespace ?? ctx.namespace ?? 'default';
  if (intent.kind !== 'Namespace') {
    if (!intent.namespace && !ctx.namespace) ctx.assumptions.push('namespace default: no namespace was named');
    if (!ctx.namespaces.some((n) => n.metadata.name === namespace)) {
      return question(
        `Namespace ${namespace} does not exist. Create it first ("create namespace ${namespace}") or name another one.`,
        ctx.namespaces.map((n) => ({ ref: { kind: 'Namespace', name: n.metadata.name }, label: n.metadata.name })),
      );
    }
  }
  let scaleTarget: { name: string; kind: string; apiVersion: string } | undefined;
  let name = intent.name;
  if (intent.kind === 'HorizontalPodAutoscaler') {
    const found = await resolveIn(ctx, intent.target ?? { name: intent.name }, SCALABLE_KINDS);
    if (failed(found)) return found;
    scaleTarget = { apiVersion: found.object.apiVersion, kind: found.ref.kind, name: found.ref.name };
    name = found.ref.name;
    const object = manifest({ ...intent, name }, found.ref.namespace ?? namespace, scaleTarget);
    const text = `Autoscale ${describeRef(found.ref)} between ${intent.minReplicas} and ${intent.maxReplicas} replicas at ${intent.cpuPercent ?? 80}% CPU`;
    return steps(text, [
      { op: 'apply', mode: 'create', object, description: `create HorizontalPodAutoscaler ${name}` },
    ]);
  }
  const object = manifest(intent, namespace);
  const where = intent.kind === 'Namespace' ? '' : ` in namespace ${namespace}`;
  const text = `Create ${intent.kind} ${intent.name}${where}`;
  return steps(text, [{ op: 'apply', mode: 'create', object, description: text }]);
}

/** A Service selecting a workload's pods; named after it, or `<name>-<port>` when that name is taken. */
export async function exposeSteps(intent: Extract<Intent, { action: 'expose' }>, ctx: PlanContext): Promise<Built> {
  const found = await resolveIn(ctx, intent.target, [...WORKLOAD_KINDS, 'Pod']);
  if (failed(found)) return found;
  const view = workloadView(found.object);
  const selector = found.ref.kind === 'Pod' ? view.podLabels : view.matchLabels;
  if (!Object.keys(selector).length) return question(`${describeRef(found.ref)} has no labels to select its pods by.`);
  const namespace = found.ref.namespace ?? 'default';
  const services = await ctx.lister.list('Service', namespace);
  let name = found.ref.name;
  if (services.some((s) => s.metadata.name === name)) {
    name = `${found.ref.name}-${intent.port}`;
    ctx.assumptions.push(`service ${namespace}/${found.ref.name} exists already: the new one is named ${name}`);
  }
  const targetPort = intent.targetPort ?? view.containers[0]?.ports?.[0]?.containerPort ?? intent.port;
  const object: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels: { app: found.ref.name } },
    spec: { type: intent.type, selector, ports: [{ name: 'http', port: intent.port, targetPort, protocol: 'TCP' }] },
  };
  const text = `Expose ${describeRef(found.ref)} as ${intent.type} service ${name} on port ${intent.port} (to ${targetPort})`;
  return steps(text, [{ op: 'apply', mode: 'create', object, description: text }]);
}
