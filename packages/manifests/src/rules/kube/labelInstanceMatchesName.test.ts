import { describe, expect, it } from 'vitest';
import { healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { labelInstanceMatchesName } from './labelInstanceMatchesName.js';

const withInstance = (instance: string, name = 'web') => {
  const d = healthyDeployment();
  d.metadata.name = name;
  d.metadata.labels['app.kubernetes.io/instance'] = instance;
  return d;
};

describe('labelInstanceMatchesName', () => {
  it('passes a matching label, a Helm release-prefixed name, and a workload without the label', () => {
    expect(runKubeRule(labelInstanceMatchesName, [withInstance('web')])).toEqual([]);
    expect(runKubeRule(labelInstanceMatchesName, [withInstance('shop', 'shop-web')])).toEqual([]);
    expect(runKubeRule(labelInstanceMatchesName, [healthyDeployment()])).toEqual([]);
  });

  it('reports an instance label copied from another workload', () => {
    const v = runKubeRule(labelInstanceMatchesName, [withInstance('billing', 'orders')]);
    expect(v).toEqual([
      expect.objectContaining({
        rule: 'label-instance-matches-name',
        severity: 'INFO',
        path: 'metadata.labels["app.kubernetes.io/instance"]',
        message: expect.stringContaining('"billing" but the Deployment is named "orders"'),
      }),
    ]);
    // A shared prefix that is not the whole instance followed by "-" is no Helm name.
    expect(runKubeRule(labelInstanceMatchesName, [withInstance('web', 'webshop')])).toHaveLength(1);
  });
});
