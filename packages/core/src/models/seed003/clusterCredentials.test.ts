import { describe, expect, it } from 'vitest';
import { ClusterCredentials, PublicClusterCredentials, toPublicCredentials } from './clusterCredentials.js';

const credentials = {
  cluster_id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
  auth_type: 'KUBECONFIG',
  kubeconfig_encrypted: 'v1:aXY=:dGFn:c2VjcmV0',
  service_account_token_secret_ref: 'opspilot/sa-token',
  prometheus_token_secret_ref: 'opspilot/prom-token',
  created_at: '2026-01-01T00:00:00Z',
  expires_at: '2026-02-01T00:00:00Z',
};

describe('ClusterCredentials', () => {
  it('accepts stored credentials and refuses an unknown auth type or a bad cluster id', () => {
    expect(ClusterCredentials.safeParse(credentials).success).toBe(true);
    expect(ClusterCredentials.safeParse({ ...credentials, auth_type: 'PASSWORD' }).success).toBe(false);
    expect(ClusterCredentials.safeParse({ ...credentials, cluster_id: 'prod' }).success).toBe(false);
    expect(ClusterCredentials.safeParse({ ...credentials, kubeconfig_encrypted: '' }).success).toBe(false);
  });

  it('never lets a secret or secret reference reach the public shape', () => {
    const pub = toPublicCredentials(ClusterCredentials.parse(credentials));
    const text = JSON.stringify(pub);
    for (const secret of ['c2VjcmV0', 'sa-token', 'prom-token']) expect(text).not.toContain(secret);
    expect(pub).toEqual({
      cluster_id: credentials.cluster_id,
      auth_type: 'KUBECONFIG',
      created_at: credentials.created_at,
      expires_at: credentials.expires_at,
      has_kubeconfig: true,
    });
    expect(PublicClusterCredentials.safeParse(pub).success).toBe(true);
  });

  it('reports when no kubeconfig is stored', () => {
    const { kubeconfig_encrypted: _k, ...saOnly } = credentials;
    const pub = toPublicCredentials(ClusterCredentials.parse({ ...saOnly, auth_type: 'SERVICE_ACCOUNT' }));
    expect(pub.has_kubeconfig).toBe(false);
  });

  it('drops secret fields when parsing something as public', () => {
    const parsed = PublicClusterCredentials.parse({ ...credentials, has_kubeconfig: true });
    expect(parsed).not.toHaveProperty('kubeconfig_encrypted');
    expect(parsed).not.toHaveProperty('service_account_token_secret_ref');
    expect(parsed).not.toHaveProperty('prometheus_token_secret_ref');
  });
});
