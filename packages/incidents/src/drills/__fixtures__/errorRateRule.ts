import type { Alert } from '@opspilot/core';

/** The `http_requests_total` counters of one scrape, by pod and code. */
function counters(text: string): Map<string, { labels: Record<string, string>; value: number }> {
  const out = new Map<string, { labels: Record<string, string>; value: number }>();
  for (const line of text.split('\n')) {
    const m = /^http_requests_total\{([^}]*)\}\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...(m[1] as string).matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    out.set(`${labels.namespace}/${labels.pod}/${labels.code}`, {
      labels: labels as Record<string, string>,
      value: Number(m[2]),
    });
  }
  return out;
}

/**
 * The alerting rule a Prometheus would evaluate over the simulated applications' own exposition
 * (`/metrics/apps`): `rate(http_requests_total{code="500"}) / rate(http_requests_total) > 5%` per pod between two
 * scrapes, as the alerts Alertmanager would deliver (FIRING, then RESOLVED once a firing pod's rate is back under).
 */
export function createErrorRateRule(clusterId?: string) {
  let firing = new Map<string, Alert>();
  return {
    evaluate(before: string, after: string, at: Date): Alert[] {
      const a = counters(before);
      const b = counters(after);
      const now = new Map<string, Alert>();
      for (const [key, ok] of b) {
        if (!key.endsWith('/200')) continue;
        const errKey = key.replace(/\/200$/, '/500');
        const errors = (b.get(errKey)?.value ?? 0) - (a.get(errKey)?.value ?? 0);
        const total = errors + ok.value - (a.get(key)?.value ?? 0);
        if (total <= 0 || errors / total <= 0.05) continue;
        const { namespace = '', pod = '', app = '' } = ok.labels;
        const fingerprint = `HighErrorRate/${namespace}/${pod}`;
        now.set(fingerprint, {
          id: crypto.randomUUID(),
          fingerprint,
          ...(clusterId ? { cluster_id: clusterId } : {}),
          alertname: 'HighErrorRate',
          severity: 'CRITICAL',
          state: 'FIRING',
          labels: { alertname: 'HighErrorRate', namespace, pod, app },
          annotations: { summary: `${app} answers ${Math.round((errors / total) * 100)}% of requests with errors` },
          starts_at: firing.get(fingerprint)?.starts_at ?? at.toISOString(),
        });
      }
      const resolved = [...firing.values()]
        .filter((f) => !now.has(f.fingerprint))
        .map((f) => ({ ...f, state: 'RESOLVED' as const, ends_at: at.toISOString() }));
      firing = now;
      return [...now.values(), ...resolved];
    },
  };
}
