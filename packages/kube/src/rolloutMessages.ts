import type { RolloutStatus } from '@opspilot/core';
import type { DaemonSetView, DeploymentView, StatefulSetView } from './workloadSchemas.js';

/**
 * `kubectl rollout status` for a Deployment: waits for the spec to be observed, then for new replicas to be
 * updated, old ones to terminate and updated ones to be available; a `ProgressDeadlineExceeded` condition fails it.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#deployment-status
 */
export function deploymentRolloutStatus(d: DeploymentView): RolloutStatus {
  const name = d.metadata.name;
  const desired = d.spec.replicas ?? 1;
  const updated = d.status.updatedReplicas ?? 0;
  const available = d.status.availableReplicas ?? 0;
  const total = d.status.replicas ?? 0;
  const base = { updatedReplicas: updated, availableReplicas: available, desiredReplicas: desired };
  const waiting = (message: string): RolloutStatus => ({ ...base, done: false, message });
  if ((d.metadata.generation ?? 0) > (d.status.observedGeneration ?? 0)) {
    return waiting('Waiting for deployment spec update to be observed...');
  }
  const progressing = d.status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return { ...base, done: false, failed: true, message: `deployment "${name}" exceeded its progress deadline` };
  }
  if (d.spec.replicas !== undefined && updated < desired) {
    return waiting(
      `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${desired} new replicas have been updated...`,
    );
  }
  if (total > updated) {
    return waiting(
      `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...`,
    );
  }
  if (available < updated) {
    return waiting(
      `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`,
    );
  }
  return { ...base, done: true, message: `deployment "${name}" successfully rolled out` };
}

/**
 * `kubectl rollout status` for a StatefulSet with the RollingUpdate strategy (partitioned roll-outs included).
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#rolling-updates
 */
export function statefulSetRolloutStatus(s: StatefulSetView): RolloutStatus {
  const desired = s.spec.replicas ?? 1;
  const ready = s.status.readyReplicas ?? 0;
  const updated = s.status.updatedReplicas ?? 0;
  const base = { updatedReplicas: updated, availableReplicas: ready, desiredReplicas: desired };
  const waiting = (message: string): RolloutStatus => ({ ...base, done: false, message });
  const strategy = s.spec.updateStrategy?.type ?? 'RollingUpdate';
  if (strategy !== 'RollingUpdate') {
    return {
      ...base,
      done: false,
      failed: true,
      message: 'rollout status is only available for RollingUpdate strategy type',
    };
  }
  const observed = s.status.observedGeneration ?? 0;
  if (observed === 0 || (s.metadata.generation ?? 0) > observed) {
    return waiting('Waiting for statefulset spec update to be observed...');
  }
  if (s.spec.replicas !== undefined && ready < desired)
    return waiting(`Waiting for ${desired - ready} pods to be ready...`);
  const partition = s.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  if (partition > 0) {
    if (updated < desired - partition) {
      return waiting(
        `Waiting for partitioned roll out to finish: ${updated} out of ${desired - partition} new pods have been updated...`,
      );
    }
    return { ...base, done: true, message: `partitioned roll out complete: ${updated} new pods have been updated...` };
  }
  if (s.status.updateRevision !== s.status.currentRevision) {
    return waiting(
      `waiting for statefulset rolling update to complete ${updated} pods at revision ${s.status.updateRevision}...`,
    );
  }
  return {
    ...base,
    done: true,
    message: `statefulset rolling update complete ${s.status.currentReplicas ?? 0} pods at revision ${s.status.currentRevision}...`,
  };
}

/**
 * `kubectl rollout status` for a DaemonSet with the RollingUpdate strategy.
 * @see https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/
 */
export function daemonSetRolloutStatus(d: DaemonSetView): RolloutStatus {
  const name = d.metadata.name;
  const desired = d.status.desiredNumberScheduled ?? 0;
  const updated = d.status.updatedNumberScheduled ?? 0;
  const available = d.status.numberAvailable ?? 0;
  const base = { updatedReplicas: updated, availableReplicas: available, desiredReplicas: desired };
  const waiting = (message: string): RolloutStatus => ({ ...base, done: false, message });
  if ((d.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    return {
      ...base,
      done: false,
      failed: true,
      message: 'rollout status is only available for RollingUpdate strategy type',
    };
  }
  if ((d.metadata.generation ?? 0) > (d.status.observedGeneration ?? 0)) {
    return waiting('Waiting for daemon set spec update to be observed...');
  }
  if (updated < desired) {
    return waiting(
      `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`,
    );
  }
  if (available < desired) {
    return waiting(
      `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`,
    );
  }
  return { ...base, done: true, message: `daemon set "${name}" successfully rolled out` };
}
