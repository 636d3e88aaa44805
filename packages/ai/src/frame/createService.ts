import type { KubeObject } from '@opspilot/core';
import { type Built, question } from '../plan/planContext.js';
import { workloadView } from '../plan/podTemplate.js';
import { type CreationEnv, create, meta } from './createStep.js';
import { newName } from './creationKind.js';
import type { Frame } from './frame.js';
import type { FrameContext } from './frameContext.js';
import { namespaceOf, pickTargets } from './pickTargets.js';

/**
 * A Service for a workload or pod the request names (its selector taken from the live object), or for the labels
 * given as key=value pairs: ClusterIP unless NodePort, LoadBalancer or headless is said, its target port the
 * container's first port.
 */
export function createService(frame: Frame, ctx: FrameContext, env: CreationEnv): Built {
  const { namespace, needNamespace, done } = env;
  const q = frame.quantities;
  const named = namespaceOf(frame, ctx.namespace);
  const picked = pickTargets(frame, ctx.vocabulary, ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'], {
    ...(named ? { namespace: named } : {}),
    preferKindOrder: true,
  });
  const target = picked.kind === 'targets' ? picked.targets[0] : undefined;
  if (picked.kind === 'built') return picked.built;
  const serviceNamespace = target?.namespace ?? namespace;
  if (!target) {
    const missing = needNamespace();
    if (missing) return missing;
  }
  const pairs = Object.fromEntries(Object.entries(q.pairs));
  const selector = Object.keys(pairs).length
    ? pairs
    : target
      ? target.kind === 'Pod'
        ? (target.object.metadata.labels ?? {})
        : workloadView(target.object).matchLabels
      : undefined;
  let name = newName(frame, 'Service');
  if (
    name &&
    target &&
    name === target.name &&
    ctx.vocabulary.entities.some((e) => e.kind === 'Service' && e.name === name && e.namespace === serviceNamespace)
  )
    name = undefined;
  name ??= target ? `${target.name}-svc` : undefined;
  if (!name || !selector || !Object.keys(selector).length)
    return question(
      'Which pods should the service select? For example: "create a service web-svc for deployment web on port 80".',
    );
  const port = q.ports[0] ?? 80;
  const containerPort = target ? workloadView(target.object).containers[0]?.ports?.[0]?.containerPort : undefined;
  const type = /\bnode\s*port\b/i.test(frame.text)
    ? 'NodePort'
    : /\bload\s*balancer\b/i.test(frame.text)
      ? 'LoadBalancer'
      : /\bheadless\b/i.test(frame.text)
        ? 'None'
        : 'ClusterIP';
  const object: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, serviceNamespace),
    spec: {
      ...(type === 'None' ? { clusterIP: 'None' } : { type }),
      selector,
      ports: [{ port, targetPort: q.targetPort ?? containerPort ?? port, protocol: 'TCP' }],
    },
  };
  return done(
    `Create ${type === 'None' ? 'headless' : type} service ${name} in namespace ${serviceNamespace} on port ${port}`,
    [create(object)],
  );
}
