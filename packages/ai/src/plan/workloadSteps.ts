import type { Intent, ScaleAmount } from '../intent/intent.js';
import { SCALABLE_KINDS, WORKLOAD_KINDS } from '../intent/kindWords.js';
import {
  type Built,
  describeRef,
  failed,
  type PlanContext,
  partialObject,
  question,
  resolveIn,
  steps,
} from './planContext.js';
import { workloadView } from './podTemplate.js';

type Of<A extends Intent['action']> = Extract<Intent, { action: A }>;

/** The replica count a scale request asks for, given the current one; never below zero. */
export function targetReplicas(current: number, amount: ScaleAmount): number {
  switch (amount.mode) {
    case 'absolute':
      return amount.replicas;
    case 'relative':
      return Math.max(0, current + amount.delta);
    case 'percent': {
      const exact = current * (1 + amount.percent / 100);
      return Math.max(0, amount.percent >= 0 ? Math.ceil(exact) : Math.floor(exact));
    }
    case 'factor':
      return Math.max(amount.factor < 1 ? 1 : 0, Math.ceil(current * amount.factor));
  }
}

/** `scale`: the new count is computed from the live `spec.replicas` for relative, percent and factor requests. */
export async function scaleSteps(intent: Of<'scale'>, ctx: PlanContext): Promise<Built> {
  const found = await resolveIn(ctx, intent.target, SCALABLE_KINDS);
  if (failed(found)) return found;
  const current = workloadView(found.object).replicas;
  const replicas = targetReplicas(current, intent.amount);
  const what = describeRef(found.ref);
  return steps(`Scale ${what} from ${current} to ${replicas} replicas`, [
    {
      op: 'scale',
      target: found.ref,
      replicas,
      fromReplicas: current,
      description: `scale ${what} to ${replicas} replicas (now ${current})`,
    },
  ]);
}

/** `rollout restart`. */
export async function restartSteps(intent: Of<'restart'>, ctx: PlanContext): Promise<Built> {
  const found = await resolveIn(ctx, intent.target, WORKLOAD_KINDS);
  if (failed(found)) return found;
  const what = describeRef(found.ref);
  return steps(`Restart the pods of ${what} with a rolling restart`, [
    { op: 'rolloutRestart', target: found.ref, description: `rolling restart of ${what}` },
  ]);
}

/** `rollout undo`, to the previous revision or the named one. */
export async function rollbackSteps(intent: Of<'rollback'>, ctx: PlanContext): Promise<Built> {
  const found = await resolveIn(ctx, intent.target, WORKLOAD_KINDS);
  if (failed(found)) return found;
  const what = describeRef(found.ref);
  const to = intent.toRevision ? `revision ${intent.toRevision}` : 'the previous revision';
  return steps(`Roll ${what} back to ${to}`, [
    {
      op: 'rolloutUndo',
      target: found.ref,
      ...(intent.toRevision ? { toRevision: intent.toRevision } : {}),
      description: `roll back ${what} to ${to}`,
    },
  ]);
}

type ContainerChange = (container: { name: string; image?: string }) => Record<string, unknown>;

async function containerPatch(
  phrase: Of<'setImage' | 'setEnv' | 'setResources'>['target'],
  ctx: PlanContext,
  summary: (what: string, container: string) => string,
  change: ContainerChange,
  wanted?: string,
): Promise<Built> {
  const found = await resolveIn(ctx, phrase, WORKLOAD_KINDS);
  if (failed(found)) return found;
  const { containers } = workloadView(found.object);
  const chosen =
    containers.find((c) => c.name === wanted) ??
    (containers.length === 1 ? containers[0] : containers.find((c) => c.name === found.ref.name));
  const what = describeRef(found.ref);
  if (!chosen) {
    return question(
      `${what} has ${containers.length} containers (${containers.map((c) => c.name).join(', ')}). Which one?`,
    );
  }
  const object = partialObject(found.ref, {
    spec: { template: { spec: { containers: [{ name: chosen.name, ...change(chosen) }] } } },
  });
  const text = summary(what, chosen.name);
  return steps(text, [{ op: 'apply', mode: 'patch', object, description: text }]);
}

/** The image with its tag (or digest) replaced. */
export function withTag(image: string, tag: string): string {
  const at = image.indexOf('@');
  const base = at >= 0 ? image.slice(0, at) : image;
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  return `${colon > slash ? base.slice(0, colon) : base}:${tag}`;
}

/** A new image (or only a new tag of the current one) for one container. */
export function setImageSteps(intent: Of<'setImage'>, ctx: PlanContext): Promise<Built> {
  return containerPatch(
    intent.target,
    ctx,
    (what, container) => `Set the image of container ${container} of ${what} to ${intent.image ?? `tag ${intent.tag}`}`,
    (c) => ({ image: intent.image ?? withTag(c.image ?? '', intent.tag ?? 'latest') }),
    intent.container,
  );
}

/** Environment variables of one container (merged by name with the existing ones). */
export function setEnvSteps(intent: Of<'setEnv'>, ctx: PlanContext): Promise<Built> {
  const names = Object.keys(intent.env).join(', ');
  return containerPatch(
    intent.target,
    ctx,
    (what, container) => `Set ${names} in container ${container} of ${what}`,
    () => ({ env: Object.entries(intent.env).map(([name, value]) => ({ name, value })) }),
  );
}

/** CPU and memory requests and limits of one container. */
export function setResourcesSteps(intent: Of<'setResources'>, ctx: PlanContext): Promise<Built> {
  const parts = [
    ...Object.entries(intent.requests).map(([k, v]) => `${k} request ${v}`),
    ...Object.entries(intent.limits).map(([k, v]) => `${k} limit ${v}`),
  ];
  const resources = {
    ...(Object.keys(intent.requests).length ? { requests: intent.requests } : {}),
    ...(Object.keys(intent.limits).length ? { limits: intent.limits } : {}),
  };
  return containerPatch(
    intent.target,
    ctx,
    (what, c) => `Set ${parts.join(', ')} of container ${c} of ${what}`,
    () => ({ resources }),
  );
}
