import { describe, expect, it } from 'vitest';
import { Cluster, NewCluster } from './cluster.js';
import { ClusterCredentials, toPublicCredentials } from './clusterCredentials.js';

const base = { name: 'prod-east-1', api_server_url: 'https://api.prod-east-1.example.com:6443' };

describe('Cluster', () => {
  it('applies the seed defaults', () => {
    expect(NewCluster.parse(base)).toMatchObject({
      cluster_type: 'SPOKE',
      platform: 'OPENSHIFT',
      environment: 'DEVELOPMENT',
    });
  });

  it.each(['ab', 'a'.repeat(64), 'Prod', '-prod', 'prod-', 'prod_east'])('refuses the name %s', (name) => {
    expect(NewCluster.safeParse({ ...base, name }).success).toBe(false);
  });

  it.each(['abc', 'a'.repeat(63), 'x-1'])('accepts the name %s', (name) => {
    expect(NewCluster.safeParse({ ...base, name }).success).toBe(true);
  });

  it('requires an HTTPS API server URL', () => {
    const r = NewCluster.safeParse({ ...base, api_server_url: 'http://api.example.com:6443' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('https');
  });

  it('bounds display_name and health_score', () => {
    expect(NewCluster.safeParse({ ...base, display_name: 'x'.repeat(129) }).success).toBe(false);
    const cluster = { ...base, id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f', created_at: '2026-01-01T00:00:00Z' };
    expect(Cluster.safeParse({ ...cluster, status: { state: 'ONLINE', health_score: 101 } }).success).toBe(false);
    expect(Cluster.parse({ ...cluster, status: {} }).status.state).toBe('UNKNOWN');
  });

  it('never lets credentials secrets reach the public shape', () => {
    const creds = ClusterCredentials.parse({
      cluster_id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
      auth_type: 'KUBECONFIG',
      kubeconfig_encrypted: 'c2VjcmV0',
      service_account_token_secret_ref: 'ns/secret',
      created_at: '2026-01-01T00:00:00Z',
    });
    const pub = toPublicCredentials(creds);
    expect(JSON.stringify(pub)).not.toContain('c2VjcmV0');
    expect(JSON.stringify(pub)).not.toContain('ns/secret');
    expect(pub.has_kubeconfig).toBe(true);
  });
});
