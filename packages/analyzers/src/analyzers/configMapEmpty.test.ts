import { describe, expect, it } from 'vitest';
import { analyzeWith, obj } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { configMapEmpty } from './configMapEmpty.js';

describe('configmap-empty', () => {
  it('reports nothing on a healthy cluster, nor on an empty ConfigMap nothing uses', () => {
    expect(analyzeWith(configMapEmpty, healthyCluster().objects)).toEqual([]);
    const cluster = healthyCluster().add(obj('v1', 'ConfigMap', 'leftover', 'shop'));
    expect(analyzeWith(configMapEmpty, cluster.objects)).toEqual([]);
  });

  it('reports an empty ConfigMap the web pods mount', () => {
    const cluster = healthyCluster();
    delete (cluster.find('ConfigMap', 'web-config') as { data?: unknown }).data;
    const [finding, ...rest] = analyzeWith(configMapEmpty, cluster.objects);
    expect(rest).toEqual([]);
    expect(finding?.message).toMatch(/^ConfigMap shop\/web-config is empty/);
  });
});
