import {
  type BlockedEviction,
  type Clock,
  type ClusterGateway,
  ConflictError,
  DisruptionBudgetError,
  formatRef,
  type KubeObject,
  NotAllowedError,
  NotFoundError,
  type PlanStep,
  refOf,
} from '@opspilot/core';
import { describePods, drainPods } from './drainPods.js';

type DrainStep = Extract<PlanStep, { op: 'drain' }>;

/** How a drain runs: for real or as a server-side dry run, and how long it retries evictions a budget refuses. */
export interface DrainOptions {
  dryRun: boolean;
  /** Retries refused evictions on this clock; without one (or on a dry run) a refusal fails the drain at once. */
  clock?: Clock;
  /** How long refused evictions are retried (clock time, default 120 s). */
  timeoutMs?: number;
  /** How often (clock time, default 5 s as `kubectl drain`). */
  pollMs?: number;
  signal?: AbortSignal;
}

/**
 * `kubectl drain`: checks the node's pods ({@link drainPods}: a pod the drain must refuse — a DaemonSet's without
 * `ignoreDaemonSets`, emptyDir data without `deleteEmptyDirData`, a pod no controller declares — fails it before
 * anything changes), cordons the node, then evicts every pod to evict through the Eviction API, each only if it
 * still has the uid seen (a StatefulSet pod re-created under its name is not evicted twice). An eviction a
 * PodDisruptionBudget refuses is retried on the clock until the deadline — evictions of other pods and the
 * controllers' replacements becoming Ready elsewhere free the budget — after which the drain fails with a
 * `DisruptionBudgetError` naming the pods left and the budgets. Returns the cordoned node. With `dryRun`, the cordon
 * and every eviction are sent with `dryRun=All`, so the API server checks RBAC and the budgets as they stand.
 * @see https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/
 */
export async function drainNode(gateway: ClusterGateway, step: DrainStep, options: DrainOptions): Promise<KubeObject> {
  const name = step.target.name;
  const onNode = () => gateway.list('Pod', { fieldSelector: `spec.nodeName=${name}`, signal: options.signal });
  const refuse = (pods: ReturnType<typeof drainPods>['refused']) => {
    if (pods.length === 0) return;
    throw new NotAllowedError(`cannot drain node ${name}: ${describePods(pods)}`, {
      details: { node: name, pods: pods.map((p) => formatRef(refOf(p.pod))) },
      hint: 'Deal with the pods named (or plan the drain with the option named), then drain again; nothing was evicted.',
    });
  };
  refuse(drainPods(await onNode(), step).refused);
  const node = await gateway.patch(
    { kind: 'Node', name },
    { spec: { unschedulable: true } },
    { dryRun: options.dryRun, signal: options.signal },
  );
  const sorted = drainPods(await onNode(), step);
  refuse(sorted.refused);
  await evictAll(gateway, name, sorted.evict, options);
  return node;
}

async function evictAll(gateway: ClusterGateway, node: string, pods: KubeObject[], options: DrainOptions) {
  const { clock, dryRun, signal } = options;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const deadline = clock ? clock.now().getTime() + timeoutMs : 0;
  const blocked = new Map<KubeObject, BlockedEviction>();
  let pending = pods;
  for (;;) {
    const refused: KubeObject[] = [];
    for (const pod of pending) {
      try {
        await gateway.evict(refOf(pod), { dryRun, uid: pod.metadata.uid, signal });
        blocked.delete(pod);
      } catch (error) {
        // Gone already, or re-created under its name (another uid): the pod that was on this node has left it.
        if (error instanceof NotFoundError || error instanceof ConflictError) continue;
        if (!(error instanceof DisruptionBudgetError)) throw error;
        refused.push(pod);
        blocked.set(pod, { ...error.blocked[0], pod: { name: pod.metadata.name, namespace: pod.metadata.namespace } });
      }
    }
    pending = refused;
    if (pending.length === 0) return;
    if (dryRun || !clock || clock.now().getTime() >= deadline) break;
    await clock.sleep(options.pollMs ?? 5000, signal);
  }
  throw budgetsRefused(node, pods.length, [...blocked.values()], dryRun || !clock ? undefined : timeoutMs);
}

function budgetsRefused(node: string, total: number, left: BlockedEviction[], timeoutMs?: number) {
  const pods = left.map((b) => `${b.pod.namespace}/${b.pod.name}`);
  const reasons = [...new Set(left.map((b) => b.reason ?? 'refused by a disruption budget'))];
  const budgets = [
    ...new Map(left.flatMap((b) => (b.budget ? [[`${b.pod.namespace}/${b.budget}`, b] as const] : []))).entries(),
  ];
  const several = budgets.length > 1 ? 's' : '';
  const behind = budgets.length
    ? `the workload${several} behind PodDisruptionBudget${several} ${budgets.map(([key]) => key).join(', ')}`
    : 'the workloads of these pods';
  const check = budgets.map(([, b]) => `kubectl get pdb ${b.budget} -n ${b.pod.namespace}`).join('; ');
  const hint = `Scale up ${behind} so that a pod can go while enough stay Ready, or relax the budget${several}${check ? ` (${check})` : ''}, then drain again.`;
  const stopped =
    timeoutMs === undefined
      ? `drain of node ${node} refused`
      : `drain of node ${node} stopped after ${Math.round(timeoutMs / 1000)}s`;
  const evicted = timeoutMs === undefined ? '' : `; ${total - left.length} of ${total} pod(s) evicted`;
  return new DisruptionBudgetError(
    `${stopped}: ${left.length} pod(s) left that a disruption budget will not let go: ${pods.join(', ')} (${reasons.join('; ')})${evicted}. ${hint}`,
    { blocked: left, hint, details: { node } },
  );
}
