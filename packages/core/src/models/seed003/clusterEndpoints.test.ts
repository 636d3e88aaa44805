import { describe, expect, it } from 'vitest';
import { ClusterEndpoints } from './clusterEndpoints.js';

describe('ClusterEndpoints', () => {
  it('accepts http and https endpoints, or none', () => {
    expect(ClusterEndpoints.parse({})).toEqual({});
    const endpoints = {
      prometheus_url: 'https://thanos-querier.openshift-monitoring.svc:9091',
      tempo_url: 'http://tempo.observability.svc:3200',
      loki_url: 'http://loki.observability.svc:3100',
      alertmanager_url: 'https://alertmanager.example.com',
    };
    expect(ClusterEndpoints.parse(endpoints)).toEqual(endpoints);
  });

  it.each(['not a url', 'ftp://prometheus.example.com', 'prometheus:9090'])('refuses the endpoint %s', (url) => {
    expect(ClusterEndpoints.safeParse({ prometheus_url: url }).success).toBe(false);
  });
});
