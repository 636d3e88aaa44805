import type { Alert } from '@opspilot/core';

type Counters = Map<string, { labels: Record<string, string>; value: number }>;

/** The cAdvisor CFS counters of one scrape, by namespace/pod/container. */
function counters(text: string, metric: string): Counters {
  const out: Counters = new Map();
  const line = new RegExp(`^${metric}\\{([^}]*)\\}\\s+(\\S+)`);
  for (const l of text.split('\n')) {
    const m = line.exec(l);
    if (!m) continue;
    const labels = Object.fromEntries([...(m[1] as string).matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    out.set(`${labels.namespace}/${labels.pod}/${labels.container}`, {
      labels: labels as Record<string, string>,
      value: Number(m[2]),
    });
  }
  return out;
}

/**
 * kube-prometheus's `CPUThrottlingHigh` as a Prometheus would evaluate it over the simulated cluster's cAdvisor
 * exposition between two scrapes: `increase(container_cpu_cfs_throttled_periods_total) /
 * increase(container_cpu_cfs_periods_total) > 25%` per container, as the alert Alertmanager would deliver.
 */
export function evaluateThrottling(before: string, after: string, at: Date, clusterId?: string): Alert[] {
  const t0 = counters(before, 'container_cpu_cfs_throttled_periods_total');
  const p0 = counters(before, 'container_cpu_cfs_periods_total');
  const t1 = counters(after, 'container_cpu_cfs_throttled_periods_total');
  const p1 = counters(after, 'container_cpu_cfs_periods_total');
  const out: Alert[] = [];
  for (const [key, periods] of p1) {
    const elapsed = periods.value - (p0.get(key)?.value ?? 0);
    const throttled = (t1.get(key)?.value ?? 0) - (t0.get(key)?.value ?? 0);
    if (elapsed <= 0 || throttled / elapsed <= 0.25) continue;
    const { namespace = '', pod = '', container = '', node = '' } = periods.labels;
    const fingerprint = `CPUThrottlingHigh/${namespace}/${pod}/${container}`;
    out.push({
      id: crypto.randomUUID(),
      fingerprint,
      ...(clusterId ? { cluster_id: clusterId } : {}),
      alertname: 'CPUThrottlingHigh',
      severity: 'WARNING',
      state: 'FIRING',
      labels: { alertname: 'CPUThrottlingHigh', namespace, pod, container, node },
      annotations: {
        summary: `${Math.round((throttled / elapsed) * 100)}% throttling of CPU in namespace ${namespace} for container ${container} in pod ${pod}`,
      },
      starts_at: at.toISOString(),
    });
  }
  return out;
}
