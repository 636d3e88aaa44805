import type { KubeObject } from '../../store/kubeObject.js';
import { AGE, type Cell, column, field, type Json, list, type Printer, wide } from './columns.js';
import { since } from './humanDuration.js';

function terminatedReason(state: Json, prefix = ''): string {
  const reason = state.reason ? String(state.reason) : '';
  if (reason) return `${prefix}${reason}`;
  return state.signal ? `${prefix}Signal:${state.signal}` : `${prefix}ExitCode:${state.exitCode ?? 0}`;
}

function lastRestart(statuses: Json[]): number {
  let latest = 0;
  for (const s of statuses) {
    const finished = field(field(s, 'lastState'), 'terminated').finishedAt;
    if (typeof finished === 'string') latest = Math.max(latest, Date.parse(finished) || 0);
  }
  return latest;
}

/**
 * READY, STATUS and RESTARTS of a pod, worked out as kubectl's pod printer does: init containers first
 * (`Init:0/1`, `Init:CrashLoopBackOff`), then the waiting or terminated reason of the containers, `Terminating`
 * once a deletion is pending, restarts with the time of the last one (`3 (2m ago)`).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export function podState(pod: KubeObject, now: Date): { ready: string; status: string; restarts: string } {
  const spec = field(pod, 'spec');
  const status = field(pod, 'status');
  const containers = list(spec, 'containers');
  const initStatuses = list(status, 'initContainerStatuses');
  const statuses = list(status, 'containerStatuses');
  let reason = String(status.reason ?? status.phase ?? 'Pending');
  let restarts = 0;
  let ready = 0;
  let initializing = false;
  const initCount = list(spec, 'initContainers').length;
  for (const [i, s] of initStatuses.entries()) {
    restarts += Number(s.restartCount ?? 0);
    const state = field(s, 'state');
    const terminated = field(state, 'terminated');
    const waiting = field(state, 'waiting');
    if ('terminated' in state && Number(terminated.exitCode ?? 0) === 0) continue;
    initializing = true;
    if ('terminated' in state) reason = terminatedReason(terminated, 'Init:');
    else if (waiting.reason && waiting.reason !== 'PodInitializing') reason = `Init:${waiting.reason}`;
    else reason = `Init:${i}/${initCount}`;
    break;
  }
  if (!initializing) {
    restarts = initStatuses.reduce((n, s) => n + Number(s.restartCount ?? 0), 0);
    let running = false;
    for (const s of [...statuses].reverse()) {
      restarts += Number(s.restartCount ?? 0);
      const state = field(s, 'state');
      const waiting = field(state, 'waiting');
      const terminated = field(state, 'terminated');
      if (waiting.reason) reason = String(waiting.reason);
      else if ('terminated' in state) reason = terminatedReason(terminated);
      else if (s.ready && 'running' in state) {
        running = true;
        ready++;
      }
    }
    if (reason === 'Completed' && running) {
      const readyCondition = list(status, 'conditions').some((c) => c.type === 'Ready' && c.status === 'True');
      reason = readyCondition ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  const last = lastRestart([...initStatuses, ...statuses]);
  const restartText = last > 0 ? `${restarts} (${since(new Date(last).toISOString(), now)} ago)` : String(restarts);
  return { ready: `${ready}/${containers.length}`, status: reason, restarts: restartText };
}

/**
 * `kubectl get pods`: NAME READY STATUS RESTARTS AGE; `-o wide` adds IP, NODE, NOMINATED NODE, READINESS GATES.
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/
 */
export const podPrinter: Printer = {
  columns: [
    column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'The aggregate status of the containers in this pod.'),
    column(
      'Restarts',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    AGE,
    wide('IP', 'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'),
    wide('Node', 'NodeName is a request to schedule this pod onto a specific node.'),
    wide('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node.'),
    wide('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.'),
  ],
  cells(pod: KubeObject, now: Date): Cell[] {
    const spec = field(pod, 'spec');
    const status = field(pod, 'status');
    const state = podState(pod, now);
    const gates = list(spec, 'readinessGates');
    const conditions = list(status, 'conditions');
    const gatesText =
      gates.length === 0
        ? '<none>'
        : `${gates.filter((g) => conditions.some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`;
    return [
      state.ready,
      state.status,
      state.restarts,
      since(pod.metadata.creationTimestamp, now),
      String(status.podIP ?? '<none>'),
      String(spec.nodeName ?? '<none>'),
      String(status.nominatedNodeName ?? '<none>'),
      gatesText,
    ];
  },
};
