import { EXPOSITION_TARGETS, type SimCluster } from '@opspilot/kube-sim';

/**
 * The expositions of an embedded simulated cluster (`/metrics/cadvisor`, `/metrics/kube-state`, `/metrics/apps`),
 * read in-process for the built-in sampler: request and error rates and restarts besides metrics.k8s.io.
 */
export function simScrapes(sim: Pick<SimCluster, 'api'>): (() => Promise<string>)[] {
  return EXPOSITION_TARGETS.map((target) => async () => {
    const exposition = await sim.api.hooks.metrics?.(target);
    return exposition?.text ?? '';
  });
}
