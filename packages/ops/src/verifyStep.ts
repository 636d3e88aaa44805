import type { Clock, ClusterGateway, PlanStep } from '@opspilot/core';
import { drainPods } from './drainPods.js';

/** What verification of one step found. */
export interface Verification {
  ok: boolean;
  message: string;
}

const ROLLING = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
type Json = Record<string, unknown>;

/**
 * Waits, on the clock, until the cluster shows what a step was meant to achieve — the rollout complete with the
 * desired replicas available, endpoints ready behind a changed Service, a node cordoned, a drained node left with
 * only the pods a drain leaves (DaemonSet and mirror pods, see {@link drainPods}), an object gone — or the
 * deadline passes, and says which (never reporting success it did not see).
 */
export async function verifyStep(
  gateway: ClusterGateway,
  clock: Clock,
  step: PlanStep,
  options: { timeoutMs: number; pollMs: number; signal?: AbortSignal },
): Promise<Verification> {
  const check = checkFor(gateway, step);
  if (!check) return { ok: true, message: 'nothing to wait for' };
  const deadline = clock.now().getTime() + options.timeoutMs;
  let last: Verification = { ok: false, message: 'not checked yet' };
  for (;;) {
    last = await check();
    if (last.ok || clock.now().getTime() >= deadline) break;
    await clock.sleep(options.pollMs, options.signal);
  }
  return last.ok
    ? last
    : { ok: false, message: `not reached within ${Math.round(options.timeoutMs / 1000)}s: ${last.message}` };
}

function checkFor(gateway: ClusterGateway, step: PlanStep): (() => Promise<Verification>) | undefined {
  const rollout = (ref: { kind: string; name: string; namespace?: string }, replicas?: number) => async () => {
    const status = await gateway.rolloutStatus(ref);
    const enough = replicas === undefined || status.availableReplicas === replicas;
    return { ok: status.done && enough, message: status.message };
  };
  switch (step.op) {
    case 'scale':
      return ROLLING.has(step.target.kind) ? rollout(step.target, step.replicas) : undefined;
    case 'rolloutRestart':
    case 'rolloutUndo':
      return rollout(step.target);
    case 'apply': {
      const ref = {
        kind: step.object.kind,
        name: step.object.metadata.name,
        namespace: step.object.metadata.namespace,
      };
      if (ROLLING.has(ref.kind)) return rollout(ref);
      if (ref.kind === 'Service' && (step.object.spec as Json | undefined)?.selector) {
        return async () => {
          const endpoints = await gateway.get({ kind: 'Endpoints', name: ref.name, namespace: ref.namespace });
          const ready = ((endpoints as Json | undefined)?.subsets as Json[] | undefined)?.reduce(
            (n, s) => n + ((s.addresses as unknown[] | undefined)?.length ?? 0),
            0,
          );
          return { ok: (ready ?? 0) > 0, message: `${ready ?? 0} ready endpoint(s) behind service ${ref.name}` };
        };
      }
      return undefined;
    }
    case 'delete':
      return async () => {
        const left = await gateway.get(step.target);
        return left
          ? {
              ok: false,
              message: `${step.target.kind} ${step.target.name} still exists${left.metadata.deletionTimestamp ? ' (terminating)' : ''}`,
            }
          : { ok: true, message: `${step.target.kind} ${step.target.name} is gone` };
      };
    case 'cordon':
    case 'uncordon':
    case 'drain':
      return async () => {
        const node = await gateway.get(step.target);
        const unschedulable = Boolean((node?.spec as Json | undefined)?.unschedulable);
        const wanted = step.op !== 'uncordon';
        if (unschedulable !== wanted)
          return { ok: false, message: `node ${step.target.name} is ${unschedulable ? '' : 'not '}cordoned` };
        if (step.op !== 'drain')
          return { ok: true, message: `node ${step.target.name} ${wanted ? 'cordoned' : 'uncordoned'}` };
        const pods = await gateway.list('Pod', { fieldSelector: `spec.nodeName=${step.target.name}` });
        const { evict, refused, skipped } = drainPods(pods, step);
        const left = evict.length + refused.length;
        const kept = skipped.filter((s) => !s.pod.metadata.deletionTimestamp).length;
        return {
          ok: left === 0,
          message: `${left} pod(s) left on node ${step.target.name}${kept ? `; ${kept} DaemonSet or mirror pod(s) stay` : ''}`,
        };
      };
    default:
      return undefined;
  }
}
