import type { KubeObject, PlanStep } from '@opspilot/core';
import { type Built, question } from '../plan/planContext.js';
import { workloadView } from '../plan/podTemplate.js';
import { withTag } from '../plan/workloadSteps.js';
import { type CreationEnv, create, meta } from './createStep.js';
import type { Frame } from './frame.js';
import type { FrameContext } from './frameContext.js';
import { pickTargets } from './pickTargets.js';
import { nameWord } from './podSpecFromText.js';
import type { Entity } from './vocabulary.js';

type Obj = Record<string, unknown>;

/**
 * A canary next to a stable Deployment: the same pod template with the new image, labelled `track: canary`, and a
 * Service selecting both (the existing one when it already does, else a new one on the shared labels).
 */
export async function createCanary(frame: Frame, ctx: FrameContext, env: Pick<CreationEnv, 'done'>): Promise<Built> {
  const { done } = env;
  const picked = pickTargets(frame, ctx.vocabulary, ['Deployment'], {
    ...(ctx.namespace ? { namespace: ctx.namespace } : {}),
  });
  if (picked.kind === 'built') return picked.built;
  const stable: Entity | undefined = picked.kind === 'targets' ? picked.targets[0] : undefined;
  if (!stable)
    return question(
      'A canary of which deployment? For example: "create a canary of backend with image todo/backend:1.1".',
    );
  const view = workloadView(stable.object);
  const current = view.containers[0];
  const q = frame.quantities;
  const image = q.images[0] ?? (q.tag && current?.image ? withTag(current.image, q.tag) : undefined);
  if (!image)
    return question(
      `Which image should the canary of ${stable.name} run? For example: "create a canary of ${stable.name} with version 1.1".`,
    );
  const namespace = stable.namespace ?? 'default';
  const name = nameWord(frame.text.match(/\b(?:named|called)\s+([a-z0-9][a-z0-9-]*)/i)?.[1]) ?? `${stable.name}-canary`;
  const shared = Object.fromEntries(
    Object.entries(view.podLabels).filter(([k]) => !/^(track|version|release|stage)$/.test(k)),
  );
  const labels = { ...shared, track: 'canary' };
  const replicas = q.scale?.mode === 'absolute' ? q.scale.replicas : 1;
  const spec = JSON.parse(
    JSON.stringify((stable.object.spec as { template?: { spec?: Obj } })?.template?.spec ?? {}),
  ) as { containers: Obj[] };
  if (spec.containers[0]) spec.containers[0] = { ...spec.containers[0], image };
  const object: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(name, namespace, labels),
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec } },
  };
  const list: PlanStep[] = [
    create(
      object,
      `create canary Deployment ${namespace}/${name} running ${image} (${replicas} replica${replicas === 1 ? '' : 's'}) next to ${stable.name}`,
    ),
  ];
  const services = ctx.vocabulary.entities.filter((e) => e.kind === 'Service' && e.namespace === namespace);
  const serving = services.find((s) => {
    const selector = ((s.object.spec as { selector?: Record<string, string> })?.selector ?? {}) as Record<
      string,
      string
    >;
    return (
      Object.keys(selector).length > 0 &&
      Object.entries(selector).every(([k, v]) => labels[k as keyof typeof labels] === v && view.podLabels[k] === v)
    );
  });
  if (serving)
    ctx.assumptions.push(
      `service ${namespace}/${serving.name} selects ${Object.keys(shared).join(', ')}: it sends traffic to ${stable.name} and the canary alike`,
    );
  else {
    list.push(
      create(
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: meta(stable.name, namespace),
          spec: {
            selector: shared,
            ports: [{ port: 80, targetPort: current?.ports?.[0]?.containerPort ?? 80, protocol: 'TCP' }],
          },
        },
        `create Service ${namespace}/${stable.name} shared by ${stable.name} and ${name}`,
      ),
    );
  }
  ctx.acted = [stable];
  return done(`Create canary ${name} of ${namespace}/${stable.name} with ${image}`, list);
}
