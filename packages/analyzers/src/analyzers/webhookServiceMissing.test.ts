import { describe, expect, it } from 'vitest';
import { analyzeWith, ctx, obj, snapshotOf } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { webhookServiceMissing } from './webhookServiceMissing.js';

describe('webhook-service-missing', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(webhookServiceMissing, healthyCluster().objects)).toEqual([]);
  });

  it('reports a fail-closed webhook whose Service is gone as critical', () => {
    const cluster = healthyCluster().remove('Service', 'policy');
    const [finding] = analyzeWith(webhookServiceMissing, cluster.objects);
    expect(finding?.severity).toBe('CRITICAL');
    expect(finding?.message).toBe(
      'ValidatingWebhookConfiguration shop-policy webhook policy.shop.example.com calls Service shop/policy, which does not exist; with failurePolicy Fail matching API requests are refused',
    );
  });

  it('does not judge Services outside the namespace a snapshot was limited to', () => {
    const cluster = healthyCluster().remove('Service', 'policy');
    const snapshot = snapshotOf(cluster.objects, webhookServiceMissing.kinds);
    expect(webhookServiceMissing.analyze(snapshot, { ...ctx, namespace: 'other' })).toEqual([]);
    expect(webhookServiceMissing.analyze(snapshot, { ...ctx, namespace: 'shop' })).toHaveLength(1);
  });

  it('reports a webhook Service without endpoints, less severe when it fails open', () => {
    const cluster = healthyCluster().add(obj('v1', 'Endpoints', 'policy', 'shop', { subsets: [] }));
    const config = cluster.find('ValidatingWebhookConfiguration', 'shop-policy') as unknown as {
      webhooks: { failurePolicy?: string }[];
    };
    config.webhooks[0]!.failurePolicy = 'Ignore';
    const [finding] = analyzeWith(webhookServiceMissing, cluster.objects);
    expect(finding).toMatchObject({ severity: 'MEDIUM' });
    expect(finding?.message).toContain('has no ready endpoints');
  });
});
