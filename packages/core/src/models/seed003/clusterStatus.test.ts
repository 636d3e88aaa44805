import { describe, expect, it } from 'vitest';
import { ClusterStatus } from './clusterStatus.js';

describe('ClusterStatus', () => {
  it('starts UNKNOWN when no check has run', () => {
    expect(ClusterStatus.parse({})).toEqual({ state: 'UNKNOWN' });
  });

  it('accepts a full health report', () => {
    const status = {
      state: 'DEGRADED',
      health_score: 55,
      last_error: 'prometheus unreachable',
      connectivity: 'INTERMITTENT',
      api_server_healthy: true,
      prometheus_healthy: false,
      tempo_healthy: true,
      loki_healthy: true,
    };
    expect(ClusterStatus.parse(status)).toEqual(status);
  });

  it.each([0, 100])('accepts the health score %d', (health_score) => {
    expect(ClusterStatus.safeParse({ health_score }).success).toBe(true);
  });

  it.each([-1, 101, 50.5])('refuses the health score %d', (health_score) => {
    expect(ClusterStatus.safeParse({ health_score }).success).toBe(false);
  });

  it('refuses states and connectivity outside the UPPER_SNAKE enums', () => {
    expect(ClusterStatus.safeParse({ state: 'online' }).success).toBe(false);
    expect(ClusterStatus.safeParse({ state: 'RUNNING' }).success).toBe(false);
    expect(ClusterStatus.safeParse({ connectivity: 'FLAKY' }).success).toBe(false);
  });
});
