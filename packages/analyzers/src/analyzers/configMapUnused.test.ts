import { describe, expect, it } from 'vitest';
import { analyzeWith, obj } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { configMapUnused } from './configMapUnused.js';

describe('configmap-unused', () => {
  it('reports nothing on a healthy cluster, nor system ConfigMaps', () => {
    const cluster = healthyCluster().add(
      obj('v1', 'ConfigMap', 'kube-root-ca.crt', 'shop'),
      obj('v1', 'ConfigMap', 'coredns', 'kube-system'),
    );
    expect(analyzeWith(configMapUnused, cluster.objects)).toEqual([]);
  });

  it('reports a ConfigMap nothing references', () => {
    const cluster = healthyCluster().add(obj('v1', 'ConfigMap', 'old-config', 'shop'));
    const [finding, ...rest] = analyzeWith(configMapUnused, cluster.objects);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'INFO',
      message: 'ConfigMap shop/old-config is not used by any pod, workload',
    });
  });

  it('counts references from workload templates without running pods', () => {
    const cluster = healthyCluster().add(obj('v1', 'ConfigMap', 'cron-config', 'shop'));
    const cron = cluster.find('CronJob', 'nightly');
    (
      cron.spec as { jobTemplate: { spec: { template: { spec: { volumes?: unknown[] } } } } }
    ).jobTemplate.spec.template.spec.volumes = [{ name: 'c', configMap: { name: 'cron-config' } }];
    expect(analyzeWith(configMapUnused, cluster.objects)).toEqual([]);
  });
});
