import { describe, expect, it } from 'vitest';
import { Cluster, NewCluster } from './cluster.js';

const base = { name: 'prod-east-1', api_server_url: 'https://api.prod-east-1.example.com:6443' };
const stored = { ...base, id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f', created_at: '2026-01-01T00:00:00Z', status: {} };

describe('Cluster', () => {
  it('applies the seed defaults', () => {
    expect(NewCluster.parse(base)).toEqual({
      ...base,
      cluster_type: 'SPOKE',
      platform: 'OPENSHIFT',
      environment: 'DEVELOPMENT',
      labels: {},
    });
  });

  it.each(['abc', 'a'.repeat(63), 'x-1', '1ab', 'prod-east-1'])('accepts the name %s', (name) => {
    expect(NewCluster.safeParse({ ...base, name }).success).toBe(true);
  });

  it.each(['ab', 'a'.repeat(64), 'Prod', '-prod', 'prod-', 'prod_east', 'prod.east', ''])(
    'refuses the name %j',
    (name) => {
      const result = NewCluster.safeParse({ ...base, name });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['name']);
    },
  );

  it('requires an HTTPS API server URL', () => {
    const http = NewCluster.safeParse({ ...base, api_server_url: 'http://api.example.com:6443' });
    expect(http.success).toBe(false);
    expect(http.error?.issues[0]?.message).toContain('https');
    expect(NewCluster.safeParse({ ...base, api_server_url: 'api.example.com:6443' }).success).toBe(false);
  });

  it('bounds display_name to 128 characters', () => {
    expect(NewCluster.safeParse({ ...base, display_name: 'x'.repeat(128) }).success).toBe(true);
    expect(NewCluster.safeParse({ ...base, display_name: 'x'.repeat(129) }).success).toBe(false);
  });

  it('refuses values outside the type, platform and environment enums', () => {
    expect(NewCluster.safeParse({ ...base, cluster_type: 'spoke' }).success).toBe(false);
    expect(NewCluster.safeParse({ ...base, platform: 'EKS' }).success).toBe(false);
    expect(NewCluster.safeParse({ ...base, environment: 'PROD' }).success).toBe(false);
  });

  it('requires id, status and created_at on a stored cluster and fills nested defaults', () => {
    const cluster = Cluster.parse({ ...stored, capabilities: {} });
    expect(cluster.status.state).toBe('UNKNOWN');
    expect(cluster.capabilities?.has_prometheus).toBe(true);
    const { status: _status, ...withoutStatus } = stored;
    expect(Cluster.safeParse(withoutStatus).success).toBe(false);
    expect(Cluster.safeParse({ ...stored, id: 'prod-east-1' }).success).toBe(false);
    expect(Cluster.safeParse({ ...stored, created_at: '2026-01-01 00:00' }).success).toBe(false);
  });

  it('does not let a caller set the id or status when registering', () => {
    const parsed = NewCluster.parse({ ...base, id: stored.id, status: { state: 'ONLINE' } });
    expect(parsed).not.toHaveProperty('id');
    expect(parsed).not.toHaveProperty('status');
  });
});
