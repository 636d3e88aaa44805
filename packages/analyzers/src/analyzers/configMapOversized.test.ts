import { describe, expect, it } from 'vitest';
import { analyzeWith, obj } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { configMapOversized } from './configMapOversized.js';

describe('configmap-oversized', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(configMapOversized, healthyCluster().objects)).toEqual([]);
  });

  it('reports a ConfigMap close to the limit and one over it', () => {
    const cluster = healthyCluster().add(
      obj('v1', 'ConfigMap', 'geoip', 'shop', { data: { 'db.csv': 'x'.repeat(980 * 1024) } }),
      obj('v1', 'ConfigMap', 'dashboards', 'shop', {
        data: { 'a.json': 'y'.repeat(700 * 1024), 'b.json': 'z'.repeat(400 * 1024) },
      }),
    );
    const findings = analyzeWith(configMapOversized, cluster.objects);
    expect(findings.map((f) => [f.resource.name, f.severity])).toEqual([
      ['geoip', 'MEDIUM'],
      ['dashboards', 'HIGH'],
    ]);
    expect(findings[1]?.message).toBe(
      'ConfigMap shop/dashboards holds 1100 KiB, over the 1024 KiB the API server accepts: its next update is refused',
    );
  });
});
