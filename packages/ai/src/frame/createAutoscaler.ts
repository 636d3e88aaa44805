import type { KubeObject, PlanStep } from '@opspilot/core';
import { SCALABLE_KINDS } from '../intent/kindWords.js';
import { type Built, question } from '../plan/planContext.js';
import { type CreationEnv, create, meta } from './createStep.js';
import type { Frame } from './frame.js';
import type { FrameContext } from './frameContext.js';
import { pickTargets } from './pickTargets.js';

/**
 * A HorizontalPodAutoscaler per workload the request names: bounds from `between 2 and 10`, `min`/`max`, on CPU
 * (or memory when only memory is said) at the named percentage (80 % by default).
 */
export function createAutoscaler(frame: Frame, ctx: FrameContext, env: Pick<CreationEnv, 'done'>): Built {
  const { done } = env;
  const q = frame.quantities;
  const picked = pickTargets(frame, ctx.vocabulary, SCALABLE_KINDS, {
    ...(ctx.namespace ? { namespace: ctx.namespace } : {}),
  });
  if (picked.kind === 'built') return picked.built;
  if (picked.kind === 'none')
    return question(
      'Which deployment should be autoscaled? For example: "autoscale backend between 2 and 10 pods at 70% cpu".',
    );
  const list: PlanStep[] = [];
  for (const t of picked.targets) {
    const memory = /\b(memory|mem|ram)\b/i.test(frame.text) && !/\bcpu\b/i.test(frame.text);
    const min = q.minReplicas ?? 1;
    const max = q.maxReplicas ?? Math.max(10, min);
    const percent = q.percent ?? 80;
    if (min > max) return question(`The minimum (${min}) is above the maximum (${max}). Which bounds did you mean?`);
    if (!q.maxReplicas) ctx.assumptions.push(`at most ${max} replicas: no maximum was named`);
    const object: KubeObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta(t.name, t.namespace),
      spec: {
        scaleTargetRef: { apiVersion: t.object.apiVersion, kind: t.kind, name: t.name },
        minReplicas: min,
        maxReplicas: max,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: memory ? 'memory' : 'cpu',
              target: { type: 'Utilization', averageUtilization: percent },
            },
          },
        ],
      },
    };
    list.push(
      create(
        object,
        `create HorizontalPodAutoscaler ${t.name}: ${min}–${max} replicas at ${percent}% ${memory ? 'memory' : 'CPU'}`,
      ),
    );
  }
  ctx.acted = picked.targets;
  return done(
    `Autoscale ${picked.targets.map((t) => `${t.kind.toLowerCase()} ${t.namespace}/${t.name}`).join(', ')}`,
    list,
  );
}
