import type { Registry } from 'prom-client';
import { gaugeFamily } from './metricFamilies.js';
import { listKind, type ScrapeContext } from './scrapeContext.js';

type Json = Record<string, unknown>;

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * kube-state-metrics workload series: deployments, stateful sets, daemon sets, jobs and HPAs (desired and
 * observed replica counts, generations, job outcomes).
 * @see https://github.com/kubernetes/kube-state-metrics/tree/main/docs/metrics/workload
 */
export function workloadStateSeries(registry: Registry, ctx: ScrapeContext): void {
  const g = (name: string, help: string, by: string) => {
    const set = gaugeFamily(registry, name, help, ['namespace', by]);
    return (o: { metadata: { namespace?: string; name: string } }, v: number) =>
      set({ namespace: o.metadata.namespace ?? '', [by]: o.metadata.name }, v);
  };
  const depSpec = g('kube_deployment_spec_replicas', 'Number of desired pods for a deployment.', 'deployment');
  const depReplicas = g('kube_deployment_status_replicas', 'The number of replicas per deployment.', 'deployment');
  const depAvailable = g(
    'kube_deployment_status_replicas_available',
    'The number of available replicas per deployment.',
    'deployment',
  );
  const depUnavailable = g(
    'kube_deployment_status_replicas_unavailable',
    'The number of unavailable replicas per deployment.',
    'deployment',
  );
  const depUpdated = g(
    'kube_deployment_status_replicas_updated',
    'The number of updated replicas per deployment.',
    'deployment',
  );
  const depObserved = g(
    'kube_deployment_status_observed_generation',
    'The generation observed by the deployment controller.',
    'deployment',
  );
  const depGeneration = g(
    'kube_deployment_metadata_generation',
    'Sequence number representing a specific generation of the desired state.',
    'deployment',
  );
  for (const d of listKind(ctx, 'apps', 'v1', 'deployments')) {
    const spec = d.spec as Json;
    const status = (d.status as Json | undefined) ?? {};
    depSpec(d, num(spec.replicas));
    depReplicas(d, num(status.replicas));
    depAvailable(d, num(status.availableReplicas));
    depUnavailable(d, num(status.unavailableReplicas));
    depUpdated(d, num(status.updatedReplicas));
    depObserved(d, num(status.observedGeneration));
    depGeneration(d, num(d.metadata.generation));
  }
  const stsReplicas = g('kube_statefulset_replicas', 'Number of desired pods for a StatefulSet.', 'statefulset');
  const stsReady = g(
    'kube_statefulset_status_replicas_ready',
    'The number of ready replicas per StatefulSet.',
    'statefulset',
  );
  for (const s of listKind(ctx, 'apps', 'v1', 'statefulsets')) {
    stsReplicas(s, num((s.spec as Json).replicas));
    stsReady(s, num((s.status as Json | undefined)?.readyReplicas));
  }
  const dsDesired = g(
    'kube_daemonset_status_desired_number_scheduled',
    'The number of nodes that should be running the daemon pod.',
    'daemonset',
  );
  const dsReady = g(
    'kube_daemonset_status_number_ready',
    'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.',
    'daemonset',
  );
  for (const s of listKind(ctx, 'apps', 'v1', 'daemonsets')) {
    dsDesired(s, num((s.status as Json | undefined)?.desiredNumberScheduled));
    dsReady(s, num((s.status as Json | undefined)?.numberReady));
  }
  const jobActive = g('kube_job_status_active', 'The number of actively running pods.', 'job_name');
  const jobSucceeded = g('kube_job_status_succeeded', 'The number of pods which reached Phase Succeeded.', 'job_name');
  const jobFailed = g('kube_job_status_failed', 'The number of pods which reached Phase Failed.', 'job_name');
  for (const j of listKind(ctx, 'batch', 'v1', 'jobs')) {
    const status = (j.status as Json | undefined) ?? {};
    jobActive(j, num(status.active));
    jobSucceeded(j, num(status.succeeded));
    jobFailed(j, num(status.failed));
  }
  const hpaCurrent = g(
    'kube_horizontalpodautoscaler_status_current_replicas',
    'Current number of replicas of pods managed by this autoscaler.',
    'horizontalpodautoscaler',
  );
  const hpaDesired = g(
    'kube_horizontalpodautoscaler_status_desired_replicas',
    'Desired number of replicas of pods managed by this autoscaler.',
    'horizontalpodautoscaler',
  );
  const hpaMax = g(
    'kube_horizontalpodautoscaler_spec_max_replicas',
    'Upper limit for the number of pods that can be set by the autoscaler; cannot be smaller than MinReplicas.',
    'horizontalpodautoscaler',
  );
  const hpaMin = g(
    'kube_horizontalpodautoscaler_spec_min_replicas',
    'Lower limit for the number of pods that can be set by the autoscaler, default 1.',
    'horizontalpodautoscaler',
  );
  for (const h of listKind(ctx, 'autoscaling', 'v2', 'horizontalpodautoscalers')) {
    const status = (h.status as Json | undefined) ?? {};
    hpaCurrent(h, num(status.currentReplicas));
    hpaDesired(h, num(status.desiredReplicas));
    hpaMax(h, num((h.spec as Json).maxReplicas));
    hpaMin(h, num((h.spec as Json).minReplicas ?? 1));
  }
}
